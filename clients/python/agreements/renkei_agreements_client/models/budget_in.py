from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BudgetIn")


@_attrs_define
class BudgetIn:
    """
    Attributes:
        amount_yen (int): integer yen
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        municipality_code (str): 6-digit 団体コード with check digit
    """

    amount_yen: int
    fiscal_year: int
    municipality_code: str

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        fiscal_year = self.fiscal_year

        municipality_code = self.municipality_code

        field_dict: dict[str, Any] = {}

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

        budget_in = cls(
            amount_yen=amount_yen,
            fiscal_year=fiscal_year,
            municipality_code=municipality_code,
        )

        return budget_in
