from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReportPublic")


@_attrs_define
class ReportPublic:
    """
    Attributes:
        filed_on (datetime.date):
        fiscal_year (int):
        group_id (str):
        id (str):
        recorded_at (datetime.datetime):
    """

    filed_on: datetime.date
    fiscal_year: int
    group_id: str
    id: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filed_on = self.filed_on.isoformat()

        fiscal_year = self.fiscal_year

        group_id = self.group_id

        id = self.id

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filed_on": filed_on,
                "fiscal_year": fiscal_year,
                "group_id": group_id,
                "id": id,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filed_on = datetime.date.fromisoformat(d.pop("filed_on"))

        fiscal_year = d.pop("fiscal_year")

        group_id = d.pop("group_id")

        id = d.pop("id")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        report_public = cls(
            filed_on=filed_on,
            fiscal_year=fiscal_year,
            group_id=group_id,
            id=id,
            recorded_at=recorded_at,
        )

        report_public.additional_properties = d
        return report_public

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
