from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="KpiActualCreate")


@_attrs_define
class KpiActualCreate:
    """
    Attributes:
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        reported_on (datetime.date):
        value (float):
    """

    fiscal_year: int
    reported_on: datetime.date
    value: float

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        reported_on = self.reported_on.isoformat()

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "reported_on": reported_on,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        value = d.pop("value")

        kpi_actual_create = cls(
            fiscal_year=fiscal_year,
            reported_on=reported_on,
            value=value,
        )

        return kpi_actual_create
