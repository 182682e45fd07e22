from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AdmittedOverridePublic")


@_attrs_define
class AdmittedOverridePublic:
    """The approved override that turned a blocking rule's finding into this warning.

    Attributes:
        approved_by (str):
        approved_on (datetime.date):
        centre_code (str):
        reason (str):
        rule (str):
    """

    approved_by: str
    approved_on: datetime.date
    centre_code: str
    reason: str
    rule: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_by = self.approved_by

        approved_on = self.approved_on.isoformat()

        centre_code = self.centre_code

        reason = self.reason

        rule = self.rule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_by": approved_by,
                "approved_on": approved_on,
                "centre_code": centre_code,
                "reason": reason,
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approved_by = d.pop("approved_by")

        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))

        centre_code = d.pop("centre_code")

        reason = d.pop("reason")

        rule = d.pop("rule")

        admitted_override_public = cls(
            approved_by=approved_by,
            approved_on=approved_on,
            centre_code=centre_code,
            reason=reason,
            rule=rule,
        )

        admitted_override_public.additional_properties = d
        return admitted_override_public

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
