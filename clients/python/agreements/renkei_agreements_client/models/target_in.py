from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TargetIn")


@_attrs_define
class TargetIn:
    """
    Attributes:
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        value (float):
    """

    fiscal_year: int
    value: float

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        value = d.pop("value")

        target_in = cls(
            fiscal_year=fiscal_year,
            value=value,
        )

        return target_in
