from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cost_kind import CostKind
from ..models.recruitment_cost_item import RecruitmentCostItem

if TYPE_CHECKING:
    from ..models.cost_public_breakdown_type_0 import CostPublicBreakdownType0


T = TypeVar("T", bound="CostPublic")


@_attrs_define
class CostPublic:
    """
    Attributes:
        amount_yen (int):
        breakdown (CostPublicBreakdownType0 | None):
        created_at (datetime.datetime):
        dispatch_id (None | str):
        employer_code (str):
        fiscal_year (int):
        id (str):
        item (None | RecruitmentCostItem):
        kind (CostKind):
        month (int | None):
        note (None | str):
        profession_code (str):
        recruitment_id (None | str):
    """

    amount_yen: int
    breakdown: CostPublicBreakdownType0 | None
    created_at: datetime.datetime
    dispatch_id: None | str
    employer_code: str
    fiscal_year: int
    id: str
    item: None | RecruitmentCostItem
    kind: CostKind
    month: int | None
    note: None | str
    profession_code: str
    recruitment_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cost_public_breakdown_type_0 import CostPublicBreakdownType0  # noqa: PLC0415

        amount_yen = self.amount_yen

        breakdown: dict[str, Any] | None
        if isinstance(self.breakdown, CostPublicBreakdownType0):
            breakdown = self.breakdown.to_dict()
        else:
            breakdown = self.breakdown

        created_at = self.created_at.isoformat()

        dispatch_id: None | str
        dispatch_id = self.dispatch_id

        employer_code = self.employer_code

        fiscal_year = self.fiscal_year

        id = self.id

        item: None | str
        if isinstance(self.item, RecruitmentCostItem):
            item = self.item.value
        else:
            item = self.item

        kind = self.kind.value

        month: int | None
        month = self.month

        note: None | str
        note = self.note

        profession_code = self.profession_code

        recruitment_id: None | str
        recruitment_id = self.recruitment_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "breakdown": breakdown,
                "created_at": created_at,
                "dispatch_id": dispatch_id,
                "employer_code": employer_code,
                "fiscal_year": fiscal_year,
                "id": id,
                "item": item,
                "kind": kind,
                "month": month,
                "note": note,
                "profession_code": profession_code,
                "recruitment_id": recruitment_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_public_breakdown_type_0 import CostPublicBreakdownType0  # noqa: PLC0415

        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        def _parse_breakdown(data: object) -> CostPublicBreakdownType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                breakdown_type_0 = CostPublicBreakdownType0.from_dict(data)

                return breakdown_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CostPublicBreakdownType0 | None, data)

        breakdown = _parse_breakdown(d.pop("breakdown"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_dispatch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dispatch_id = _parse_dispatch_id(d.pop("dispatch_id"))

        employer_code = d.pop("employer_code")

        fiscal_year = d.pop("fiscal_year")

        id = d.pop("id")

        def _parse_item(data: object) -> None | RecruitmentCostItem:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                item_type_0 = RecruitmentCostItem(data)

                return item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecruitmentCostItem, data)

        item = _parse_item(d.pop("item"))

        kind = CostKind(d.pop("kind"))

        def _parse_month(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        month = _parse_month(d.pop("month"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        profession_code = d.pop("profession_code")

        def _parse_recruitment_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recruitment_id = _parse_recruitment_id(d.pop("recruitment_id"))

        cost_public = cls(
            amount_yen=amount_yen,
            breakdown=breakdown,
            created_at=created_at,
            dispatch_id=dispatch_id,
            employer_code=employer_code,
            fiscal_year=fiscal_year,
            id=id,
            item=item,
            kind=kind,
            month=month,
            note=note,
            profession_code=profession_code,
            recruitment_id=recruitment_id,
        )

        cost_public.additional_properties = d
        return cost_public

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
