"""Two relays on one PostgreSQL outbox (two replicas): one publishes at a time, so every row reaches Kafka
once and each aggregate's events arrive in the order they were written."""

from __future__ import annotations

import asyncio
import random
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from renkei_common.db import Database
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.outbox import add_event
from renkei_common.events.relay import KafkaPublisher, OutboxRelay
from renkei_common.models import OutboxEvent
from renkei_common.topology import events_topic
from sqlalchemy import func, select

from tests.backbone import eventually, producer_db, signed

pytestmark = pytest.mark.kafka

AGGREGATES, VERSIONS = 10, 30


class JitteryPublisher:
    """A real Kafka publisher whose sends take a random while, as over a real network; it records how many
    batches were in flight at once across all replicas."""

    in_flight = 0
    most_in_flight = 0

    def __init__(self, bootstrap: str) -> None:
        self.inner = KafkaPublisher(
            {"bootstrap_servers": bootstrap, "enable_idempotence": True, "acks": "all"}
        )

    async def start(self) -> None:
        await self.inner.start()

    async def stop(self) -> None:
        await self.inner.stop()

    async def send_batch(self, messages: list[tuple[str, bytes, bytes]]) -> None:
        cls = JitteryPublisher
        cls.in_flight += 1
        cls.most_in_flight = max(cls.most_in_flight, cls.in_flight)
        try:
            await asyncio.sleep(random.uniform(0, 0.03))
            await self.inner.send_batch(messages)
        finally:
            cls.in_flight -= 1


async def _backlog(db: Database, tag: str) -> dict[str, list[int]]:
    """AGGREGATES agreements, each amended VERSIONS times, written interleaved: a1v1, a2v1, ..., a1v2, ..."""
    written: dict[str, list[int]] = {f"{tag}-{a:02d}": [] for a in range(AGGREGATES)}
    for version in range(1, VERSIONS + 1):
        async with db.transaction() as session:
            for agreement_id, versions in written.items():
                event = signed(agreement_id, f"改定 {version}", version=version)
                await add_event(session, event, subject=agreement_id, aggregate_version=version)
                versions.append(version)
    return written


async def _unpublished(db: Database) -> int:
    async with db.session() as session:
        query = select(func.count()).select_from(OutboxEvent).where(OutboxEvent.published_at.is_(None))
        return int(await session.scalar(query) or 0)


async def _drain(relay: OutboxRelay, db: Database) -> int:
    total = 0
    while await _unpublished(db):
        sent = await relay.publish_once()
        total += sent
        if not sent:
            await asyncio.sleep(0.005)  # the other replica holds the lead, or the last batch is in flight
    return total


async def test_two_relays_publish_every_row_once_and_in_order_per_aggregate(
    new_postgres_database, kafka_bootstrap: str
) -> None:
    url = new_postgres_database("relay")
    db_a, db_b = await producer_db(url), await producer_db(url)  # two replicas: separate pools
    tag = f"replicas-{uuid.uuid4().hex[:8]}"
    consumer = AIOKafkaConsumer(
        events_topic("agreements"),
        bootstrap_servers=kafka_bootstrap,
        group_id=f"g-{tag}",
        auto_offset_reset="latest",
    )
    await consumer.start()
    await asyncio.sleep(1.0)  # let the group settle so that "latest" is before our events
    written = await _backlog(db_a, tag)
    total = AGGREGATES * VERSIONS
    JitteryPublisher.in_flight = JitteryPublisher.most_in_flight = 0
    relays = [
        OutboxRelay(db=db, publisher=JitteryPublisher(kafka_bootstrap), batch_size=7) for db in (db_a, db_b)
    ]
    counts = await asyncio.gather(
        *(_drain(relay, db) for relay, db in zip(relays, (db_a, db_b), strict=True))
    )
    assert sum(counts) == total, f"every row published once by one relay or the other: {counts}"
    assert JitteryPublisher.most_in_flight == 1, "one replica publishes at a time"

    received: dict[str, list[int]] = {agreement_id: [] for agreement_id in written}

    async def all_received() -> bool:
        batch = await consumer.getmany(timeout_ms=500)
        for records in batch.values():
            for record in records:
                envelope = EventEnvelope.from_json_bytes(record.value)
                if envelope.subject in received:
                    received[envelope.subject].append(envelope.aggregate_version)
        return sum(map(len, received.values())) >= total

    await eventually(all_received, what=f"{total} records")
    await asyncio.sleep(0.5)
    await all_received()  # and nothing more arrives
    await consumer.stop()
    assert received == written, "each aggregate's events reached Kafka once, in the order they were written"
    assert await _unpublished(db_a) == 0
    for relay in relays:
        await relay.publisher.stop()
    await db_a.dispose()
    await db_b.dispose()
