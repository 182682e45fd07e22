from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cost_kind import CostKind

T = TypeVar("T", bound="CostLinePublic")


@_attrs_define
class CostLinePublic:
    """
    Attributes:
        amount_yen (int):
        cost_id (str):
        dispatch_id (None | str):
        eligible_yen (int):
        ineligible_reason (None | str):
        ineligible_yen (int):
        kind (CostKind):
        month (int | None):
        profession_code (str):
        recruitment_id (None | str):
    """

    amount_yen: int
    cost_id: str
    dispatch_id: None | str
    eligible_yen: int
    ineligible_reason: None | str
    ineligible_yen: int
    kind: CostKind
    month: int | None
    profession_code: str
    recruitment_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        cost_id = self.cost_id

        dispatch_id: None | str
        dispatch_id = self.dispatch_id

        eligible_yen = self.eligible_yen

        ineligible_reason: None | str
        ineligible_reason = self.ineligible_reason

        ineligible_yen = self.ineligible_yen

        kind = self.kind.value

        month: int | None
        month = self.month

        profession_code = self.profession_code

        recruitment_id: None | str
        recruitment_id = self.recruitment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "cost_id": cost_id,
                "dispatch_id": dispatch_id,
                "eligible_yen": eligible_yen,
                "ineligible_reason": ineligible_reason,
                "ineligible_yen": ineligible_yen,
                "kind": kind,
                "month": month,
                "profession_code": profession_code,
                "recruitment_id": recruitment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        cost_id = d.pop("cost_id")

        def _parse_dispatch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dispatch_id = _parse_dispatch_id(d.pop("dispatch_id"))

        eligible_yen = d.pop("eligible_yen")

        def _parse_ineligible_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ineligible_reason = _parse_ineligible_reason(d.pop("ineligible_reason"))

        ineligible_yen = d.pop("ineligible_yen")

        kind = CostKind(d.pop("kind"))

        def _parse_month(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        month = _parse_month(d.pop("month"))

        profession_code = d.pop("profession_code")

        def _parse_recruitment_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recruitment_id = _parse_recruitment_id(d.pop("recruitment_id"))

        cost_line_public = cls(
            amount_yen=amount_yen,
            cost_id=cost_id,
            dispatch_id=dispatch_id,
            eligible_yen=eligible_yen,
            ineligible_reason=ineligible_reason,
            ineligible_yen=ineligible_yen,
            kind=kind,
            month=month,
            profession_code=profession_code,
            recruitment_id=recruitment_id,
        )

        cost_line_public.additional_properties = d
        return cost_line_public

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
