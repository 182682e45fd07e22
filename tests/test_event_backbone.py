"""Outbox → relay → Kafka → consumer → projection, on PostgreSQL and SQLite, with failures injected."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from renkei_common.events.consumer import EventProcessor, RetryPolicy
from renkei_common.events.kafka_consumer import KafkaConsumerRunner, KafkaDeadLetterSink
from renkei_common.events.relay import KafkaPublisher, OutboxRelay
from renkei_common.models import DeadLetter, InboxEvent, OutboxEvent
from renkei_common.testing.client import service_client
from renkei_common.testing.infra import KafkaServer
from renkei_common.topology import events_topic
from renkei_finance.adapters.orm import AgreementProjection
from renkei_finance.config import Settings as FinanceSettings
from renkei_finance.consumers import HANDLERS
from renkei_finance.main import create_app as create_finance
from sqlalchemy import func, select

from tests.backbone import emit_signed, eventually, producer_db, second_url, signed

pytestmark = pytest.mark.kafka


def _relay(db, bootstrap: str, *, topic: str | None = None) -> OutboxRelay:
    publisher = KafkaPublisher({"bootstrap_servers": bootstrap, "enable_idempotence": True, "acks": "all"})
    return OutboxRelay(
        db=db,
        publisher=publisher if topic is None else _ToTopic(publisher, topic),
        poll_interval_s=0.2,
        max_backoff_s=1.0,
    )


class _ToTopic:
    """A publisher sending every row to one topic of the test's own, whatever the row's topic."""

    def __init__(self, inner: KafkaPublisher, topic: str) -> None:
        self.inner, self.topic = inner, topic

    async def start(self) -> None:
        await self.inner.start()

    async def stop(self) -> None:
        await self.inner.stop()

    async def send_batch(self, messages: list[tuple[str, bytes, bytes]]) -> None:
        await self.inner.send_batch([(self.topic, key, value) for _, key, value in messages])


async def _private_topic(bootstrap: str, tag: str, partitions: int = 3) -> str:
    """A fresh topic with several partitions: the shared events topic holds every earlier run's events,
    which would decide how this test's events fall into polls and partition batches."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    topic = f"renkei.test-{tag}.events"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
    finally:
        await admin.close()
    return topic


async def _count(db, model, *where) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def _projected(db, ids: list[str]) -> int:
    return await _count(db, AgreementProjection, AgreementProjection.agreement_id.in_(ids))


async def test_outbox_to_kafka_to_projection(
    database_url: str, tmp_path: Path, kafka_bootstrap: str, request: pytest.FixtureRequest
) -> None:
    pg = None if database_url.startswith("sqlite") else request.getfixturevalue("new_postgres_database")
    producer = await producer_db(database_url)
    relay_stop = asyncio.Event()
    relay = _relay(producer, kafka_bootstrap)
    relay_task = asyncio.create_task(relay.run(relay_stop))
    tag = f"e2e-{uuid.uuid4().hex[:8]}"
    try:
        async with service_client(
            create_finance,
            FinanceSettings,
            database_url=second_url(database_url, tmp_path, pg),
            background=True,
            transport="kafka",
            kafka_bootstrap=kafka_bootstrap,
            consumer_group=f"g-{tag}",
        ) as finance:
            ids = await emit_signed(producer, 20, tag=tag)
            await eventually(lambda: _done(finance.db, ids, 20), what="20 projected agreements")
            response = await finance.http.get(
                "/v1/projections/agreements", params={"limit": 1000}, headers=finance.as_("062014")
            )
            assert response.status_code == 200
            titles = {row["agreement_id"]: row["title"] for row in response.json()["data"]}
            assert all(titles[i] == f"協約 {int(i[-4:])}" for i in ids)
    finally:
        relay_stop.set()
        await relay_task
    assert await _count(producer, OutboxEvent, OutboxEvent.published_at.is_(None)) == 0
    # Rows are kept after publishing: they are the HTTP feed too.
    assert await _count(producer, OutboxEvent) == 20
    await producer.dispose()


async def _done(db, ids: list[str], expected: int) -> bool:
    return await _projected(db, ids) == expected


async def test_broker_restart_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, new_postgres_database
) -> None:
    producer = await producer_db(new_postgres_database("p"))
    consumer_db_url = new_postgres_database("c")
    with KafkaServer() as kafka:
        relay_stop = asyncio.Event()
        relay = _relay(producer, kafka.bootstrap)
        relay_task = asyncio.create_task(relay.run(relay_stop))
        tag = f"restart-{uuid.uuid4().hex[:8]}"
        async with service_client(
            create_finance,
            FinanceSettings,
            database_url=consumer_db_url,
            background=True,
            transport="kafka",
            kafka_bootstrap=kafka.bootstrap,
            consumer_group=f"g-{tag}",
        ) as finance:
            first = await emit_signed(producer, 30, tag=tag + "-a")
            await eventually(lambda: _done(finance.db, first, 30), what="first 30")

            await asyncio.to_thread(kafka.stop)
            during = await emit_signed(producer, 30, tag=tag + "-b")  # written while the broker is down
            await asyncio.sleep(1.5)
            assert await _count(producer, OutboxEvent, OutboxEvent.published_at.is_(None)) == 30

            await asyncio.to_thread(kafka.start)
            after = await emit_signed(producer, 30, tag=tag + "-c")
            everything = first + during + after
            await eventually(
                lambda: _done(finance.db, everything, 90), timeout=90, what="all 90 after restart"
            )
            assert await _count(finance.db, InboxEvent) == 90
            assert await _count(finance.db, DeadLetter) == 0
        relay_stop.set()
        await relay_task
    assert await _count(producer, OutboxEvent, OutboxEvent.published_at.is_(None)) == 0
    await producer.dispose()


async def test_consumer_killed_mid_batch_redelivers_and_inbox_deduplicates(
    database_url: str, tmp_path: Path, kafka_bootstrap: str, request: pytest.FixtureRequest
) -> None:
    pg = None if database_url.startswith("sqlite") else request.getfixturevalue("new_postgres_database")
    producer = await producer_db(database_url)
    tag = f"kill-{uuid.uuid4().hex[:8]}"
    ids = await emit_signed(producer, 40, tag=tag)
    topic = await _private_topic(kafka_bootstrap, tag)
    relay = _relay(producer, kafka_bootstrap, topic=topic)
    while await relay.publish_once():
        pass
    async with service_client(
        create_finance, FinanceSettings, database_url=second_url(database_url, tmp_path, pg)
    ) as finance:
        applied = 0
        base = HANDLERS[signed("x").type_name()]

        async def dying_handler(envelope, session):
            nonlocal applied
            if envelope.subject.startswith(tag):
                applied += 1
                # Dies on the last event: the partition batches before it committed their effects, but
                # their offsets are only committed after the whole poll, so they will come again.
                if applied == 40:
                    raise asyncio.CancelledError
            await base(envelope, session)

        options = {"bootstrap_servers": kafka_bootstrap}
        group = f"g-{tag}"
        first = EventProcessor(
            db=finance.db, consumer="finance", handlers={**HANDLERS, signed("x").type_name(): dying_handler}
        )
        runner = KafkaConsumerRunner(
            processor=first,
            topics=[topic],
            options=options,
            group_id=group,
            max_records=500,
        )
        with pytest.raises(asyncio.CancelledError):
            await runner.run(asyncio.Event())
        async with finance.db.session() as session:
            committed = set(
                (
                    await session.execute(
                        select(AgreementProjection.agreement_id).where(
                            AgreementProjection.agreement_id.in_(ids)
                        )
                    )
                ).scalars()
            )
        assert 0 < len(committed) < 40, "some partition batches committed before the crash, one did not"

        reapplied: list[str] = []

        async def counting_handler(envelope, session):
            if envelope.subject.startswith(tag):
                reapplied.append(envelope.subject)
            await base(envelope, session)

        second = EventProcessor(
            db=finance.db,
            consumer="finance",
            handlers={**HANDLERS, signed("x").type_name(): counting_handler},
        )
        stop = asyncio.Event()
        runner = KafkaConsumerRunner(processor=second, topics=[topic], options=options, group_id=group)
        task = asyncio.create_task(runner.run(stop))
        await eventually(lambda: _done(finance.db, ids, 40), what="all 40 after restart")
        stop.set()
        await task
        # Offsets are committed per partition batch, so the partition that was mid-batch is delivered
        # again: those effects were already committed, and the inbox turns them into no-ops.
        assert second.counts["duplicate"] >= 1
        assert not committed & set(reapplied), "no committed effect was applied a second time"
        assert sorted(reapplied) == sorted(set(ids) - committed)
    await producer.dispose()


async def test_poison_message_goes_to_dlq_after_bounded_retries(tmp_path: Path, kafka_bootstrap: str) -> None:
    tag = f"poison-{uuid.uuid4().hex[:8]}"
    topic = f"renkei.test-{tag}.events"
    dlq = f"renkei.test-{tag}.dlq"
    url = f"sqlite+aiosqlite:///{tmp_path / 'consumer.db'}"
    async with service_client(create_finance, FinanceSettings, database_url=url) as finance:
        good = signed(f"{tag}-good")
        bad = signed(f"{tag}-bad")
        calls: dict[str, int] = {}

        async def handler(envelope, session):
            calls[envelope.subject] = calls.get(envelope.subject, 0) + 1
            if envelope.subject.endswith("-bad"):
                raise ValueError("this agreement can never be projected")
            await HANDLERS[good.type_name()](envelope, session)

        from renkei_common.events.envelope import EventEnvelope

        producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
        await producer.start()
        for payload in (bad, good):
            envelope = EventEnvelope(
                type=payload.type_name(),
                source="agreements",
                subject=payload.agreement_id,
                data=payload.model_dump(mode="json"),
            )
            await producer.send_and_wait(topic, envelope.to_json_bytes(), key=envelope.subject.encode())
        await producer.send_and_wait(topic, b"{not json", key=b"junk")
        await producer.stop()

        sink = KafkaDeadLetterSink(options={"bootstrap_servers": kafka_bootstrap}, topic=dlq)
        processor = EventProcessor(
            db=finance.db,
            consumer="finance",
            handlers={good.type_name(): handler},
            retry=RetryPolicy(max_attempts=4, backoff_base_s=0.1, backoff_max_s=0.4),
            dead_letter_sink=sink,
        )
        stop = asyncio.Event()
        runner = KafkaConsumerRunner(
            processor=processor,
            topics=[topic],
            options={"bootstrap_servers": kafka_bootstrap},
            group_id=f"g-{tag}",
            dead_letter_sink=sink,
        )
        started = time.monotonic()
        task = asyncio.create_task(runner.run(stop))
        await eventually(lambda: _letters(finance.db, 2), what="two dead letters")
        await eventually(lambda: _done(finance.db, [good.agreement_id], 1), what="good event after poison")
        elapsed = time.monotonic() - started
        stop.set()
        await task

        # Bounded: max_attempts tries, plus one failed batch attempt when it shared a batch with others.
        assert calls[bad.agreement_id] in (4, 5)
        assert elapsed >= 0.05 + 0.1 + 0.2, "backoff between attempts, not a tight loop"
        async with finance.db.session() as session:
            letters = {
                d.origin.split("@")[0] + d.type: d
                for d in (await session.execute(select(DeadLetter))).scalars()
            }
        by_kind = sorted((d.attempts, d.type) for d in letters.values())
        assert by_kind == [(1, ""), (4, good.type_name())]

        consumer = AIOKafkaConsumer(
            dlq, bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest", group_id=f"dlq-{tag}"
        )
        await consumer.start()
        records = await consumer.getmany(timeout_ms=10000)
        await consumer.stop()
        dead = [r for batch in records.values() for r in batch]
        assert len(dead) == 2
        assert all(dict(r.headers).get("renkei-error") for r in dead)

        # An operator fixes the cause and replays the letter through the admin API.
        processor.handlers[good.type_name()] = HANDLERS[good.type_name()]
        finance.runtime.processor = processor
        operator = finance.as_("000000", "operator")
        listed = await finance.http.get("/v1/admin/dead-letters", headers=operator)
        assert listed.status_code == 200 and len(listed.json()["data"]) == 2
        letter_id = next(d["id"] for d in listed.json()["data"] if d["type"])
        replayed = await finance.http.post(f"/v1/admin/dead-letters/{letter_id}/replay", headers=operator)
        assert replayed.status_code == 200 and replayed.json()["outcome"] == "applied"
        assert await _projected(finance.db, [bad.agreement_id]) == 1
        forbidden = await finance.http.post(
            f"/v1/admin/dead-letters/{letter_id}/replay", headers=finance.as_("062014", "municipality")
        )
        assert forbidden.status_code == 403


async def _letters(db, n: int) -> bool:
    return await _count(db, DeadLetter) == n


async def test_rebalance_when_a_second_member_joins_keeps_every_effect_once(
    tmp_path: Path, kafka_bootstrap: str, new_postgres_database
) -> None:
    producer = await producer_db(new_postgres_database("p"))
    tag = f"rebalance-{uuid.uuid4().hex[:8]}"
    relay = _relay(producer, kafka_bootstrap)
    async with service_client(
        create_finance, FinanceSettings, database_url=new_postgres_database("c")
    ) as finance:
        options = {"bootstrap_servers": kafka_bootstrap}
        seen: list[str] = []

        async def slow_handler(envelope, session):
            if envelope.subject.startswith(tag):
                seen.append(envelope.subject)
                await asyncio.sleep(0.01)  # keep the first member busy while the second joins
            await HANDLERS[signed("x").type_name()](envelope, session)

        handlers = {**HANDLERS, signed("x").type_name(): slow_handler}
        stop = asyncio.Event()
        members = [
            KafkaConsumerRunner(
                processor=EventProcessor(db=finance.db, consumer="finance", handlers=handlers),
                topics=[events_topic("agreements")],
                options=options,
                group_id=f"g-{tag}",
                max_records=20,
            )
            for _ in range(2)
        ]
        first = asyncio.create_task(members[0].run(stop))
        ids = await emit_signed(producer, 200, tag=tag)
        while await relay.publish_once():
            pass
        await eventually(lambda: _some(seen, 20), what="first member under way")
        second = asyncio.create_task(members[1].run(stop))  # triggers a rebalance mid-stream
        await eventually(lambda: _done(finance.db, ids, 200), timeout=90, what="all 200 after the rebalance")
        stop.set()
        await asyncio.gather(first, second)
        assert await _count(finance.db, DeadLetter) == 0
        # Redeliveries after the rebalance may call the handler again only where the inbox let it through,
        # i.e. never twice for one event with a committed effect.
        assert len(set(seen)) == 200
        assert sum(m.processor.counts["applied"] for m in members) >= 200
    await relay.publisher.stop()
    await producer.dispose()


async def _some(seen: list[str], n: int) -> bool:
    return len(seen) >= n
