"""Typed event handlers: `@registry.handles(AgreementSigned)` gets the validated payload, not a raw envelope.

A service declares one `HandlerRegistry`; what it registers is the single source of its subscriptions
(which producers' topics it reads), and through `renkei_common.topology.subscriptions()` of the
deployment's topics and Kafka ACLs. The consumer runtime (inbox, batches, retries, dead letters) is
unchanged: `registry.handlers` adapts each typed handler to the envelope-level `Handler` it expects.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.envelope import EnvelopeError, EventEnvelope

__all__ = ["EventMeta", "HandlerRegistry", "InvalidPayload", "TypedHandler"]


@dataclass(frozen=True, slots=True)
class EventMeta:
    """The envelope attributes a projection needs beside the payload."""

    id: str
    type: str
    source: str
    subject: str
    time: datetime
    aggregate_version: int
    sequence: int | None = None

    @classmethod
    def of(cls, envelope: EventEnvelope) -> EventMeta:
        return cls(
            id=envelope.id,
            type=envelope.type,
            source=envelope.source,
            subject=envelope.subject,
            time=envelope.time,
            aggregate_version=envelope.aggregate_version,
            sequence=envelope.sequence,
        )


class InvalidPayload(EnvelopeError):
    """The data of a known event type does not match its contract: no retry can fix it (ADR 0004)."""


# The payload parameter is `Any` so that a handler may annotate it with the class or a union of classes.
TypedHandler = Callable[[Any, EventMeta, AsyncSession], Awaitable[None]]
EnvelopeHandler = Callable[[EventEnvelope, AsyncSession], Awaitable[None]]
_H = TypeVar("_H", bound=TypedHandler)


@dataclass(frozen=True, slots=True)
class _Registration:
    payload: type[EventPayload]
    handler: TypedHandler


class HandlerRegistry:
    """The typed handlers of one consumer, by event type; registries can include one another."""

    def __init__(self) -> None:
        self._by_type: dict[str, _Registration] = {}

    def handles(self, *payloads: type[EventPayload]) -> Callable[[_H], _H]:
        """Register the decorated coroutine `(payload, meta, session)` for each of these payload classes."""
        if not payloads:
            raise TypeError("handles() needs at least one payload class")

        def decorator(handler: _H) -> _H:
            for payload in payloads:
                self._register(payload, handler)
            return handler

        return decorator

    def include(self, other: HandlerRegistry) -> HandlerRegistry:
        """Add every registration of `other` (e.g. the shared reference-data projection)."""
        for registration in other._by_type.values():
            self._register(registration.payload, registration.handler)
        return self

    def _register(self, payload: type[EventPayload], handler: TypedHandler) -> None:
        type_ = payload.type_name()
        existing = self._by_type.get(type_)
        if existing is not None and existing.handler is not handler:
            # Two handlers for one type would make the order of their effects an accident.
            raise ValueError(f"{type_} already has a handler: {existing.handler.__qualname__}")
        self._by_type[type_] = _Registration(payload, handler)

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(sorted(self._by_type))

    @property
    def subscriptions(self) -> tuple[str, ...]:
        """The producing services whose topics (or feeds) this consumer must read, in a stable order."""
        return tuple(sorted({r.payload.service for r in self._by_type.values()}))

    @property
    def handlers(self) -> dict[str, EnvelopeHandler]:
        """Envelope-level handlers by CloudEvents type, for `EventProcessor`."""
        return {type_: _adapt(r) for type_, r in self._by_type.items()}


def _adapt(registration: _Registration) -> EnvelopeHandler:
    payload_cls, handler = registration.payload, registration.handler

    async def handle(envelope: EventEnvelope, session: AsyncSession) -> None:
        try:
            payload = payload_cls.model_validate(envelope.data)
        except ValidationError as exc:
            message = f"{envelope.type} {envelope.id}: {exc.error_count()} invalid field(s): {exc}"
            raise InvalidPayload(message) from exc
        await handler(payload, EventMeta.of(envelope), session)

    handle.__qualname__ = f"typed[{payload_cls.__name__}]:{handler.__qualname__}"
    return handle
