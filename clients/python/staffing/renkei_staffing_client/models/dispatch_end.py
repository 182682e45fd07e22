from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.end_reason import EndReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="DispatchEnd")


@_attrs_define
class DispatchEnd:
    """
    Attributes:
        ended_on (datetime.date): the last day of the dispatch
        reason (EndReason): Why a dispatch (派遣) ended.
        note (None | str | Unset):
    """

    ended_on: datetime.date
    reason: EndReason
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ended_on = self.ended_on.isoformat()

        reason = self.reason.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ended_on": ended_on,
                "reason": reason,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ended_on = datetime.date.fromisoformat(d.pop("ended_on"))

        reason = EndReason(d.pop("reason"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        dispatch_end = cls(
            ended_on=ended_on,
            reason=reason,
            note=note,
        )

        return dispatch_end
