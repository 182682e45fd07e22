"""CloudEvents 1.0 envelope of every domain event, in structured JSON mode."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent

_FORMAT = JSONFormat()
TYPE_PREFIX = "jp.renkei"
CONTENT_TYPE = "application/cloudevents+json"


def event_type(service: str, name: str, version: int) -> str:
    """`jp.renkei.<service>.<EventName>.v<N>`, e.g. jp.renkei.agreements.AgreementSigned.v1."""
    return f"{TYPE_PREFIX}.{service}.{name}.v{version}"


def parse_event_type(type_: str) -> tuple[str, str, int]:
    """Inverse of `event_type`; raises ValueError for a type outside this system."""
    parts = type_.split(".")
    if len(parts) != 5 or ".".join(parts[:2]) != TYPE_PREFIX or not parts[4].startswith("v"):
        raise ValueError(f"not a renkei event type: {type_!r}")
    return parts[2], parts[3], int(parts[4][1:])


class EnvelopeError(ValueError):
    """A message that is not a valid renkei CloudEvent; it can never succeed, so it goes to the DLQ."""


@dataclass(frozen=True)
class EventEnvelope:
    """A domain event with its CloudEvents attributes; `sequence` is its outbox position."""

    type: str
    source: str
    subject: str
    data: dict[str, Any]
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    time: datetime = field(default_factory=lambda: datetime.now(UTC))
    sequence: int | None = None
    traceparent: str | None = None
    aggregate_version: int = 0

    @property
    def name(self) -> str:
        return parse_event_type(self.type)[1]

    def to_cloudevent(self) -> CloudEvent:
        attributes: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "type": self.type,
            "subject": self.subject,
            "time": self.time,
            "datacontenttype": "application/json",
            "partitionkey": self.subject,
            "aggregateversion": self.aggregate_version,
        }
        if self.sequence is not None:
            attributes["sequence"] = self.sequence
        if self.traceparent:
            attributes["traceparent"] = self.traceparent
        return CloudEvent(attributes, self.data)

    def to_json_bytes(self) -> bytes:
        return _FORMAT.write(self.to_cloudevent())

    def to_dict(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.to_json_bytes())
        return parsed

    @classmethod
    def from_cloudevent(cls, event: Any) -> EventEnvelope:
        data = event.get_data()
        if not isinstance(data, dict):
            raise EnvelopeError("event data must be a JSON object")
        sequence = event.get_extension("sequence")
        version = event.get_extension("aggregateversion")
        return cls(
            id=event.get_id(),
            type=event.get_type(),
            source=event.get_source(),
            subject=event.get_subject() or "",
            time=event.get_time() or datetime.now(UTC),
            data=data,
            sequence=int(sequence) if sequence is not None else None,
            traceparent=event.get_extension("traceparent"),
            aggregate_version=int(version) if version is not None else 0,
        )

    @classmethod
    def from_json_bytes(cls, raw: bytes | str) -> EventEnvelope:
        try:
            return cls.from_cloudevent(_FORMAT.read(None, raw))
        except EnvelopeError:
            raise
        except Exception as exc:  # the SDK raises several types; all mean "not a valid event"
            raise EnvelopeError(f"invalid CloudEvent: {exc}") from exc

    @classmethod
    def from_dict(cls, value: dict[str, Any]) -> EventEnvelope:
        return cls.from_json_bytes(json.dumps(value))
