from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoveragePublic")


@_attrs_define
class CoveragePublic:
    """
    Attributes:
        cancelled (int):
        filled (int):
        open_ (int):
        unfilled_days (int):
        unfilled_longer (int): open needs stated more than unfilled_days days ago
        unfilled_longer_ids (list[str]):
    """

    cancelled: int
    filled: int
    open_: int
    unfilled_days: int
    unfilled_longer: int
    unfilled_longer_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled = self.cancelled

        filled = self.filled

        open_ = self.open_

        unfilled_days = self.unfilled_days

        unfilled_longer = self.unfilled_longer

        unfilled_longer_ids = self.unfilled_longer_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled": cancelled,
                "filled": filled,
                "open": open_,
                "unfilled_days": unfilled_days,
                "unfilled_longer": unfilled_longer,
                "unfilled_longer_ids": unfilled_longer_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled = d.pop("cancelled")

        filled = d.pop("filled")

        open_ = d.pop("open")

        unfilled_days = d.pop("unfilled_days")

        unfilled_longer = d.pop("unfilled_longer")

        unfilled_longer_ids = cast(list[str], d.pop("unfilled_longer_ids"))

        coverage_public = cls(
            cancelled=cancelled,
            filled=filled,
            open_=open_,
            unfilled_days=unfilled_days,
            unfilled_longer=unfilled_longer,
            unfilled_longer_ids=unfilled_longer_ids,
        )

        coverage_public.additional_properties = d
        return coverage_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
