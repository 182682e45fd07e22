from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_public_step import StepPublicStep

T = TypeVar("T", bound="StepPublic")


@_attrs_define
class StepPublic:
    """
    Attributes:
        note (None | str):
        number (None | str):
        on (datetime.date):
        party (None | str):
        recorded_at (datetime.datetime):
        recorded_by_org (str):
        step (StepPublicStep):
    """

    note: None | str
    number: None | str
    on: datetime.date
    party: None | str
    recorded_at: datetime.datetime
    recorded_by_org: str
    step: StepPublicStep
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        note: None | str
        note = self.note

        number: None | str
        number = self.number

        on = self.on.isoformat()

        party: None | str
        party = self.party

        recorded_at = self.recorded_at.isoformat()

        recorded_by_org = self.recorded_by_org

        step = self.step.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "note": note,
                "number": number,
                "on": on,
                "party": party,
                "recorded_at": recorded_at,
                "recorded_by_org": recorded_by_org,
                "step": step,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        on = datetime.date.fromisoformat(d.pop("on"))

        def _parse_party(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        party = _parse_party(d.pop("party"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by_org = d.pop("recorded_by_org")

        step = StepPublicStep(d.pop("step"))

        step_public = cls(
            note=note,
            number=number,
            on=on,
            party=party,
            recorded_at=recorded_at,
            recorded_by_org=recorded_by_org,
            step=step,
        )

        step_public.additional_properties = d
        return step_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
