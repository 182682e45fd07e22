from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OverdueReportPublic")


@_attrs_define
class OverdueReportPublic:
    """
    Attributes:
        due_on (datetime.date):
        fiscal_year (int):
        group_id (str):
        group_name (str):
    """

    due_on: datetime.date
    fiscal_year: int
    group_id: str
    group_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due_on = self.due_on.isoformat()

        fiscal_year = self.fiscal_year

        group_id = self.group_id

        group_name = self.group_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due_on": due_on,
                "fiscal_year": fiscal_year,
                "group_id": group_id,
                "group_name": group_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        fiscal_year = d.pop("fiscal_year")

        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        overdue_report_public = cls(
            due_on=due_on,
            fiscal_year=fiscal_year,
            group_id=group_id,
            group_name=group_name,
        )

        overdue_report_public.additional_properties = d
        return overdue_report_public

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
