"""Consumer runtime shared by both transports: inbox dedup, bounded retries, dead letters, replay.

Retries are bounded for errors of the event itself; a database that is away (is_database_unavailable) is
waited for without limit, because no event is poison while its consumer cannot reach its own database.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import functools
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from opentelemetry import trace
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common import tracing
from renkei_common.db import Database, is_database_unavailable
from renkei_common.events.envelope import EnvelopeError, EventEnvelope
from renkei_common.events.handlers import BatchedHandler, EnvelopeBatch
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
        # time.monotonic() of the last attempt or wait; the runtime's /livez reads it (stuck or not).
        self.last_beat = time.monotonic()

    async def process_raw(
        self,
        raw: bytes,
        *,
        origin: str,
        hook: TransactionHook | None = None,
        traceparent: str | None = None,
    ) -> Outcome:
        try:
            envelope = EventEnvelope.from_json_bytes(raw)
        except EnvelopeError as exc:
            # Retrying cannot fix a malformed message: straight to the DLQ.
            await self._dead_letter(None, raw, str(exc), 1, origin, hook)
            return self._count(Outcome.DEAD_LETTERED)
        return await self.process(envelope, origin=origin, hook=hook, raw=raw, traceparent=traceparent)

    async def process_batch(
        self,
        messages: list[tuple[bytes, str]],
        *,
        hook_for: Callable[[int], TransactionHook | None] | None = None,
        traceparents: Sequence[str | None] = (),
    ) -> list[Outcome]:
        """Apply (raw, origin) messages in ONE transaction; on any failure, fall back to one by one.

        One transaction and one inbox query per batch instead of per event: the per-event path keeps the
        retries and the dead letters, so a poison message costs one failed batch attempt and no more.
        `hook_for(i)` gives the hook of message i (e.g. a feed checkpoint); a whole batch runs the last one.
        `traceparents[i]` is the transport's trace context of message i (a Kafka header), if any.
        """

        def hook(i: int) -> TransactionHook | None:
            return hook_for(i) if hook_for is not None else None

        def hop(i: int) -> str | None:
            return traceparents[i] if i < len(traceparents) else None

        parsed: list[tuple[EventEnvelope, bytes, str]] = []
        for raw, origin in messages:
            try:
                parsed.append((EventEnvelope.from_json_bytes(raw), raw, origin))
            except EnvelopeError:
                parsed = []
                break
        if not parsed or len(parsed) < len(messages) or len(parsed) == 1:
            return [
                await self.process_raw(raw, origin=origin, hook=hook(i), traceparent=hop(i))
                for i, (raw, origin) in enumerate(messages)
            ]
        try:
            outcomes = await self._apply_batch(
                [(envelope, origin, hop(i)) for i, (envelope, _, origin) in enumerate(parsed)],
                hook(len(parsed) - 1),
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.info(
                "consumer %s: batch of %d failed (%s); applying one by one", self.consumer, len(parsed), exc
            )
            return [
                await self.process(e, origin=origin, raw=raw, hook=hook(i), traceparent=hop(i))
                for i, (e, raw, origin) in enumerate(parsed)
            ]
        return [self._count(outcome) for outcome in outcomes]

    async def _apply_batch(
        self, items: list[tuple[EventEnvelope, str, str | None]], hook: TransactionHook | None
    ) -> list[Outcome]:
        """(envelope, origin, transport traceparent) items in one transaction; a span per applied event."""
        outcomes: list[Outcome] = []
        tracer = tracing.tracer_for(self.db.engine)
        async with self.db.transaction() as session:
            ids = [e.id for e, _, _ in items]
            seen = set(
                (
                    await session.execute(
                        select(InboxEvent.event_id).where(
                            InboxEvent.consumer == self.consumer, InboxEvent.event_id.in_(ids)
                        )
                    )
                ).scalars()
            )
            now = datetime.now(UTC)
            # Consecutive events of one batch handler (handlers.BatchedHandler) make one call: the order
            # of effects stays the delivery order, so per aggregate too. Each event keeps its own span
            # (parented by its own trace) over the shared call; the call's SQL nests under the last one.
            group: list[tuple[EventEnvelope, str, str | None]] = []
            group_batch: EnvelopeBatch | None = None

            async def run_group() -> None:
                if group_batch is None or not group:
                    return
                with contextlib.ExitStack() as stack:
                    spans = [stack.enter_context(self._span(tracer, *item)) for item in group]
                    await group_batch([envelope for envelope, _, _ in group], session)
                    for span in spans:
                        span.set_attribute("renkei.outcome", Outcome.APPLIED.value)
                group.clear()

            for envelope, origin, hop in items:
                handler = self.handlers.get(envelope.type)
                if envelope.id in seen:
                    outcomes.append(Outcome.DUPLICATE)
                    continue
                if handler is None:
                    outcomes.append(Outcome.IGNORED)
                    continue
                seen.add(envelope.id)
                session.add(
                    InboxEvent(
                        consumer=self.consumer, event_id=envelope.id, type=envelope.type, processed_at=now
                    )
                )
                outcomes.append(Outcome.APPLIED)
                if isinstance(handler, BatchedHandler):
                    if handler.batch is not group_batch:
                        await run_group()
                        group_batch = handler.batch
                    group.append((envelope, origin, hop))
                    continue
                await run_group()
                with self._span(tracer, envelope, origin, hop) as span:
                    await handler(envelope, session)
                    span.set_attribute("renkei.outcome", Outcome.APPLIED.value)
            await run_group()
            if hook is not None:
                await hook(session)
            await session.flush()
        return outcomes

    def _span(
        self, tracer: trace.Tracer | None, envelope: EventEnvelope, origin: str, hop: str | None
    ) -> Any:
        return tracing.consumer_span(
            tracer,
            consumer=self.consumer,
            origin=origin,
            event_id=envelope.id,
            type_=envelope.type,
            source=envelope.source,
            subject=envelope.subject,
            created=envelope.traceparent,
            hop=hop,
        )

    async def process(
        self,
        envelope: EventEnvelope,
        *,
        origin: str,
        hook: TransactionHook | None = None,
        raw: bytes | None = None,
        traceparent: str | None = None,
    ) -> Outcome:
        """Apply one event with bounded retries, in a consumer span of the event's trace.

        `traceparent` is the transport's hop (a Kafka header); without it the span's parent is the event's
        own creation context (the CloudEvents `traceparent` extension).
        """
        with self._span(tracing.tracer_for(self.db.engine), envelope, origin, traceparent) as span:
            outcome = await self._process(envelope, origin=origin, hook=hook, raw=raw)
            span.set_attribute("renkei.outcome", outcome.value)
            if outcome is Outcome.DEAD_LETTERED:
                span.set_status(trace.Status(trace.StatusCode.ERROR, "dead-lettered"))
            return outcome

    async def _process(
        self,
        envelope: EventEnvelope,
        *,
        origin: str,
        hook: TransactionHook | None = None,
        raw: bytes | None = None,
    ) -> Outcome:
        handler = self.handlers.get(envelope.type)
        attempt = outage = 0
        while True:
            self.last_beat = time.monotonic()
            try:
                return self._count(await self._apply_once(envelope, handler, hook))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if is_database_unavailable(exc):
                    # Not the event's fault: wait for the database however long it takes, without
                    # counting an attempt, and never dead-letter (the dead letter could not be written).
                    outage += 1
                    await self._wait_for_database(exc, outage, f"event {envelope.id}")
                    continue
                attempt += 1
                trace.get_current_span().record_exception(exc, attributes={"renkei.attempt": attempt})
                # An EnvelopeError (e.g. a payload that breaks its contract) can never succeed: no retries.
                if attempt >= self.retry.max_attempts or isinstance(exc, EnvelopeError):
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
                if handler is None:
                    seen = await session.get(InboxEvent, (self.consumer, envelope.id))
                    if hook:
                        await hook(session)
                    return Outcome.IGNORED if seen is None else Outcome.DUPLICATE
                # One statement claims the event: inserted, or already there (DUPLICATE). On PostgreSQL a
                # concurrent delivery of the same event waits here for the first one's commit or rollback.
                if not await _claim(session, self.consumer, envelope):
                    if hook:
                        await hook(session)
                    return Outcome.DUPLICATE
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

    async def _wait_for_database(self, error: Exception, outage: int, what: str) -> None:
        delay = max(0.1, self.retry.delay(min(outage, 10)))
        if outage == 1 or outage % 20 == 0:
            log.warning(
                "consumer %s: database unavailable (%s); %s waits, retry %d in %.1fs",
                self.consumer,
                error,
                what,
                outage,
                delay,
            )
        _record_database_wait(self.consumer)
        self.last_beat = time.monotonic()  # waiting for the database is progress, not a stuck loop
        await asyncio.sleep(delay)

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
        outage = 0
        while True:
            try:
                await self._store_dead_letter(envelope, raw, error, attempts, origin, hook)
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if not is_database_unavailable(exc):
                    raise
                outage += 1
                await self._wait_for_database(exc, outage, "a dead letter")

    async def _store_dead_letter(
        self,
        envelope: EventEnvelope | None,
        raw: bytes,
        error: str,
        attempts: int,
        origin: str,
        hook: TransactionHook | None,
    ) -> None:
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


def _record_database_wait(consumer: str) -> None:
    from renkei_common.events.metrics import DATABASE_WAITS

    DATABASE_WAITS.labels(consumer=consumer).inc()


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


@functools.cache
def _claim_statement(dialect: str) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING of the inbox row, built once per dialect."""
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return (insert(InboxEvent).on_conflict_do_nothing(index_elements=["consumer", "event_id"])).returning(
        InboxEvent.event_id
    )


async def _claim(session: AsyncSession, consumer: str, envelope: EventEnvelope) -> bool:
    """Insert the event's inbox row; False when it was there already (a duplicate delivery)."""
    statement = _claim_statement(session.get_bind().dialect.name)
    values = {
        "consumer": consumer,
        "event_id": envelope.id,
        "type": envelope.type,
        "processed_at": datetime.now(UTC),
    }
    return (await session.execute(statement, values)).first() is not None
