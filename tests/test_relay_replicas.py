"""Two relays on one PostgreSQL outbox (two replicas) publish every row once, claiming with SKIP LOCKED."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from renkei_common.events.relay import KafkaPublisher, OutboxRelay
from renkei_common.models import OutboxEvent
from renkei_common.topology import events_topic
from sqlalchemy import func, select

from tests.backbone import emit_signed, eventually, producer_db

pytestmark = pytest.mark.kafka


async def test_two_relays_share_the_outbox_without_double_publishing(
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
    ids = await emit_signed(db_a, 300, tag=tag)
    relays = [
        OutboxRelay(db=db, publisher=KafkaPublisher({"bootstrap_servers": kafka_bootstrap}), batch_size=20)
        for db in (db_a, db_b)
    ]
    counts = await asyncio.gather(*(_drain(relay) for relay in relays))
    assert sum(counts) == 300
    assert all(c > 0 for c in counts) or max(counts) == 300  # both may share; never more than once

    seen: list[str] = []

    async def all_seen() -> bool:
        batch = await consumer.getmany(timeout_ms=500)
        for records in batch.values():
            for record in records:
                subject = json.loads(record.value)["subject"]
                if subject.startswith(tag):
                    seen.append(subject)
        return len(seen) >= 300

    await eventually(all_seen, what="300 records")
    await asyncio.sleep(0.5)
    await all_seen()
    await consumer.stop()
    assert sorted(seen) == sorted(ids), "each outbox row reached Kafka exactly once"
    async with db_a.session() as session:
        unpublished = await session.scalar(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.published_at.is_(None))
        )
    assert unpublished == 0
    for relay in relays:
        await relay.publisher.stop()
    await db_a.dispose()
    await db_b.dispose()


async def _drain(relay: OutboxRelay) -> int:
    total = 0
    while True:
        sent = await relay.publish_once()
        if not sent:
            return total
        total += sent
