from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.attempt_public import AttemptPublic


T = TypeVar("T", bound="DeliveryPublic")


@_attrs_define
class DeliveryPublic:
    """
    Attributes:
        attempts (int):
        created_at (datetime.datetime):
        event_id (str): the `webhook-id` header; the same on every attempt
        finished_at (datetime.datetime | None):
        id (int):
        last_error (None | str):
        last_status (int | None):
        log (list[AttemptPublic]):
        next_attempt_at (datetime.datetime | None):
        sequence (int):
        state (str): pending, redeliver, delivered or failed (gave up)
        subject (str):
        type_ (str):
    """

    attempts: int
    created_at: datetime.datetime
    event_id: str
    finished_at: datetime.datetime | None
    id: int
    last_error: None | str
    last_status: int | None
    log: list[AttemptPublic]
    next_attempt_at: datetime.datetime | None
    sequence: int
    state: str
    subject: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        event_id = self.event_id

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        id = self.id

        last_error: None | str
        last_error = self.last_error

        last_status: int | None
        last_status = self.last_status

        log = []
        for log_item_data in self.log:
            log_item = log_item_data.to_dict()
            log.append(log_item)

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        sequence = self.sequence

        state = self.state

        subject = self.subject

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "event_id": event_id,
                "finished_at": finished_at,
                "id": id,
                "last_error": last_error,
                "last_status": last_status,
                "log": log,
                "next_attempt_at": next_attempt_at,
                "sequence": sequence,
                "state": state,
                "subject": subject,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_public import AttemptPublic  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event_id = d.pop("event_id")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        id = d.pop("id")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status = _parse_last_status(d.pop("last_status"))

        log = []
        _log = d.pop("log")
        for log_item_data in _log:
            log_item = AttemptPublic.from_dict(log_item_data)

            log.append(log_item)

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        sequence = d.pop("sequence")

        state = d.pop("state")

        subject = d.pop("subject")

        type_ = d.pop("type")

        delivery_public = cls(
            attempts=attempts,
            created_at=created_at,
            event_id=event_id,
            finished_at=finished_at,
            id=id,
            last_error=last_error,
            last_status=last_status,
            log=log,
            next_attempt_at=next_attempt_at,
            sequence=sequence,
            state=state,
            subject=subject,
            type_=type_,
        )

        delivery_public.additional_properties = d
        return delivery_public

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
