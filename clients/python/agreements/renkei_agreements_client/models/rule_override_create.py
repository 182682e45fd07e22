from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RuleOverrideCreate")


@_attrs_define
class RuleOverrideCreate:
    """An exception the 要綱 admits, approved for one centre (e.g. a 中心市 below 4万人, approved by MIC).

    Attributes:
        approved_by (str): who approved it: office and person
        approved_on (datetime.date):
        centre_code (str): 6-digit 団体コード with check digit
        reason (str):
        rule (str): id of an overridable blocking rule, e.g. settlement.centre_population_floor
    """

    approved_by: str
    approved_on: datetime.date
    centre_code: str
    reason: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        approved_by = self.approved_by

        approved_on = self.approved_on.isoformat()

        centre_code = self.centre_code

        reason = self.reason

        rule = self.rule

        field_dict: dict[str, Any] = {}

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

        rule_override_create = cls(
            approved_by=approved_by,
            approved_on=approved_on,
            centre_code=centre_code,
            reason=reason,
            rule=rule,
        )

        return rule_override_create
