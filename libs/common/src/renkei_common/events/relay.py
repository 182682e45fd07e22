"""Relay: publishes unpublished outbox rows to Kafka, woken on commit, polling as a fallback.

Several replicas may run a relay on one PostgreSQL database; one publishes at a time. Each batch runs in a
transaction that first takes a transaction-scoped advisory lock with pg_try_advisory_xact_lock: a replica
that does not get it publishes nothing this round. The lock is released by the commit that marks the batch
published, so the next batch, whoever publishes it, starts after the last one was acknowledged by Kafka:
an aggregate's events reach Kafka in sequence order even when replicas take turns. (Claims with SKIP
LOCKED let two replicas send neighbouring batches at once, and a later batch could land first.)
SQLite is single-process: one relay per database by construction.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, text, update

from renkei_common import tracing
from renkei_common.db import Database
from renkei_common.events.outbox import notifier_for, row_to_envelope
from renkei_common.models import OutboxEvent

log = logging.getLogger(__name__)

# Any constant, distinct from the outbox writers' lock (outbox._OUTBOX_LOCK_KEY); the same in every replica.
RELAY_LOCK_KEY = 0x72656C79  # "rely"


class OutboxMessage(tuple[str, bytes, bytes]):
    """(topic, key, value), unpacked as a plain triple, plus the Kafka headers of this one message.

    A tuple still, so that publishers wrapping another one keep working; one that rebuilds the triples
    only drops the headers (the consumer then parents its span on the event's creation context).
    """

    headers: tuple[tuple[str, bytes], ...]

    def __new__(
        cls, topic: str, key: bytes, value: bytes, headers: tuple[tuple[str, bytes], ...] = ()
    ) -> OutboxMessage:
        message = super().__new__(cls, (topic, key, value))
        message.headers = headers
        return message


class Publisher(Protocol):
    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    async def send_batch(self, messages: list[tuple[str, bytes, bytes]]) -> None:
        """Send (topic, key, value) messages; return only once all are acknowledged."""
        ...


class KafkaPublisher:
    """An idempotent aiokafka producer with acks=all."""

    def __init__(self, options: dict[str, Any]) -> None:
        self._options = options
        self._producer: Any = None

    async def start(self) -> None:
        from aiokafka import AIOKafkaProducer

        producer = AIOKafkaProducer(**self._options)
        try:
            await producer.start()
        except BaseException:
            await producer.stop()
            raise
        self._producer = producer

    async def stop(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.stop()

    async def send_batch(self, messages: list[tuple[str, bytes, bytes]]) -> None:
        if self._producer is None:
            await self.start()
        producer = self._producer
        headers = [("content-type", b"application/cloudevents+json")]
        futures = []
        for message in messages:
            topic, key, value = message
            # An OutboxMessage adds its own headers (the traceparent of the relay's send span).
            extra = list(getattr(message, "headers", ()))
            futures.append(await producer.send(topic, value=value, key=key, headers=headers + extra))
        await asyncio.gather(*futures)


class OutboxRelay:
    """Moves outbox rows to Kafka. Safe to run in several replicas on PostgreSQL."""

    def __init__(
        self,
        *,
        db: Database,
        publisher: Publisher,
        batch_size: int = 200,
        poll_interval_s: float = 1.0,
        max_backoff_s: float = 30.0,
        on_published: Callable[[int], Awaitable[None] | None] | None = None,
    ) -> None:
        self.db = db
        self.publisher = publisher
        self.batch_size = batch_size
        self.poll_interval_s = poll_interval_s
        self.max_backoff_s = max_backoff_s
        self.on_published = on_published
        self.notifier = notifier_for(db.engine)
        self.healthy = False
        self.published_total = 0
        # Whether this replica held the publishing lock in its last round (always true on SQLite).
        self.leader = False
        # time.monotonic() of the last round; the runtime's /livez reads it.
        self.last_beat = time.monotonic()

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 0.0
        while not stop.is_set():
            generation = self.notifier.generation
            self.last_beat = time.monotonic()
            try:
                sent = await self.publish_once()
                self.healthy = True
                backoff = 0.0
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # broker down, timeouts: rows wait, nothing is lost
                self.healthy = False
                backoff = min(self.max_backoff_s, max(0.2, backoff * 2))
                log.warning("outbox relay failed, retrying in %.1fs: %s", backoff, exc)
                await self._reset_publisher()
                await _sleep_or_stop(stop, backoff)
                continue
            if sent == self.batch_size:
                continue  # more may be waiting: drain without sleeping
            await _first_of(stop, self.notifier.wait(self.poll_interval_s, since=generation))
        await self.publisher.stop()

    async def publish_once(self) -> int:
        """Claim one batch, publish it and mark it published, all in one transaction; 0 if there is nothing
        to publish or another replica holds the lead."""
        sequences: list[int] = []
        sent = False
        try:
            async with self.db.transaction() as session:
                if self.db.is_postgres:
                    lead = await session.scalar(
                        text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": RELAY_LOCK_KEY}
                    )
                    self.leader = bool(lead)
                    if not lead:
                        return 0
                else:
                    self.leader = True
                query = (
                    select(OutboxEvent)
                    .where(OutboxEvent.published_at.is_(None))
                    .order_by(OutboxEvent.sequence)
                    .limit(self.batch_size)
                )
                rows = list((await session.execute(query)).scalars())
                if not rows:
                    return 0
                sequences = [row.sequence for row in rows]
                spans, messages = self._messages(rows)
                try:
                    await self.publisher.send_batch(messages)
                except BaseException as exc:
                    tracing.end_spans(spans, exc)
                    raise
                tracing.end_spans(spans)
                sent = True
                await session.execute(
                    update(OutboxEvent)
                    .where(OutboxEvent.sequence.in_(sequences))
                    .values(
                        published_at=datetime.now(UTC), attempts=OutboxEvent.attempts + 1, last_error=None
                    )
                )
        except Exception as exc:
            # Not sent: the rows wait for the next round. Sent but not marked (the commit failed): they go
            # again, a duplicate the consumers' inbox absorbs, still in order.
            if sequences:
                reason = str(exc) if not sent else f"published, but not marked: {exc}"
                await self._record_failure(sequences, reason)
            raise
        self.published_total += len(sequences)
        if self.on_published is not None:
            result = self.on_published(len(sequences))
            if asyncio.iscoroutine(result):
                await result
        return len(sequences)

    def _messages(self, rows: list[OutboxEvent]) -> tuple[list[Any], list[tuple[str, bytes, bytes]]]:
        """One message per row; traced, each with a send span (a child of the event's creation span)
        whose traceparent travels in the record's headers: the CloudEvents extension keeps the creation
        context, the hop goes in the transport's header (CloudEvents distributed-tracing extension)."""
        tracer = tracing.tracer_for(self.db.engine)
        spans: list[Any] = []
        messages: list[tuple[str, bytes, bytes]] = []
        for row in rows:
            key, value = row.subject.encode(), row_to_envelope(row).to_json_bytes()
            if tracer is None:
                messages.append((row.topic, key, value))
                continue
            span = tracing.publish_span(
                tracer,
                traceparent=row.traceparent,
                event_id=row.event_id,
                type_=row.type,
                topic=row.topic,
                key=key,
            )
            spans.append(span)
            hop = tracing.traceparent_of(span)
            headers = (("traceparent", hop.encode()),) if hop else ()
            messages.append(OutboxMessage(row.topic, key, value, headers))
        return spans, messages

    async def _record_failure(self, sequences: list[int], error: str) -> None:
        try:
            async with self.db.transaction() as session:
                await session.execute(
                    update(OutboxEvent)
                    .where(OutboxEvent.sequence.in_(sequences))
                    .values(attempts=OutboxEvent.attempts + 1, last_error=error[:2000])
                )
        except Exception:  # the DB may be the thing that failed; the next round retries anyway
            log.exception("could not record relay failure")

    async def _reset_publisher(self) -> None:
        try:
            await self.publisher.stop()
        except Exception:
            log.debug("publisher stop failed", exc_info=True)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        pass


async def _first_of(stop: asyncio.Event, waiter: Awaitable[bool]) -> None:
    stop_task = asyncio.ensure_future(stop.wait())
    wait_task = asyncio.ensure_future(waiter)
    _done, pending = await asyncio.wait({stop_task, wait_task}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
