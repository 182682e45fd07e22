"""A consumer outlives a PostgreSQL outage: it waits for its database, dead-letters nothing, applies once.

The consumer's database is a private PostgreSQL server that the test stops under the running consumer and
starts again, as a switchover or a restart would; the shared server of the suite is never touched.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
from aiokafka import AIOKafkaProducer
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor, RetryPolicy
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.kafka_consumer import KafkaConsumerRunner
from renkei_common.models import AuditEntry, DeadLetter, InboxEvent
from renkei_common.testing.infra import InfraUnavailable, PostgresServer
from renkei_common.writes import record_audit
from sqlalchemy import func, select

from tests.backbone import eventually, producer_db, signed

pytestmark = pytest.mark.kafka

SYSTEM = Actor(sub="consumer", org="finance", roles=frozenset({"service"}))


@pytest.fixture
def private_postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
    except (InfraUnavailable, OSError) as exc:
        server.close()
        pytest.fail(f"a private PostgreSQL server is needed for this test: {exc}")
    try:
        yield server
    finally:
        server.close()


async def _count(db: Database, model: type, *where: object) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def test_a_database_outage_under_a_running_consumer_loses_and_doubles_nothing(
    private_postgres: PostgresServer, kafka_bootstrap: str
) -> None:
    tag = f"outage-{uuid.uuid4().hex[:8]}"
    topic = f"renkei.test-{tag}.events"
    # Migrated like a service database: inbox, dead letters and the audit table the handler writes to.
    consumer_db = await producer_db(private_postgres.create_database())

    async def handler(envelope: EventEnvelope, session: object) -> None:
        # The effect: one audit row per event, in the handler's transaction with the inbox row.
        await record_audit(
            session,  # type: ignore[arg-type]
            actor=SYSTEM,
            action="applied",
            resource_type="agreement",
            resource_id=envelope.subject or "",
        )

    processor = EventProcessor(
        db=consumer_db,
        consumer="finance",
        handlers={signed("x").type_name(): handler},
        # Two quick attempts: without the fix, the outage exhausts them within a second and dead-letters.
        retry=RetryPolicy(max_attempts=2, backoff_base_s=0.05, backoff_max_s=0.2),
    )
    runner = KafkaConsumerRunner(
        processor=processor,
        topics=[topic],
        options={"bootstrap_servers": kafka_bootstrap},
        group_id=f"g-{tag}",
        max_records=10,
    )
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=True)
    await producer.start()

    async def publish(prefix: str, count: int) -> list[str]:
        ids = [f"{tag}-{prefix}-{i:03d}" for i in range(count)]
        for agreement_id in ids:
            envelope = EventEnvelope(
                type=signed(agreement_id).type_name(),
                source="agreements",
                subject=agreement_id,
                data=signed(agreement_id).model_dump(mode="json"),
            )
            await producer.send_and_wait(topic, envelope.to_json_bytes(), key=agreement_id.encode())
        return ids

    async def applied(expected: int) -> bool:
        try:
            return await _count(consumer_db, AuditEntry) == expected
        except Exception:
            return False  # the database is still coming back

    stop = asyncio.Event()
    task = asyncio.create_task(runner.run(stop))
    try:
        before = await publish("before", 20)
        await eventually(lambda: applied(20), timeout=60, what="20 events before the outage")

        await asyncio.to_thread(private_postgres.stop)
        during = await publish("during", 20)
        await asyncio.sleep(4)  # many times the retry budget: the events wait, they are not poison
        assert not task.done(), f"the consumer died during the outage: {task}"

        await asyncio.to_thread(private_postgres.start)
        after = await publish("after", 10)
        await eventually(lambda: applied(50), timeout=90, what="all 50 events after the outage")
        await asyncio.sleep(1)  # time for any duplicate to show
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        await producer.stop()

    assert await _count(consumer_db, DeadLetter) == 0, "nothing dead-lettered because the database was down"
    assert await _count(consumer_db, InboxEvent) == 50
    async with consumer_db.session() as session:
        per_subject = dict(
            (
                await session.execute(
                    select(AuditEntry.resource_id, func.count()).group_by(AuditEntry.resource_id)
                )
            ).all()
        )
    assert per_subject == dict.fromkeys(before + during + after, 1), "every event applied exactly once"
    assert processor.counts["dead_lettered"] == 0
    await consumer_db.dispose()
