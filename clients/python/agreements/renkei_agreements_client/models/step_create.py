from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.step_create_step import StepCreateStep
from ..types import UNSET, Unset

T = TypeVar("T", bound="StepCreate")


@_attrs_define
class StepCreate:
    """A step of the open procedure; a per-party step (council_resolution, public_notice) is the caller's.

    Attributes:
        on (datetime.date):
        step (StepCreateStep):
        note (None | str | Unset):
        number (None | str | Unset): required for council_resolution and public_notice
        party (None | str | Unset): per-party steps only; defaults to the caller's org
    """

    on: datetime.date
    step: StepCreateStep
    note: None | str | Unset = UNSET
    number: None | str | Unset = UNSET
    party: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        step = self.step.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        number: None | str | Unset
        if isinstance(self.number, Unset):
            number = UNSET
        else:
            number = self.number

        party: None | str | Unset
        if isinstance(self.party, Unset):
            party = UNSET
        else:
            party = self.party

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "on": on,
                "step": step,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if number is not UNSET:
            field_dict["number"] = number
        if party is not UNSET:
            field_dict["party"] = party

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        step = StepCreateStep(d.pop("step"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        number = _parse_number(d.pop("number", UNSET))

        def _parse_party(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        party = _parse_party(d.pop("party", UNSET))

        step_create = cls(
            on=on,
            step=step,
            note=note,
            number=number,
            party=party,
        )

        return step_create
