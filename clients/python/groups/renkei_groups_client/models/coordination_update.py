from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.coordination_status import CoordinationStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CoordinationUpdate")


@_attrs_define
class CoordinationUpdate:
    """
    Attributes:
        status (CoordinationStatus): A coordination request (調整の求め) from the group to its municipality.
        answer (None | str | Unset):
        answered_on (datetime.date | None | Unset):
    """

    status: CoordinationStatus
    answer: None | str | Unset = UNSET
    answered_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        answer: None | str | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        else:
            answer = self.answer

        answered_on: None | str | Unset
        if isinstance(self.answered_on, Unset):
            answered_on = UNSET
        elif isinstance(self.answered_on, datetime.date):
            answered_on = self.answered_on.isoformat()
        else:
            answered_on = self.answered_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if answer is not UNSET:
            field_dict["answer"] = answer
        if answered_on is not UNSET:
            field_dict["answered_on"] = answered_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = CoordinationStatus(d.pop("status"))

        def _parse_answer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))

        def _parse_answered_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_on_type_0 = datetime.date.fromisoformat(data)

                return answered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        answered_on = _parse_answered_on(d.pop("answered_on", UNSET))

        coordination_update = cls(
            status=status,
            answer=answer,
            answered_on=answered_on,
        )

        return coordination_update
