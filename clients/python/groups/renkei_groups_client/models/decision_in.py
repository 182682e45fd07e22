from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionIn")


@_attrs_define
class DecisionIn:
    """
    Attributes:
        decided_on (datetime.date):
        reasons (str):
        notice_number (None | str | Unset): 告示番号; required to designate
    """

    decided_on: datetime.date
    reasons: str
    notice_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decided_on = self.decided_on.isoformat()

        reasons = self.reasons

        notice_number: None | str | Unset
        if isinstance(self.notice_number, Unset):
            notice_number = UNSET
        else:
            notice_number = self.notice_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decided_on": decided_on,
                "reasons": reasons,
            }
        )
        if notice_number is not UNSET:
            field_dict["notice_number"] = notice_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        reasons = d.pop("reasons")

        def _parse_notice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice_number = _parse_notice_number(d.pop("notice_number", UNSET))

        decision_in = cls(
            decided_on=decided_on,
            reasons=reasons,
            notice_number=notice_number,
        )

        return decision_in
