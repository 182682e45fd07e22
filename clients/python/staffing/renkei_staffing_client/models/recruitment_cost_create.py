from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recruitment_cost_item import RecruitmentCostItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecruitmentCostCreate")


@_attrs_define
class RecruitmentCostCreate:
    """
    Attributes:
        amount_yen (int): integer yen
        item (RecruitmentCostItem):
        note (None | str | Unset):
    """

    amount_yen: int
    item: RecruitmentCostItem
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        item = self.item.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_yen": amount_yen,
                "item": item,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        item = RecruitmentCostItem(d.pop("item"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        recruitment_cost_create = cls(
            amount_yen=amount_yen,
            item=item,
            note=note,
        )

        return recruitment_cost_create
