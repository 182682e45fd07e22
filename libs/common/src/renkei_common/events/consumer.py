"""Consumer runtime shared by both transports: inbox dedup, bounded retries, dead letters, replay."""

from __future__ import annotations

import asyncio
import enum
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common.db import Database
from renkei_common.events.envelope import EnvelopeError, EventEnvelope
from renkei_common.models import DeadLetter, InboxEvent

log = logging.getLogger(__name__)

Handler = Callable[[EventEnvelope, AsyncSession], Awaitable[None]]
# Runs in the handler's transaction, e.g. to advance a feed checkpoint atomically with the effect.
TransactionHook = Callable[[AsyncSession], Awaitable[None]]
DeadLetterSink = Callable[[bytes, str, str], Awaitable[None]]


class Outcome(enum.StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    IGNORED = "ignored"
    DEAD_LETTERED = "dead_lettered"


@dataclass
class RetryPolicy:
    max_attempts: int = 5
    backoff_base_s: float = 0.2
    backoff_max_s: float = 5.0

    def delay(self, attempt: int) -> float:
        # Full jitter keeps many consumers from retrying in lockstep.
        ceiling = min(self.backoff_max_s, self.backoff_base_s * 2 ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)


class EventProcessor:
    """Applies events to one consumer's database exactly once in effect."""

    def __init__(
        self,
        *,
        db: Database,
        consumer: str,
        handlers: Mapping[str, Handler],
        retry: RetryPolicy | None = None,
        dead_letter_sink: DeadLetterSink | None = None,
    ) -> None:
        self.db = db
        self.consumer = consumer
        self.handlers = dict(handlers)
        self.retry = retry or RetryPolicy()
        self.dead_letter_sink = dead_letter_sink
        self.counts: dict[Outcome, int] = dict.fromkeys(Outcome, 0)

    async def process_raw(self, raw: bytes, *, origin: str, hook: TransactionHook | None = None) -> Outcome:
        try:
            envelope = EventEnvelope.from_json_bytes(raw)
        except EnvelopeError as exc:
            # Retrying cannot fix a malformed message: straight to the DLQ.
            await self._dead_letter(None, raw, str(exc), 1, origin, hook)
            return self._count(Outcome.DEAD_LETTERED)
        return await self.process(envelope, origin=origin, hook=hook, raw=raw)

    async def process(
        self,
        envelope: EventEnvelope,
        *,
        origin: str,
        hook: TransactionHook | None = None,
        raw: bytes | None = None,
    ) -> Outcome:
        handler = self.handlers.get(envelope.type)
        attempt = 0
        while True:
            attempt += 1
            try:
                return self._count(await self._apply_once(envelope, handler, hook))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if attempt >= self.retry.max_attempts:
                    log.error(
                        "consumer %s gives up on event %s (%s) after %d attempts: %s",
                        self.consumer,
                        envelope.id,
                        envelope.type,
                        attempt,
                        exc,
                    )
                    await self._dead_letter(
                        envelope, raw or envelope.to_json_bytes(), repr(exc), attempt, origin, hook
                    )
                    return self._count(Outcome.DEAD_LETTERED)
                delay = self.retry.delay(attempt)
                log.warning(
                    "consumer %s failed event %s attempt %d, retry in %.2fs: %s",
                    self.consumer,
                    envelope.id,
                    attempt,
                    delay,
                    exc,
                )
                await asyncio.sleep(delay)

    async def _apply_once(
        self, envelope: EventEnvelope, handler: Handler | None, hook: TransactionHook | None
    ) -> Outcome:
        try:
            async with self.db.transaction() as session:
                seen = await session.get(InboxEvent, (self.consumer, envelope.id))
                if seen is not None:
                    if hook:
                        await hook(session)
                    return Outcome.DUPLICATE
                if handler is None:
                    if hook:
                        await hook(session)
                    return Outcome.IGNORED
                session.add(
                    InboxEvent(
                        consumer=self.consumer,
                        event_id=envelope.id,
                        type=envelope.type,
                        processed_at=datetime.now(UTC),
                    )
                )
                await handler(envelope, session)
                if hook:
                    await hook(session)
                await session.flush()
        except IntegrityError:
            # A concurrent delivery of the same event won the inbox insert.
            async with self.db.session() as session:
                if await session.get(InboxEvent, (self.consumer, envelope.id)) is not None:
                    return Outcome.DUPLICATE
            raise
        return Outcome.APPLIED

    async def _dead_letter(
        self,
        envelope: EventEnvelope | None,
        raw: bytes,
        error: str,
        attempts: int,
        origin: str,
        hook: TransactionHook | None,
    ) -> None:
        if self.dead_letter_sink is not None:
            await self.dead_letter_sink(raw, error, origin)
        async with self.db.transaction() as session:
            session.add(
                DeadLetter(
                    consumer=self.consumer,
                    event_id=envelope.id if envelope else "",
                    type=envelope.type if envelope else "",
                    source=envelope.source if envelope else "",
                    envelope=envelope.to_dict() if envelope else {"raw": raw.decode("utf-8", "replace")},
                    error=error[:4000],
                    attempts=attempts,
                    origin=origin[:300],
                    failed_at=datetime.now(UTC),
                )
            )
            if hook:
                await hook(session)

    async def replay(self, dead_letter_id: int) -> Outcome:
        """Apply a dead-lettered event again, once; operators call this after fixing the cause."""
        async with self.db.session() as session:
            letter = await session.get(DeadLetter, dead_letter_id)
            if letter is None or letter.consumer != self.consumer:
                raise LookupError(f"dead letter {dead_letter_id} not found for consumer {self.consumer}")
            data = dict(letter.envelope)
        envelope = EventEnvelope.from_dict(data)
        handler = self.handlers.get(envelope.type)
        try:
            outcome = await self._apply_once(envelope, handler, None)
            error = None
        except Exception as exc:
            outcome, error = Outcome.DEAD_LETTERED, repr(exc)
        async with self.db.transaction() as session:
            letter = await session.get(DeadLetter, dead_letter_id)
            assert letter is not None
            if error is None:
                letter.replayed_at = datetime.now(UTC)
            letter.replay_error = error
        return outcome

    async def list_dead_letters(
        self, *, include_replayed: bool = False, limit: int = 100
    ) -> list[DeadLetter]:
        async with self.db.session() as session:
            query = select(DeadLetter).where(DeadLetter.consumer == self.consumer)
            if not include_replayed:
                query = query.where(DeadLetter.replayed_at.is_(None))
            return list((await session.execute(query.order_by(DeadLetter.id).limit(limit))).scalars())

    def _count(self, outcome: Outcome) -> Outcome:
        self.counts[outcome] += 1
        _record_metric(self.consumer, outcome)
        return outcome


def _record_metric(consumer: str, outcome: Outcome) -> None:
    from renkei_common.events.metrics import EVENTS_CONSUMED

    EVENTS_CONSUMED.labels(consumer=consumer, outcome=outcome.value).inc()


def describe(letter: DeadLetter) -> dict[str, Any]:
    return {
        "id": letter.id,
        "consumer": letter.consumer,
        "event_id": letter.event_id,
        "type": letter.type,
        "source": letter.source,
        "error": letter.error,
        "attempts": letter.attempts,
        "origin": letter.origin,
        "failed_at": letter.failed_at,
        "replayed_at": letter.replayed_at,
        "replay_error": letter.replay_error,
    }
