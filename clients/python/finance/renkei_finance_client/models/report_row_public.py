from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportRowPublic")


@_attrs_define
class ReportRowPublic:
    """
    Attributes:
        amount_yen (int):
        estimate_lines (int):
        fiscal_year (int):
        group_code (str):
        group_name (str):
        lines (int):
        measure (str):
        measure_name (str):
        unconfirmed_lines (int):
    """

    amount_yen: int
    estimate_lines: int
    fiscal_year: int
    group_code: str
    group_name: str
    lines: int
    measure: str
    measure_name: str
    unconfirmed_lines: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        estimate_lines = self.estimate_lines

        fiscal_year = self.fiscal_year

        group_code = self.group_code

        group_name = self.group_name

        lines = self.lines

        measure = self.measure

        measure_name = self.measure_name

        unconfirmed_lines = self.unconfirmed_lines

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "estimate_lines": estimate_lines,
                "fiscal_year": fiscal_year,
                "group_code": group_code,
                "group_name": group_name,
                "lines": lines,
                "measure": measure,
                "measure_name": measure_name,
                "unconfirmed_lines": unconfirmed_lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        estimate_lines = d.pop("estimate_lines")

        fiscal_year = d.pop("fiscal_year")

        group_code = d.pop("group_code")

        group_name = d.pop("group_name")

        lines = d.pop("lines")

        measure = d.pop("measure")

        measure_name = d.pop("measure_name")

        unconfirmed_lines = d.pop("unconfirmed_lines")

        report_row_public = cls(
            amount_yen=amount_yen,
            estimate_lines=estimate_lines,
            fiscal_year=fiscal_year,
            group_code=group_code,
            group_name=group_name,
            lines=lines,
            measure=measure,
            measure_name=measure_name,
            unconfirmed_lines=unconfirmed_lines,
        )

        report_row_public.additional_properties = d
        return report_row_public

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
