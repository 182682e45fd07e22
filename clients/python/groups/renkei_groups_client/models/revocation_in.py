from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RevocationIn")


@_attrs_define
class RevocationIn:
    """
    Attributes:
        notice_number (str):
        reasons (str):
        revoked_on (datetime.date):
    """

    notice_number: str
    reasons: str
    revoked_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        notice_number = self.notice_number

        reasons = self.reasons

        revoked_on = self.revoked_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "notice_number": notice_number,
                "reasons": reasons,
                "revoked_on": revoked_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notice_number = d.pop("notice_number")

        reasons = d.pop("reasons")

        revoked_on = datetime.date.fromisoformat(d.pop("revoked_on"))

        revocation_in = cls(
            notice_number=notice_number,
            reasons=reasons,
            revoked_on=revoked_on,
        )

        return revocation_in
