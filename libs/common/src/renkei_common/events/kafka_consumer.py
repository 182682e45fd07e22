"""Kafka transport of the consumer runtime: consumer groups, commit after the handler's transaction."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, KafkaError

from renkei_common import tracing
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.metrics import CONSUMER_CONNECTED

log = logging.getLogger(__name__)


class _RebalanceLog(ConsumerRebalanceListener):
    def __init__(self, runner: KafkaConsumerRunner) -> None:
        self.runner = runner

    async def on_partitions_revoked(self, revoked: Any) -> None:
        # Commit what was applied before the partitions move, so the next owner starts after it; if
        # this commit is lost, the inbox absorbs the redelivery.
        await self.runner.flush_commits()
        log.info("consumer %s: partitions revoked %s", self.runner.group_id, sorted(map(str, revoked)))

    async def on_partitions_assigned(self, assigned: Any) -> None:
        log.info("consumer %s: partitions assigned %s", self.runner.group_id, sorted(map(str, assigned)))


class KafkaDeadLetterSink:
    """Sends poison messages to the consumer's DLQ topic, with the failure in headers."""

    def __init__(self, *, options: dict[str, Any], topic: str) -> None:
        self.options = options
        self.topic = topic
        self._producer: AIOKafkaProducer | None = None

    async def __call__(self, raw: bytes, error: str, origin: str) -> None:
        if self._producer is None:
            producer = AIOKafkaProducer(**self.options)
            await producer.start()
            self._producer = producer
        headers = [("renkei-error", error.encode()[:4000]), ("renkei-origin", origin.encode())]
        await self._producer.send_and_wait(self.topic, value=raw, headers=headers)

    async def stop(self) -> None:
        if self._producer is not None:
            await self._producer.stop()
            self._producer = None


class KafkaConsumerRunner:
    """One consumer-group member. Stop it by setting the stop event (the service does so on SIGTERM)."""

    def __init__(
        self,
        *,
        processor: EventProcessor,
        topics: list[str],
        options: dict[str, Any],
        group_id: str | None = None,
        max_records: int = 200,
        dead_letter_sink: KafkaDeadLetterSink | None = None,
    ) -> None:
        self.processor = processor
        self.topics = topics
        self.group_id = group_id or processor.consumer
        self.options = options
        self.max_records = max_records
        self.dead_letter_sink = dead_letter_sink
        self.healthy = False
        # time.monotonic() of the last poll or restart; the runtime's /livez reads it.
        self.last_beat = time.monotonic()
        self.consumer: AIOKafkaConsumer | None = None
        self._pending_offsets: dict[TopicPartition, int] = {}
        self._commit_task: asyncio.Task[None] | None = None

    def _max_poll_interval_ms(self) -> int:
        # A batch may retry every record to the limit; the group must not evict us meanwhile.
        retry = self.processor.retry
        worst_record_s = retry.max_attempts * (retry.backoff_max_s + 30)
        return int(max(300_000, worst_record_s * 1000 * 2))

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop`; after ANY error, start a fresh consumer (rejoining the group) with backoff.

        Uncommitted offsets are redelivered after a restart, and the inbox turns them into no-ops.
        """
        backoff = 0.0
        try:
            while not stop.is_set():
                self.last_beat = time.monotonic()
                try:
                    await self._consume(stop)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    self._set_healthy(False)
                    backoff = min(30.0, max(0.5, backoff * 2))
                    if isinstance(exc, KafkaError):
                        log.warning("consumer %s lost Kafka, retry in %.1fs: %s", self.group_id, backoff, exc)
                    else:
                        log.exception("consumer %s failed, restarting in %.1fs", self.group_id, backoff)
                    self.last_beat = time.monotonic()
                    try:
                        await asyncio.wait_for(stop.wait(), backoff)
                    except TimeoutError:
                        pass
                else:
                    backoff = 0.0
        finally:
            if self.dead_letter_sink is not None:
                await self.dead_letter_sink.stop()

    def _set_healthy(self, healthy: bool) -> None:
        self.healthy = healthy
        CONSUMER_CONNECTED.labels(self.processor.consumer, "kafka").set(1 if healthy else 0)

    async def _consume(self, stop: asyncio.Event) -> None:
        consumer = AIOKafkaConsumer(
            **self.options,
            group_id=self.group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_interval_ms=self._max_poll_interval_ms(),
            max_poll_records=self.max_records,
            isolation_level="read_committed",
        )
        consumer.subscribe(self.topics, listener=_RebalanceLog(self))
        await consumer.start()
        self.consumer = consumer
        try:
            while not stop.is_set():
                batches = await consumer.getmany(timeout_ms=500, max_records=self.max_records)
                self.last_beat = time.monotonic()
                if not self.healthy:
                    self._set_healthy(True)
                offsets: dict[TopicPartition, int] = {}
                for tp, records in batches.items():
                    if stop.is_set():
                        break
                    applied = await self._handle_partition(tp, records, stop)
                    if applied is not None:
                        offsets[tp] = applied
                if offsets:
                    self._schedule_commit(consumer, offsets)
        finally:
            await self.flush_commits()
            self.consumer = None
            await consumer.stop()

    async def _handle_partition(
        self, tp: TopicPartition, records: list[Any], stop: asyncio.Event
    ) -> int | None:
        """Apply one partition's records; return the offset to commit (after the last applied one)."""
        if stop.is_set() or not records:
            return None
        origin = f"kafka:{tp.topic}/{tp.partition}@"
        await self.processor.process_batch(
            [(r.value, f"{origin}{r.offset}") for r in records],
            # The relay's send span, whose child the handling is (the event's own context is linked).
            traceparents=[tracing.header_traceparent(r.headers) for r in records],
        )
        return int(records[-1].offset) + 1

    def _schedule_commit(self, consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int]) -> None:
        # Commits run in the background, one at a time, newer offsets merged in: waiting for each one
        # (Kafka 4 lingers ~5 ms per commit) would stall the stream for no gain in safety, since only
        # offsets of events whose effects already committed are ever sent.
        self._pending_offsets.update(offsets)
        if self._commit_task is None or self._commit_task.done():
            self._commit_task = asyncio.create_task(self._commit_pending(consumer))

    async def _commit_pending(self, consumer: AIOKafkaConsumer) -> None:
        while self._pending_offsets:
            offsets, self._pending_offsets = self._pending_offsets, {}
            try:
                await consumer.commit(offsets)
            except (CommitFailedError, KafkaError) as exc:
                # After a rebalance the partition may belong to another member, which re-reads from the
                # last commit; its inbox check turns those redeliveries into no-ops.
                log.warning("consumer %s: offset commit failed: %s", self.group_id, exc)

    async def flush_commits(self) -> None:
        """Wait until every scheduled offset commit has been attempted."""
        while self._commit_task is not None and not self._commit_task.done():
            await asyncio.shield(self._commit_task)
