"""Background machinery of a running service: relay, consumers and outbox pruning, started by the app.

Every loop runs under a supervisor that restarts it with backoff after any error, so no loop dies silently;
`/livez` fails if one is dead anyway (cancelled from outside) or stuck (no heartbeat for
`RENKEI_LIVENESS_STALL_S`). `/readyz` checks only what a request needs, the database: a Kafka outage is
what the outbox buffers, reported by the `renkei_outbox_backlog` and `renkei_relay_connected` metrics.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select

from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor, Handler, RetryPolicy
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.events.kafka import client_options, producer_options
from renkei_common.events.metrics import (
    BACKGROUND_RESTARTS,
    EVENTS_PUBLISHED,
    OUTBOX_BACKLOG,
    RELAY_CONNECTED,
)
from renkei_common.models import OutboxEvent
from renkei_common.settings import ServiceSettings
from renkei_common.topology import dlq_topic, events_topic

log = logging.getLogger(__name__)

_heap_frozen = False


def freeze_heap() -> bool:
    """Once per process, after start-up: keep what the process holds for life out of the collector's scans.

    A service holds some 120,000 objects from start-up on (modules, models, routes, mapped tables). Each
    full collection walked them all: 30-40 ms with the event loop stopped, every few seconds under load,
    one cause of the finance end-to-end latency's tail (docs/adr/0017-freeze-the-start-up-heap.md).
    After `gc.freeze()` a full collection walks only what was made since, a few milliseconds. Only the
    first call freezes (a test process starts many apps, and frozen cycles are never collected); it
    returns whether it did.
    """
    global _heap_frozen
    if _heap_frozen:
        return False
    gc.collect()  # what start-up left as garbage is freed, not frozen
    gc.freeze()
    _heap_frozen = True
    return True


@dataclass
class Runtime:
    """Everything a service runs beside its HTTP API, owned by the app's lifespan."""

    settings: ServiceSettings
    db: Database
    handlers: Mapping[str, Handler] = field(default_factory=dict)
    consumes: tuple[str, ...] = ()
    relay: Any = None
    webhooks: Any = None  # the webhook dispatcher (renkei_common.webhooks), on both transports
    processor: EventProcessor | None = None
    runners: list[Any] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    # Task name -> the component whose `last_beat` (time.monotonic()) shows the task makes progress.
    heartbeats: dict[str, Any] = field(default_factory=dict)

    @property
    def consumer_name(self) -> str:
        return self.settings.service_name

    def build(self) -> None:
        s = self.settings
        if s.webhooks_enabled:
            from renkei_common.webhooks.dispatcher import WebhookDispatcher

            self.webhooks = WebhookDispatcher(db=self.db, settings=s)
        if s.transport == "kafka":
            from renkei_common.events.relay import KafkaPublisher, OutboxRelay

            self.relay = OutboxRelay(
                db=self.db,
                publisher=KafkaPublisher(producer_options(s)),
                batch_size=s.relay_batch_size,
                poll_interval_s=s.relay_poll_interval_s,
                max_backoff_s=s.relay_max_backoff_s,
                on_published=EVENTS_PUBLISHED.labels(s.service_name).inc,
            )
        if not self.consumes or not self.handlers:
            return
        retry = RetryPolicy(s.consumer_max_attempts, s.consumer_backoff_base_s, s.consumer_backoff_max_s)
        if s.transport == "kafka":
            from renkei_common.events.kafka_consumer import KafkaConsumerRunner, KafkaDeadLetterSink

            sink = KafkaDeadLetterSink(options=producer_options(s), topic=dlq_topic(self.consumer_name))
            self.processor = EventProcessor(
                db=self.db,
                consumer=self.consumer_name,
                handlers=self.handlers,
                retry=retry,
                dead_letter_sink=sink,
            )
            self.runners.append(
                KafkaConsumerRunner(
                    processor=self.processor,
                    topics=[events_topic(p) for p in self.consumes],
                    options=client_options(s),
                    group_id=s.consumer_group or self.consumer_name,
                    dead_letter_sink=sink,
                )
            )
        else:
            self.processor = EventProcessor(
                db=self.db, consumer=self.consumer_name, handlers=self.handlers, retry=retry
            )
            for producer in self.consumes:
                url = s.feed_sources.get(producer)
                if not url:
                    log.warning("no RENKEI_FEED_SOURCES entry for %s: its events are not consumed", producer)
                    continue
                self.runners.append(
                    FeedConsumerRunner(
                        processor=self.processor,
                        source=producer,
                        base_url=url,
                        token=self.feed_token,
                        wait_s=s.feed_poll_wait_s,
                    )
                )

    def feed_token(self) -> str:
        if self.settings.feed_token:
            return self.settings.feed_token
        from renkei_common.auth import mint_dev_token

        return mint_dev_token(
            settings=self.settings,
            org=self.settings.service_name,
            roles=["service"],
            sub=f"service:{self.settings.service_name}",
            ttl_s=3600,
        )

    def start(self) -> None:
        self.stop.clear()
        if self.relay is not None:
            self._spawn("relay", self.relay.run, heartbeat=self.relay)
        for runner in self.runners:
            self._spawn(f"consumer_{getattr(runner, 'source', 'kafka')}", runner.run, heartbeat=runner)
        if self.webhooks is not None:
            self._spawn("webhooks", self.webhooks.run, heartbeat=self.webhooks)
        if self.settings.outbox_retention_days > 0:
            self._spawn("outbox_prune", self._prune_periodically)
        if self.relay is not None:
            self._spawn("outbox_backlog", self._observe_backlog)

    def _spawn(
        self, name: str, run: Callable[[asyncio.Event], Awaitable[None]], *, heartbeat: Any = None
    ) -> None:
        self.tasks.append(asyncio.create_task(self._supervise(name, run), name=name))
        if heartbeat is not None:
            self.heartbeats[name] = heartbeat

    async def _supervise(self, name: str, run: Callable[[asyncio.Event], Awaitable[None]]) -> None:
        """Run `run(stop)` until the service stops, restarting it with backoff whatever ends it early."""
        s, backoff = self.settings, 0.0
        while not self.stop.is_set():
            started = time.monotonic()
            try:
                await run(self.stop)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("background task %s failed; restarting it", name)
            else:
                if self.stop.is_set():
                    return
                log.error("background task %s ended while the service runs; restarting it", name)
            BACKGROUND_RESTARTS.labels(s.service_name, name).inc()
            if time.monotonic() - started > s.supervisor_max_backoff_s:
                backoff = 0.0  # it ran well for a while: this is a new failure, not the same one again
            backoff = min(s.supervisor_max_backoff_s, max(s.supervisor_backoff_s, backoff * 2))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), backoff)

    def liveness(self) -> dict[str, str]:
        """Per background task: "ok", "dead" (ended though the service runs) or "stalled for Ns"."""
        now, result = time.monotonic(), {}
        for task in self.tasks:
            name = task.get_name()
            if task.done():
                result[name] = "ok" if self.stop.is_set() else "dead"
                continue
            beat = _last_beat(self.heartbeats.get(name))
            stalled = beat is not None and now - beat > self.settings.liveness_stall_s
            result[name] = f"stalled for {now - beat:.0f}s" if stalled and beat is not None else "ok"
        return result

    async def shutdown(self, timeout: float = 15.0) -> None:
        """Let consumers finish their current event and commit, then stop (SIGTERM path)."""
        self.stop.set()
        if self.tasks:
            done, pending = await asyncio.wait(self.tasks, timeout=timeout)
            for task in pending:
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
            for task in done:
                if not task.cancelled() and task.exception() is not None:
                    log.error("background task %s failed: %r", task.get_name(), task.exception())
        self.tasks.clear()
        self.heartbeats.clear()

    async def _prune_periodically(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await prune_outbox(
                    self.db,
                    retention_days=self.settings.outbox_retention_days,
                    require_published=self.settings.transport == "kafka",
                )
            except Exception:
                log.exception("outbox pruning failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 3600)

    def readiness_checks(self) -> dict[str, Callable[[], Awaitable[None]]]:
        # What a request needs, and nothing else: Kafka and the feeds of other services are not (writes
        # wait in the outbox); a broken background loop shows in /livez and the metrics instead.
        return {"database": self.db.ping}

    async def _observe_backlog(self, stop: asyncio.Event) -> None:
        """Publish the relay's state as metrics: the backlog is what an operator alerts on."""
        service = self.settings.service_name
        while not stop.is_set():
            RELAY_CONNECTED.labels(service).set(1 if self.relay is not None and self.relay.healthy else 0)
            try:
                OUTBOX_BACKLOG.labels(service).set((await self.outbox_backlog())["unpublished"])
            except Exception as exc:  # the database is away: the gauge keeps its last value
                log.warning("could not count the outbox backlog: %s", exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.backlog_interval_s)

    async def outbox_backlog(self) -> dict[str, Any]:
        async with self.db.session() as session:
            total = await session.scalar(select(func.count()).select_from(OutboxEvent))
            unpublished = await session.scalar(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.published_at.is_(None))
            )
            last = await session.scalar(select(func.max(OutboxEvent.sequence)))
        return {
            "transport": self.settings.transport,
            "rows": total or 0,
            "unpublished": unpublished or 0 if self.settings.transport == "kafka" else 0,
            "last_sequence": last or 0,
        }


def _last_beat(component: Any) -> float | None:
    """The latest heartbeat of a component or of its event processor (which beats while it retries)."""
    if component is None:
        return None
    beats = [
        getattr(component, "last_beat", None),
        getattr(getattr(component, "processor", None), "last_beat", None),
    ]
    known = [beat for beat in beats if isinstance(beat, int | float)]
    return max(known) if known else None


async def prune_outbox(db: Database, *, retention_days: int, require_published: bool) -> int:
    """Delete outbox rows older than the retention; in Kafka mode only rows already published."""
    cutoff = datetime.now(UTC) - timedelta(days=retention_days)
    async with db.transaction() as session:
        statement = delete(OutboxEvent).where(OutboxEvent.occurred_at < cutoff)
        if require_published:
            statement = statement.where(OutboxEvent.published_at.is_not(None))
        result = await session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)
