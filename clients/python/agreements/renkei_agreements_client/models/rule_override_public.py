from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RuleOverridePublic")


@_attrs_define
class RuleOverridePublic:
    """
    Attributes:
        approved_by (str):
        approved_on (datetime.date):
        centre_code (str):
        created_at (datetime.datetime):
        created_by_org (str): the organisation that recorded it
        id (str):
        reason (str):
        recorded_by_sub (str): the person (token subject) who recorded it
        rule (str):
    """

    approved_by: str
    approved_on: datetime.date
    centre_code: str
    created_at: datetime.datetime
    created_by_org: str
    id: str
    reason: str
    recorded_by_sub: str
    rule: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_by = self.approved_by

        approved_on = self.approved_on.isoformat()

        centre_code = self.centre_code

        created_at = self.created_at.isoformat()

        created_by_org = self.created_by_org

        id = self.id

        reason = self.reason

        recorded_by_sub = self.recorded_by_sub

        rule = self.rule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_by": approved_by,
                "approved_on": approved_on,
                "centre_code": centre_code,
                "created_at": created_at,
                "created_by_org": created_by_org,
                "id": id,
                "reason": reason,
                "recorded_by_sub": recorded_by_sub,
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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by_org = d.pop("created_by_org")

        id = d.pop("id")

        reason = d.pop("reason")

        recorded_by_sub = d.pop("recorded_by_sub")

        rule = d.pop("rule")

        rule_override_public = cls(
            approved_by=approved_by,
            approved_on=approved_on,
            centre_code=centre_code,
            created_at=created_at,
            created_by_org=created_by_org,
            id=id,
            reason=reason,
            recorded_by_sub=recorded_by_sub,
            rule=rule,
        )

        rule_override_public.additional_properties = d
        return rule_override_public

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
