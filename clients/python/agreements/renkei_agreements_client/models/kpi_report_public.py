from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KpiReportPublic")


@_attrs_define
class KpiReportPublic:
    """One reported actual value, with the target of its year.

    Attributes:
        fiscal_year (int):
        kpi_id (str):
        recorded_at (datetime.datetime):
        recorded_by_org (str):
        reported_on (datetime.date):
        target (float | None):
        value (float):
    """

    fiscal_year: int
    kpi_id: str
    recorded_at: datetime.datetime
    recorded_by_org: str
    reported_on: datetime.date
    target: float | None
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        kpi_id = self.kpi_id

        recorded_at = self.recorded_at.isoformat()

        recorded_by_org = self.recorded_by_org

        reported_on = self.reported_on.isoformat()

        target: float | None
        target = self.target

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "kpi_id": kpi_id,
                "recorded_at": recorded_at,
                "recorded_by_org": recorded_by_org,
                "reported_on": reported_on,
                "target": target,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        kpi_id = d.pop("kpi_id")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by_org = d.pop("recorded_by_org")

        reported_on = datetime.date.fromisoformat(d.pop("reported_on"))

        def _parse_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target = _parse_target(d.pop("target"))

        value = d.pop("value")

        kpi_report_public = cls(
            fiscal_year=fiscal_year,
            kpi_id=kpi_id,
            recorded_at=recorded_at,
            recorded_by_org=recorded_by_org,
            reported_on=reported_on,
            target=target,
            value=value,
        )

        kpi_report_public.additional_properties = d
        return kpi_report_public

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
