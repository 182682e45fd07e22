from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="JoinIn")


@_attrs_define
class JoinIn:
    """
    Attributes:
        area_id (str):
        code (str):
        kind (Literal['join']):
        since (datetime.date):
        role (str | Unset):  Default: 'partner'.
    """

    area_id: str
    code: str
    kind: Literal["join"]
    since: datetime.date
    role: str | Unset = "partner"

    def to_dict(self) -> dict[str, Any]:
        area_id = self.area_id

        code = self.code

        kind = self.kind

        since = self.since.isoformat()

        role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area_id": area_id,
                "code": code,
                "kind": kind,
                "since": since,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area_id = d.pop("area_id")

        code = d.pop("code")

        kind = cast(Literal["join"], d.pop("kind"))
        if kind != "join":
            raise ValueError(f"kind must match const 'join', got '{kind}'")

        since = datetime.date.fromisoformat(d.pop("since"))

        role = d.pop("role", UNSET)

        join_in = cls(
            area_id=area_id,
            code=code,
            kind=kind,
            since=since,
            role=role,
        )

        return join_in
