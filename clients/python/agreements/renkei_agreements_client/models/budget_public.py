from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetPublic")


@_attrs_define
class BudgetPublic:
    """
    Attributes:
        amount_yen (int):
        fiscal_year (int):
        municipality_code (str):
    """

    amount_yen: int
    fiscal_year: int
    municipality_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        fiscal_year = self.fiscal_year

        municipality_code = self.municipality_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "fiscal_year": fiscal_year,
                "municipality_code": municipality_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        fiscal_year = d.pop("fiscal_year")

        municipality_code = d.pop("municipality_code")

        budget_public = cls(
            amount_yen=amount_yen,
            fiscal_year=fiscal_year,
            municipality_code=municipality_code,
        )

        budget_public.additional_properties = d
        return budget_public

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
