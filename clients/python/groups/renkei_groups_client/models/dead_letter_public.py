from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeadLetterPublic")


@_attrs_define
class DeadLetterPublic:
    """
    Attributes:
        attempts (int):
        consumer (str):
        error (str):
        event_id (str):
        failed_at (datetime.datetime):
        id (int):
        origin (str):
        replay_error (None | str):
        replayed_at (datetime.datetime | None):
        source (str):
        type_ (str):
    """

    attempts: int
    consumer: str
    error: str
    event_id: str
    failed_at: datetime.datetime
    id: int
    origin: str
    replay_error: None | str
    replayed_at: datetime.datetime | None
    source: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        consumer = self.consumer

        error = self.error

        event_id = self.event_id

        failed_at = self.failed_at.isoformat()

        id = self.id

        origin = self.origin

        replay_error: None | str
        replay_error = self.replay_error

        replayed_at: None | str
        if isinstance(self.replayed_at, datetime.datetime):
            replayed_at = self.replayed_at.isoformat()
        else:
            replayed_at = self.replayed_at

        source = self.source

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "consumer": consumer,
                "error": error,
                "event_id": event_id,
                "failed_at": failed_at,
                "id": id,
                "origin": origin,
                "replay_error": replay_error,
                "replayed_at": replayed_at,
                "source": source,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        consumer = d.pop("consumer")

        error = d.pop("error")

        event_id = d.pop("event_id")

        failed_at = datetime.datetime.fromisoformat(d.pop("failed_at"))

        id = d.pop("id")

        origin = d.pop("origin")

        def _parse_replay_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        replay_error = _parse_replay_error(d.pop("replay_error"))

        def _parse_replayed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replayed_at_type_0 = datetime.datetime.fromisoformat(data)

                return replayed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replayed_at = _parse_replayed_at(d.pop("replayed_at"))

        source = d.pop("source")

        type_ = d.pop("type")

        dead_letter_public = cls(
            attempts=attempts,
            consumer=consumer,
            error=error,
            event_id=event_id,
            failed_at=failed_at,
            id=id,
            origin=origin,
            replay_error=replay_error,
            replayed_at=replayed_at,
            source=source,
            type_=type_,
        )

        dead_letter_public.additional_properties = d
        return dead_letter_public

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
