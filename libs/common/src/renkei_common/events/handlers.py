"""Typed event handlers: `@registry.handles(AgreementSigned)` gets the validated payload, not a raw envelope.

A service declares one `HandlerRegistry`; what it registers is the single source of its subscriptions
(which producers' topics it reads), and through `renkei_common.topology.subscriptions()` of the
deployment's topics and Kafka ACLs. The consumer runtime (inbox, batches, retries, dead letters) is
unchanged: `registry.handlers` adapts each typed handler to the envelope-level `Handler` it expects.

`@registry.handles_batch(...)` registers a handler that takes a *list* of (payload, meta) pairs: the
runtime hands it every consecutive event of its types in a batch, in delivery order (so in order per
aggregate), and it can then read and write the rows of the whole list in a few statements instead of a
few per event. Alone (a retry, a replay, the feed's one-by-one path) it gets a list of one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.envelope import EnvelopeError, EventEnvelope

__all__ = [
    "BatchedHandler",
    "EventMeta",
    "HandlerRegistry",
    "InvalidPayload",
    "TypedBatchHandler",
    "TypedHandler",
]


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
# (payload, meta) pairs in delivery order; the payload element is `Any` for the same reason.
TypedBatchHandler = Callable[[list[tuple[Any, EventMeta]], AsyncSession], Awaitable[None]]
EnvelopeHandler = Callable[[EventEnvelope, AsyncSession], Awaitable[None]]
EnvelopeBatch = Callable[[list[EventEnvelope], AsyncSession], Awaitable[None]]
_H = TypeVar("_H", bound=TypedHandler)
_B = TypeVar("_B", bound=TypedBatchHandler)


class BatchedHandler:
    """An envelope-level handler that can also take consecutive events as one list (`batch`).

    Every event type of one batch handler gets its own `BatchedHandler` with the *same* `batch`: the
    consumer runtime groups consecutive events whose handlers share it and makes one call for them.
    """

    def __init__(self, batch: EnvelopeBatch, name: str) -> None:
        self.batch = batch
        self.__qualname__ = name

    async def __call__(self, envelope: EventEnvelope, session: AsyncSession) -> None:
        await self.batch([envelope], session)


@dataclass(frozen=True, slots=True)
class _Registration:
    payload: type[EventPayload]
    handler: TypedHandler | TypedBatchHandler
    batch: bool = False


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

    def handles_batch(self, *payloads: type[EventPayload]) -> Callable[[_B], _B]:
        """Register the decorated coroutine `(events, session)`, events a list of (payload, meta) pairs."""
        if not payloads:
            raise TypeError("handles_batch() needs at least one payload class")

        def decorator(handler: _B) -> _B:
            for payload in payloads:
                self._register(payload, handler, batch=True)
            return handler

        return decorator

    def include(self, other: HandlerRegistry) -> HandlerRegistry:
        """Add every registration of `other` (e.g. the shared reference-data projection)."""
        for registration in other._by_type.values():
            self._register(registration.payload, registration.handler, batch=registration.batch)
        return self

    def _register(
        self, payload: type[EventPayload], handler: TypedHandler | TypedBatchHandler, *, batch: bool = False
    ) -> None:
        type_ = payload.type_name()
        existing = self._by_type.get(type_)
        if existing is not None and existing.handler is not handler:
            # Two handlers for one type would make the order of their effects an accident.
            raise ValueError(f"{type_} already has a handler: {existing.handler.__qualname__}")
        self._by_type[type_] = _Registration(payload, handler, batch)

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
        batches: dict[int, EnvelopeBatch] = {}
        out: dict[str, EnvelopeHandler] = {}
        for type_, r in self._by_type.items():
            if not r.batch:
                out[type_] = _adapt(r)
                continue
            # One envelope-level batch per handler, shared by all its types: the runtime groups by it.
            key = id(r.handler)
            if key not in batches:
                payloads = {t: x.payload for t, x in self._by_type.items() if x.handler is r.handler}
                batches[key] = _adapt_batch(payloads, cast(TypedBatchHandler, r.handler))
            out[type_] = BatchedHandler(batches[key], f"batch[{r.payload.__name__}]:{r.handler.__qualname__}")
        return out


def _validate(payload_cls: type[EventPayload], envelope: EventEnvelope) -> EventPayload:
    try:
        return payload_cls.model_validate(envelope.data)
    except ValidationError as exc:
        message = f"{envelope.type} {envelope.id}: {exc.error_count()} invalid field(s): {exc}"
        raise InvalidPayload(message) from exc


def _adapt(registration: _Registration) -> EnvelopeHandler:
    payload_cls, handler = registration.payload, cast(TypedHandler, registration.handler)

    async def handle(envelope: EventEnvelope, session: AsyncSession) -> None:
        await handler(_validate(payload_cls, envelope), EventMeta.of(envelope), session)

    handle.__qualname__ = f"typed[{payload_cls.__name__}]:{handler.__qualname__}"
    return handle


def _adapt_batch(payloads: dict[str, type[EventPayload]], handler: TypedBatchHandler) -> EnvelopeBatch:
    async def handle(envelopes: list[EventEnvelope], session: AsyncSession) -> None:
        events = [(_validate(payloads[e.type], e), EventMeta.of(e)) for e in envelopes]
        await handler(events, session)

    handle.__qualname__ = f"batch:{handler.__qualname__}"
    return handle
