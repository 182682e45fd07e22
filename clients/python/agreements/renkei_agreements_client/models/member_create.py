from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.member_create_role import MemberCreateRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberCreate")


@_attrs_define
class MemberCreate:
    """
    Attributes:
        code (str): 6-digit 団体コード with check digit
        since (datetime.date):
        role (MemberCreateRole | Unset):  Default: MemberCreateRole.PARTNER.
        until (datetime.date | None | Unset):
    """

    code: str
    since: datetime.date
    role: MemberCreateRole | Unset = MemberCreateRole.PARTNER
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        since = self.since.isoformat()

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.date):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "since": since,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        since = datetime.date.fromisoformat(d.pop("since"))

        _role = d.pop("role", UNSET)
        role: MemberCreateRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = MemberCreateRole(_role)

        def _parse_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.date.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        member_create = cls(
            code=code,
            since=since,
            role=role,
            until=until,
        )

        return member_create
