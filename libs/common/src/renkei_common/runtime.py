"""Background machinery of a running service: relay, consumers and outbox pruning, started by the app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select

from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor, Handler, RetryPolicy
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.events.kafka import client_options, producer_options
from renkei_common.models import OutboxEvent
from renkei_common.settings import ServiceSettings
from renkei_common.topology import dlq_topic, events_topic

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything a service runs beside its HTTP API, owned by the app's lifespan."""

    settings: ServiceSettings
    db: Database
    handlers: Mapping[str, Handler] = field(default_factory=dict)
    consumes: tuple[str, ...] = ()
    relay: Any = None
    processor: EventProcessor | None = None
    runners: list[Any] = field(default_factory=list)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    stop: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def consumer_name(self) -> str:
        return self.settings.service_name

    def build(self) -> None:
        s = self.settings
        if s.transport == "kafka":
            from renkei_common.events.relay import KafkaPublisher, OutboxRelay

            self.relay = OutboxRelay(
                db=self.db,
                publisher=KafkaPublisher(producer_options(s)),
                batch_size=s.relay_batch_size,
                poll_interval_s=s.relay_poll_interval_s,
                max_backoff_s=s.relay_max_backoff_s,
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
            self.tasks.append(asyncio.create_task(self.relay.run(self.stop), name="outbox-relay"))
        for runner in self.runners:
            self.tasks.append(asyncio.create_task(runner.run(self.stop), name=f"consumer-{runner}"))
        if self.settings.outbox_retention_days > 0:
            self.tasks.append(asyncio.create_task(self._prune_periodically(), name="outbox-prune"))

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

    async def _prune_periodically(self) -> None:
        while not self.stop.is_set():
            try:
                await prune_outbox(
                    self.db,
                    retention_days=self.settings.outbox_retention_days,
                    require_published=self.settings.transport == "kafka",
                )
            except Exception:
                log.exception("outbox pruning failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), 3600)

    def readiness_checks(self) -> dict[str, Callable[[], Awaitable[None]]]:
        checks: dict[str, Callable[[], Awaitable[None]]] = {"database": self.db.ping}
        if self.relay is not None:
            checks["kafka_relay"] = self._check_flag(self.relay, "relay cannot reach Kafka")
        for runner in self.runners:
            name = f"consumer_{getattr(runner, 'source', 'kafka')}"
            checks[name] = self._check_flag(runner, f"{name} has not reached its source yet")
        return checks

    @staticmethod
    def _check_flag(component: Any, message: str) -> Callable[[], Awaitable[None]]:
        async def check() -> None:
            if not component.healthy:
                raise RuntimeError(getattr(component, "last_error", None) or message)

        return check

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


async def prune_outbox(db: Database, *, retention_days: int, require_published: bool) -> int:
    """Delete outbox rows older than the retention; in Kafka mode only rows already published."""
    cutoff = datetime.now(UTC) - timedelta(days=retention_days)
    async with db.transaction() as session:
        statement = delete(OutboxEvent).where(OutboxEvent.occurred_at < cutoff)
        if require_published:
            statement = statement.where(OutboxEvent.published_at.is_not(None))
        result = await session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)
