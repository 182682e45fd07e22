from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.coordination_status import CoordinationStatus

T = TypeVar("T", bound="CoordinationPublic")


@_attrs_define
class CoordinationPublic:
    """
    Attributes:
        answer (None | str):
        answered_on (datetime.date | None):
        counterparties (list[str]):
        due_on (datetime.date):
        group_id (str):
        id (str):
        municipality_code (str):
        received_on (datetime.date):
        status (CoordinationStatus): A coordination request (調整の求め) from the group to its municipality.
        subject (str):
    """

    answer: None | str
    answered_on: datetime.date | None
    counterparties: list[str]
    due_on: datetime.date
    group_id: str
    id: str
    municipality_code: str
    received_on: datetime.date
    status: CoordinationStatus
    subject: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer: None | str
        answer = self.answer

        answered_on: None | str
        if isinstance(self.answered_on, datetime.date):
            answered_on = self.answered_on.isoformat()
        else:
            answered_on = self.answered_on

        counterparties = self.counterparties

        due_on = self.due_on.isoformat()

        group_id = self.group_id

        id = self.id

        municipality_code = self.municipality_code

        received_on = self.received_on.isoformat()

        status = self.status.value

        subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "answered_on": answered_on,
                "counterparties": counterparties,
                "due_on": due_on,
                "group_id": group_id,
                "id": id,
                "municipality_code": municipality_code,
                "received_on": received_on,
                "status": status,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_answer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answer = _parse_answer(d.pop("answer"))

        def _parse_answered_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_on_type_0 = datetime.date.fromisoformat(data)

                return answered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        answered_on = _parse_answered_on(d.pop("answered_on"))

        counterparties = cast(list[str], d.pop("counterparties"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        group_id = d.pop("group_id")

        id = d.pop("id")

        municipality_code = d.pop("municipality_code")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        status = CoordinationStatus(d.pop("status"))

        subject = d.pop("subject")

        coordination_public = cls(
            answer=answer,
            answered_on=answered_on,
            counterparties=counterparties,
            due_on=due_on,
            group_id=group_id,
            id=id,
            municipality_code=municipality_code,
            received_on=received_on,
            status=status,
            subject=subject,
        )

        coordination_public.additional_properties = d
        return coordination_public

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
