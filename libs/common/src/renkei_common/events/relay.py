"""Relay: publishes unpublished outbox rows to Kafka, woken on commit, polling as a fallback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import select, update

from renkei_common.db import Database
from renkei_common.events.outbox import notifier_for, row_to_envelope
from renkei_common.models import OutboxEvent

log = logging.getLogger(__name__)


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
        futures = [
            await producer.send(topic, value=value, key=key, headers=headers)
            for topic, key, value in messages
        ]
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

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 0.0
        while not stop.is_set():
            generation = self.notifier.generation
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
        """Claim one batch, publish it and mark it published, all in one transaction."""
        async with self.db.transaction() as session:
            query = (
                select(OutboxEvent)
                .where(OutboxEvent.published_at.is_(None))
                .order_by(OutboxEvent.sequence)
                .limit(self.batch_size)
            )
            if self.db.is_postgres:
                query = query.with_for_update(skip_locked=True)
            rows = list((await session.execute(query)).scalars())
            if not rows:
                return 0
            messages = [
                (row.topic, row.subject.encode(), row_to_envelope(row).to_json_bytes()) for row in rows
            ]
            try:
                await self.publisher.send_batch(messages)
            except Exception as exc:
                await session.rollback()
                await self._record_failure([r.sequence for r in rows], str(exc))
                raise
            await session.execute(
                update(OutboxEvent)
                .where(OutboxEvent.sequence.in_([r.sequence for r in rows]))
                .values(published_at=datetime.now(UTC), attempts=OutboxEvent.attempts + 1, last_error=None)
            )
        self.published_total += len(rows)
        if self.on_published is not None:
            result = self.on_published(len(rows))
            if asyncio.iscoroutine(result):
                await result
        return len(rows)

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
