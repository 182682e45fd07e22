from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.declared_member_role import DeclaredMemberRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeclaredMember")


@_attrs_define
class DeclaredMember:
    """
    Attributes:
        code (str): 6-digit 団体コード with check digit
        commuting_share (float | None | str | Unset): share of its commuters going to the centre
        role (DeclaredMemberRole | Unset):  Default: DeclaredMemberRole.PARTNER.
        since (datetime.date | None | Unset): defaults to the declaration date
        until (datetime.date | None | Unset):
    """

    code: str
    commuting_share: float | None | str | Unset = UNSET
    role: DeclaredMemberRole | Unset = DeclaredMemberRole.PARTNER
    since: datetime.date | None | Unset = UNSET
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        commuting_share: float | None | str | Unset
        if isinstance(self.commuting_share, Unset):
            commuting_share = UNSET
        else:
            commuting_share = self.commuting_share

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        since: None | str | Unset
        if isinstance(self.since, Unset):
            since = UNSET
        elif isinstance(self.since, datetime.date):
            since = self.since.isoformat()
        else:
            since = self.since

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
            }
        )
        if commuting_share is not UNSET:
            field_dict["commuting_share"] = commuting_share
        if role is not UNSET:
            field_dict["role"] = role
        if since is not UNSET:
            field_dict["since"] = since
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_commuting_share(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        commuting_share = _parse_commuting_share(d.pop("commuting_share", UNSET))

        _role = d.pop("role", UNSET)
        role: DeclaredMemberRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = DeclaredMemberRole(_role)

        def _parse_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.date.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        since = _parse_since(d.pop("since", UNSET))

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

        declared_member = cls(
            code=code,
            commuting_share=commuting_share,
            role=role,
            since=since,
            until=until,
        )

        return declared_member
