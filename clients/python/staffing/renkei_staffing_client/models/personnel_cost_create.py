from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonnelCostCreate")


@_attrs_define
class PersonnelCostCreate:
    """
    Attributes:
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        salary_yen (int): integer yen
        allowances_yen (int | Unset): integer yen Default: 0.
        month (int | None | Unset): null for a whole FY
        note (None | str | Unset):
        social_insurance_yen (int | Unset): integer yen Default: 0.
    """

    fiscal_year: int
    salary_yen: int
    allowances_yen: int | Unset = 0
    month: int | None | Unset = UNSET
    note: None | str | Unset = UNSET
    social_insurance_yen: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        salary_yen = self.salary_yen

        allowances_yen = self.allowances_yen

        month: int | None | Unset
        if isinstance(self.month, Unset):
            month = UNSET
        else:
            month = self.month

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        social_insurance_yen = self.social_insurance_yen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "salary_yen": salary_yen,
            }
        )
        if allowances_yen is not UNSET:
            field_dict["allowances_yen"] = allowances_yen
        if month is not UNSET:
            field_dict["month"] = month
        if note is not UNSET:
            field_dict["note"] = note
        if social_insurance_yen is not UNSET:
            field_dict["social_insurance_yen"] = social_insurance_yen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        salary_yen = d.pop("salary_yen")

        allowances_yen = d.pop("allowances_yen", UNSET)

        def _parse_month(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        month = _parse_month(d.pop("month", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        social_insurance_yen = d.pop("social_insurance_yen", UNSET)

        personnel_cost_create = cls(
            fiscal_year=fiscal_year,
            salary_yen=salary_yen,
            allowances_yen=allowances_yen,
            month=month,
            note=note,
            social_insurance_yen=social_insurance_yen,
        )

        return personnel_cost_create
