"""The measured runs: raw aiokafka, the pipeline in either shape, and each stage alone on a backlog."""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from renkei_common.db import Database
from renkei_common.events.contracts import AgreementSigned
from renkei_common.events.outbox import add_event
from renkei_common.events.relay import KafkaPublisher, OutboxRelay
from sqlalchemy import event as sa_event

from .common import (
    PACED_IN_FLIGHT,
    TOPIC,
    WARMUP,
    KafkaAdmin,
    Result,
    drive,
    finish,
    kafka_options,
    log,
    p50_p99,
    payload,
    wait_for,
    wire_bytes,
)
from .infra import CpuMeter, cpu_use
from .shapes import ChildConsumer, Consumer, InProcessConsumer


class LockTimer:
    """The outbox's `pg_advisory_xact_lock`: how long writers queue for it, and how long they hold it.

    It is held from that statement to COMMIT: outbox commits of one database are serialised. The hold
    is timed in this process, so it also counts the event loop's delay in noticing that COMMIT returned."""

    def __init__(self, db: Database) -> None:
        self.waits: list[float] = []
        self.holds: list[float] = []
        sa_event.listen(db.engine.sync_engine, "before_cursor_execute", self._before)
        sa_event.listen(db.engine.sync_engine, "after_cursor_execute", self._after)

    def clear(self) -> None:
        self.waits.clear()
        self.holds.clear()

    def _before(self, conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "pg_advisory_xact_lock" in statement:
            conn.info["bench_lock_t"] = time.perf_counter()

    def _after(self, conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "pg_advisory_xact_lock" in statement:
            conn.info["bench_lock_at"] = now = time.perf_counter()
            self.waits.append(now - conn.info.pop("bench_lock_t"))

    def committed(self, info: dict[str, Any]) -> None:
        if (at := info.pop("bench_lock_at", None)) is not None:
            self.holds.append(time.perf_counter() - at)

    def summary(self) -> tuple[str, str]:
        """p50 / p99 ms of the waits and of the holds."""
        return p50_p99(self.waits), p50_p99(self.holds)


class AckedPublisher(KafkaPublisher):
    """The library's publisher, noting when Kafka acknowledged each key: splits the latency in two."""

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__(options)
        self.acked: dict[str, float] = {}

    async def send_batch(self, messages: list[tuple[str, bytes, bytes]]) -> None:
        await super().send_batch(messages)
        now = time.time()
        for _, key, _ in messages:
            self.acked.setdefault(key.decode(), now)


@dataclass
class Stage:
    stage: str
    events: int
    rate: float
    cpu: dict[str, tuple[float, float] | None]
    notes: str


class Bench:
    def __init__(self, bootstrap: str, producer_url: str, consumer_url: str, cpu: CpuMeter) -> None:
        self.bootstrap = bootstrap
        self.admin = KafkaAdmin(bootstrap)
        self.producer_db = Database(producer_url)  # the producer's and relay's engine, as in one service
        self.consumer_url = consumer_url
        self.consumer_db = Database(consumer_url)  # used by the in-process consumer only
        self.locks = LockTimer(self.producer_db)
        self.cpu = cpu
        self.run_id = uuid.uuid4().hex[:6]
        self.counter = 0

    def tag(self) -> str:
        self.counter += 1
        return f"{self.run_id}{self.counter:02d}"

    async def close(self) -> None:
        for db in (self.producer_db, self.consumer_db):
            await db.dispose()

    # ------------------------------------------------------------------------------------------ raw

    async def raw(self, scenario: str, n: int, rate: float | None, wait_s: float) -> Result:
        """Bare aiokafka: the same bytes, same producer options, a plain group consumer; no database."""
        tag = self.tag()
        topic = f"bench.raw.{tag}"
        await self.admin.create_topic(topic)
        keys = [f"{tag}-{i:06d}" for i in range(WARMUP + n)]
        values = [wire_bytes(k, i) for i, k in enumerate(keys)]  # built before timing: transport only
        sent: dict[str, float] = {}
        got: dict[str, float] = {}
        consumer = AIOKafkaConsumer(
            topic,
            **kafka_options(self.bootstrap, "raw"),
            group_id=f"bench-raw-{tag}",
            auto_offset_reset="earliest",
            isolation_level="read_committed",
        )
        producer = AIOKafkaProducer(**kafka_options(self.bootstrap, "raw", producer=True))
        await consumer.start()
        await producer.start()
        stop = asyncio.Event()

        async def consume() -> None:
            while not stop.is_set():
                batches = await consumer.getmany(timeout_ms=200, max_records=200)
                now = time.time()
                for records in batches.values():
                    for r in records:
                        got.setdefault(r.key.decode(), now)

        task = asyncio.create_task(consume())
        futures: list[asyncio.Future[Any]] = []

        async def send(i: int, track: bool = True) -> None:
            if track:
                sent[keys[i]] = time.time()
            futures.append(await producer.send(topic, value=values[i], key=keys[i].encode()))

        try:
            for i in range(WARMUP):
                await send(i, track=False)
            await wait_for(lambda: len(got) >= WARMUP, 30, "raw warm-up")
            before = self.cpu.sample()
            await drive(n, rate, PACED_IN_FLIGHT, lambda i: send(WARMUP + i))
            await asyncio.gather(*futures)
            await wait_for(lambda: len(got) >= WARMUP + n, wait_s, f"raw {scenario}")
            after = self.cpu.sample()
        finally:
            stop.set()
            await finish([task])
            await producer.stop()
            await consumer.stop()
        result = Result(scenario, "raw", sent, got)
        result.extra.update(cpu=cpu_use(before, after, n), bytes=statistics.mean(map(len, values)))
        return result

    # ------------------------------------------------------------------------------------- pipeline

    async def emit(self, p: AgreementSigned, sent: dict[str, float], tx: list[float]) -> None:
        """One producer transaction, as a use case does: add_event (advisory lock included), commit."""
        t = time.time()
        async with self.producer_db.transaction() as session:
            await add_event(session, p, subject=p.agreement_id, aggregate_version=1)
            info = (await session.connection()).info  # the connection add_event used: no round trip
        sent[p.agreement_id] = done = time.time()
        self.locks.committed(info)
        tx.append(done - t)

    def relay(self, batches: list[int]) -> tuple[OutboxRelay, AckedPublisher]:
        # Same engine as the producer: the relay is woken by that engine's commit notifier.
        publisher = AckedPublisher(kafka_options(self.bootstrap, "agreements", producer=True))
        relay = OutboxRelay(db=self.producer_db, publisher=publisher, on_published=batches.append)
        return relay, publisher

    def consumer(self, shape: str, group: str) -> Consumer:
        if shape == "in-process":
            return InProcessConsumer(self.consumer_db, self.bootstrap, group)
        return ChildConsumer(self.consumer_url, self.bootstrap, group)

    async def pipeline(
        self, scenario: str, shape: str, n: int, rate: float | None, writers: int, wait_s: float
    ) -> Result:
        """Producer + relay in this process; the consumer in this process too, or in a child process."""
        tag = self.tag()
        group = f"bench-finance-{tag}"
        await self.admin.position_group(group, await self.admin.end_offsets(TOPIC))
        consumer = self.consumer(shape, group)
        relay_batches: list[int] = []
        relay, publisher = self.relay(relay_batches)
        stop = asyncio.Event()
        relay_task = asyncio.create_task(relay.run(stop))
        payloads = [payload(f"{tag}-{i:06d}", i) for i in range(WARMUP + n)]
        sent: dict[str, float] = {}
        tx: list[float] = []
        counts: dict[str, int] = {}
        try:
            await consumer.start()
            for i in range(WARMUP):
                await self.emit(payloads[i], {}, [])
            await wait_for(lambda: len(consumer.done) >= WARMUP, 30, f"{shape} warm-up")
            relay_batches.clear()
            consumer.batch_sizes.clear()
            self.locks.clear()
            before = self.cpu.sample(consumer.pid)
            await drive(n, rate, writers, lambda i: self.emit(payloads[WARMUP + i], sent, tx))
            produced = time.time()
            await wait_for(lambda: len(consumer.done) >= WARMUP + n, wait_s, f"{shape} {scenario}")
            after = self.cpu.sample(consumer.pid)  # before the child exits: its CPU counts only while alive
        finally:
            stop.set()
            try:
                await finish([relay_task])
            finally:
                counts = await consumer.close()
        if counts.get("applied") != WARMUP + n or counts.get("duplicate"):
            log.warning("%s %s: consumer counts %s, expected %d applied", shape, scenario, counts, WARMUP + n)
        result = Result(scenario, shape, sent, consumer.done)
        relay_s = [publisher.acked[k] - t for k, t in sent.items() if k in publisher.acked]
        consumer_s = [
            consumer.done[k] - publisher.acked[k] for k in sent if k in consumer.done and k in publisher.acked
        ]
        result.extra.update(
            split=(p50_p99(relay_s), p50_p99(consumer_s)),
            load=f"open loop ≤{writers} in flight" if rate else f"{writers} writers, closed loop",
            producer_rate=n / (produced - min(sent.values())),
            tx=p50_p99(tx),
            lock=self.locks.summary(),
            relay_batch=statistics.mean(relay_batches) if relay_batches else float("nan"),
            consumer_batch=statistics.mean(consumer.batch_sizes) if consumer.batch_sizes else float("nan"),
            cpu=cpu_use(before, after, n),
            counts=counts,
        )
        return result

    # --------------------------------------------------------------------------------------- stages

    async def stages(self, n: int, writers: int, wait_s: float) -> list[Stage]:
        """Each stage alone on a backlog of n events: the producer commits them with the relay stopped,
        the relay publishes them with no consumer, a consumer process applies them; then the relay and
        a consumer process drain a second backlog together (the pipeline minus the producer)."""
        first = await self.admin.end_offsets(TOPIC)
        out = [await self._produce(n, writers)]
        batches: list[int] = []
        relay, _ = self.relay(batches)
        await relay.publisher.start()
        stop = asyncio.Event()
        before = self.cpu.sample()
        task = asyncio.create_task(relay.run(stop))
        await wait_for(lambda: relay.published_total >= n, wait_s, "relay stage")
        after = self.cpu.sample()
        stop.set()
        await finish([task])
        rate = relay.published_total / (after.wall - before.wall)
        mean = statistics.mean(batches or [0])
        out.append(
            Stage("relay", n, rate, cpu_use(before, after, n), f"{len(batches)} batches, mean {mean:.0f}")
        )
        out.append(await self._drain("consumer process", first, n, wait_s, with_relay=False))
        second = await self.admin.end_offsets(TOPIC)
        await self._produce(n, writers)
        out.append(await self._drain("relay + consumer process", second, n, wait_s, with_relay=True))
        return out

    async def _produce(self, n: int, writers: int) -> Stage:
        tag = self.tag()
        payloads = [payload(f"{tag}-{i:06d}", i) for i in range(n)]
        tx: list[float] = []
        self.locks.clear()
        before = self.cpu.sample()
        await drive(n, None, writers, lambda i: self.emit(payloads[i], {}, tx))
        after = self.cpu.sample()
        wait, held = self.locks.summary()
        notes = f"tx p50/p99 {p50_p99(tx)} ms; advisory lock wait {wait} ms, held {held} ms"
        return Stage(
            f"producer ({writers} writers)",
            n,
            n / (after.wall - before.wall),
            cpu_use(before, after, n),
            notes,
        )

    async def _drain(
        self, name: str, start: dict[TopicPartition, int], n: int, wait_s: float, *, with_relay: bool
    ) -> Stage:
        """A consumer process (fresh group at `start`) applies n events: from the first applied batch
        on, or with the relay, from the relay's start on; group join and process start are not counted."""
        group = f"bench-stage-{self.tag()}"
        await self.admin.position_group(group, start)
        consumer = ChildConsumer(self.consumer_url, self.bootstrap, group)
        stop = asyncio.Event()
        tasks: list[asyncio.Task[None]] = []
        try:
            await consumer.start()
            if with_relay:
                relay, _ = self.relay([])
                await relay.publisher.start()
                t0, before = time.time(), self.cpu.sample(consumer.pid)
                tasks.append(asyncio.create_task(relay.run(stop)))
            else:
                await wait_for(lambda: bool(consumer.done), wait_s, "first batch")
                t0, before = time.time(), self.cpu.sample(consumer.pid)
            counted = len(consumer.done) if not with_relay else 0
            await wait_for(lambda: len(consumer.done) >= n, wait_s, name)
            after = self.cpu.sample(consumer.pid)
        finally:
            stop.set()
            try:
                await finish(tasks)
            finally:
                await consumer.close()
        last = max(consumer.done.values(), default=t0)
        count = len(consumer.done) - counted
        sizes = consumer.batch_sizes
        notes = (
            f"{len(sizes)} partition batches, 1 transaction each, mean {statistics.mean(sizes or [0]):.0f}"
        )
        rate = count / (last - t0) if last > t0 else float("nan")
        return Stage(name, len(consumer.done), rate, cpu_use(before, after, count), notes)


def by_scenario(results: list[Result]) -> dict[str, dict[str, Result]]:
    out: dict[str, dict[str, Result]] = defaultdict(dict)
    for r in results:
        out[r.scenario][r.shape] = r
    return out
