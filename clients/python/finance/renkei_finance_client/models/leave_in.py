from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="LeaveIn")


@_attrs_define
class LeaveIn:
    """
    Attributes:
        area_id (str):
        code (str):
        kind (Literal['leave']):
        until (datetime.date):
    """

    area_id: str
    code: str
    kind: Literal["leave"]
    until: datetime.date

    def to_dict(self) -> dict[str, Any]:
        area_id = self.area_id

        code = self.code

        kind = self.kind

        until = self.until.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area_id": area_id,
                "code": code,
                "kind": kind,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area_id = d.pop("area_id")

        code = d.pop("code")

        kind = cast(Literal["leave"], d.pop("kind"))
        if kind != "leave":
            raise ValueError(f"kind must match const 'leave', got '{kind}'")

        until = datetime.date.fromisoformat(d.pop("until"))

        leave_in = cls(
            area_id=area_id,
            code=code,
            kind=kind,
            until=until,
        )

        return leave_in
