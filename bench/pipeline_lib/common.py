"""Shared pieces: constants, percentiles, results, event payloads, load shapes, Kafka admin helpers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from renkei_common.events.contracts import AgreementSigned, Party
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.kafka import client_options, producer_options
from renkei_common.settings import ServiceSettings
from renkei_common.topology import events_topic

TOPIC = events_topic("agreements")  # where the relay publishes AgreementSigned (source "agreements")
PARTITIONS = 3  # the test broker's num.partitions; raw topics get the same
WARMUP = 30  # events before each measured run: group join, connections, prepared statements
PACED_IN_FLIGHT = 16  # paced producers: concurrent requests of a service, each its own transaction
PARTIES = [
    Party(code="062014", name="山形市", role="centre"),
    Party(code="062103", name="天童市", role="partner"),
]

log = logging.getLogger("bench")


def kafka_options(bootstrap: str, service: str, *, producer: bool = False) -> dict[str, Any]:
    """The library's own aiokafka options, so the bench connects exactly as a service does."""
    settings = ServiceSettings(service_name=service, kafka_bootstrap=bootstrap)
    return producer_options(settings) if producer else client_options(settings)


# --------------------------------------------------------------------------------------------- stats


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(seconds: float) -> str:
    return "–" if seconds != seconds else f"{seconds * 1000:.1f}"


def p50_p99(values: list[float]) -> str:
    return f"{ms(pct(values, 0.5))} / {ms(pct(values, 0.99))}"


@dataclass
class Result:
    """One end-to-end run; times are time.time() seconds, so they compare across processes."""

    scenario: str
    shape: str  # raw | in-process | deployed
    sent: dict[str, float]  # key → producer commit (raw: send() called)
    done: dict[str, float]  # key → consumer transaction committed (raw: record returned by getmany)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.latencies = [self.done[k] - t for k, t in self.sent.items() if k in self.done]
        dones = sorted(self.done[k] for k in self.sent if k in self.done)
        n = len(dones)
        wall = dones[-1] - min(self.sent.values()) if dones else 0.0
        self.rate = n / wall if wall > 0 else float("nan")
        # Between 10 % and 90 % of completions: the steady state, without start-up and tail.
        lo, hi = (dones[int(n * 0.1)], dones[min(n - 1, int(n * 0.9))]) if n else (0.0, 0.0)
        self.sustained = (int(n * 0.9) - int(n * 0.1)) / (hi - lo) if hi > lo else float("nan")

    @property
    def received(self) -> int:
        return len(self.latencies)

    @property
    def p50(self) -> float:
        return pct(self.latencies, 0.5)

    @property
    def p99(self) -> float:
        return pct(self.latencies, 0.99)

    @property
    def pmax(self) -> float:
        return max(self.latencies, default=float("nan"))


# ---------------------------------------------------------------------------------------- load shape


async def drive(n: int, rate: float | None, concurrency: int, one: Callable[[int], Awaitable[None]]) -> None:
    """Call one(i) for i < n: open loop at `rate`/s, or closed loop with `concurrency` workers.

    Open loop: each call is its own task (at most `concurrency` in flight) so that one slow
    transaction does not delay the next arrivals, as with independent HTTP requests."""
    if rate is None:
        counter = iter(range(n))

        async def worker() -> None:
            for i in counter:
                await one(i)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return
    slots = asyncio.Semaphore(concurrency)
    running: set[asyncio.Task[None]] = set()

    async def call(i: int) -> None:
        try:
            await one(i)
        finally:
            slots.release()

    t0 = time.perf_counter()
    for i in range(n):
        if (delay := t0 + i / rate - time.perf_counter()) > 0:
            await asyncio.sleep(delay)
        await slots.acquire()
        task = asyncio.create_task(call(i))
        running.add(task)
        task.add_done_callback(running.discard)
    await asyncio.gather(*running)


async def wait_for(cond: Callable[[], bool], wait_s: float, what: str) -> bool:
    deadline = time.perf_counter() + wait_s
    while not cond():
        if time.perf_counter() > deadline:
            log.warning("timed out after %.0fs waiting for %s", wait_s, what)
            return False
        await asyncio.sleep(0.005)
    return True


async def finish(tasks: list[asyncio.Task[Any]], timeout: float = 10) -> None:
    """Wait for tasks that were told to stop; cancel the ones that do not."""
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
        with contextlib.suppress(BaseException):
            await task


def payload(key: str, i: int) -> AgreementSigned:
    """One event; its agreement id (the Kafka key and subject) is the bench's tracking key."""
    return AgreementSigned(
        agreement_id=key,
        agreement_version=1,
        kind="renkei_kyoyaku",
        title=f"協約 {i}",
        parties=PARTIES,
        concluded_on=date(2024, 4, 1),
        in_force_on=date(2024, 4, 15),
    )


def wire_bytes(key: str, i: int) -> bytes:
    """What the relay puts on the wire for the same event (CloudEvents JSON with a sequence)."""
    p = payload(key, i)
    return EventEnvelope(
        type=p.type_name(),
        source=p.service,
        subject=key,
        data=p.model_dump(mode="json"),
        sequence=1_000_000 + i,
        aggregate_version=1,
    ).to_json_bytes()


# --------------------------------------------------------------------------------------------- kafka


class KafkaAdmin:
    """Topic creation and consumer-group positioning, so that each run reads only its own events."""

    def __init__(self, bootstrap: str) -> None:
        self.bootstrap = bootstrap
        self.partitions: dict[str, list[int]] = {}

    async def create_topic(self, name: str) -> None:
        admin = AIOKafkaAdminClient(bootstrap_servers=self.bootstrap)
        await admin.start()
        try:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics([NewTopic(name, PARTITIONS, 1)])
            for _ in range(100):  # a just-created topic takes a moment to show up in metadata
                described = await admin.describe_topics([name])
                if parts := [p["partition"] for p in described[0].get("partitions", [])]:
                    self.partitions[name] = sorted(parts)
                    return
                await asyncio.sleep(0.1)
            raise RuntimeError(f"topic {name} has no partitions")
        finally:
            await admin.close()

    async def end_offsets(self, topic: str) -> dict[TopicPartition, int]:
        consumer = AIOKafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False)
        await consumer.start()
        try:
            tps = [TopicPartition(topic, p) for p in self.partitions[topic]]
            return dict(await consumer.end_offsets(tps))
        finally:
            await consumer.stop()

    async def position_group(self, group: str, offsets: dict[TopicPartition, int]) -> None:
        """Commit the group's offsets, so that a new group starts there (skipping earlier runs)."""
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, group_id=group, enable_auto_commit=False
        )
        await consumer.start()
        try:
            consumer.assign(list(offsets))
            await consumer.commit(offsets)
        finally:
            await consumer.stop()
