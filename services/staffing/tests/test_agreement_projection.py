"""The projection of agreement events, built from the real event flow on both transports.

Outbox → relay → Kafka, and the HTTP feed: both end up identical, deduplicated, and flag dispatches."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from pathlib import Path

import httpx
import pytest
from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor, Outcome
from renkei_common.events.contracts import EventPayload, MunicipalityUpdated
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.events.kafka_consumer import KafkaConsumerRunner
from renkei_common.events.outbox import add_event
from renkei_common.events.relay import KafkaPublisher, OutboxRelay
from renkei_common.testing.client import ServiceClient, service_client
from renkei_common.topology import events_topic, subscriptions
from renkei_staffing.adapters.orm import AgreementProjection, Government
from renkei_staffing.config import Settings
from renkei_staffing.consumers import REGISTRY
from renkei_staffing.main import create_app
from sqlalchemy import select
from staffing_testkit import NARA_PREF, TOTSUKAWA, Driver, emitted, signed, terminated

NOSEGAWA = "294471"  # 野迫川村


async def _emit(db: Database, payload: EventPayload, subject: str, version: int) -> None:
    async with db.transaction() as session:
        await add_event(session, payload, subject=subject, aggregate_version=version)


async def _projection(client: ServiceClient, tag: str) -> list[tuple[object, ...]]:
    async with client.db.session() as session:
        rows = await session.scalars(
            select(AgreementProjection)
            .where(AgreementProjection.agreement_id.like(f"{tag}%"))
            .order_by(AgreementProjection.agreement_id)
        )
        return [
            (
                r.agreement_id,
                r.version,
                r.kind,
                sorted(r.party_codes),
                r.in_force_on,
                r.terminated_on,
                r.tombstone,
            )
            for r in rows
        ]


async def _population(client: ServiceClient) -> int | None:
    async with client.db.session() as session:
        row = await session.get(Government, NOSEGAWA)
        return row.population if row else None


async def _eventually(check, what: str, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if await check():
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_staffing_subscribes_to_the_agreements_service() -> None:
    assert REGISTRY.subscriptions == ("agreements",)
    assert subscriptions()["staffing"] == ("agreements",)
    assert {t.rsplit(".", 2)[-2] for t in REGISTRY.event_types} == {
        "AgreementSigned",
        "AgreementAmended",
        "AgreementTerminated",
        "MunicipalityUpdated",
    }


@pytest.mark.kafka
async def test_both_transports_build_the_same_deduplicated_projection(
    tmp_path: Path, kafka_bootstrap: str
) -> None:
    tag = f"stf-{uuid.uuid4().hex[:8]}"
    agreement, other = f"{tag}-a", f"{tag}-b"
    url = lambda name: f"sqlite+aiosqlite:///{tmp_path / name}"  # noqa: E731
    async with (
        service_client(create_app, Settings, database_url=url("producer.db")) as producer,
        service_client(create_app, Settings, database_url=url("by-kafka.db")) as by_kafka,
        service_client(create_app, Settings, database_url=url("by-feed.db")) as by_feed,
    ):
        # The producer's outbox holds agreement events exactly as the agreements service writes them.
        await _emit(producer.db, signed(agreement), agreement, 1)
        await _emit(producer.db, signed(other, in_force_on=date(2025, 1, 1)), other, 1)
        await _emit(producer.db, signed(other, in_force_on=date(2025, 7, 1), version=2), other, 2)  # amended
        population = MunicipalityUpdated(
            code=NOSEGAWA,
            name="野迫川村",
            kind="village",
            prefecture_code="29",
            population=300,
            population_year=2025,
            flags=[],
        )
        await _emit(producer.db, population, NOSEGAWA, 7)
        relay = OutboxRelay(db=producer.db, publisher=KafkaPublisher({"bootstrap_servers": kafka_bootstrap}))
        while await relay.publish_once():
            pass

        stop = asyncio.Event()
        kafka_processor = EventProcessor(db=by_kafka.db, consumer="staffing", handlers=REGISTRY.handlers)
        kafka_runner = KafkaConsumerRunner(
            processor=kafka_processor,
            topics=[events_topic(p) for p in REGISTRY.subscriptions],
            options={"bootstrap_servers": kafka_bootstrap},
            group_id=f"g-{tag}",
        )
        feed_runner = FeedConsumerRunner(
            processor=EventProcessor(db=by_feed.db, consumer="staffing", handlers=REGISTRY.handlers),
            source="agreements",
            base_url="http://feed",
            token=lambda: by_feed.token("staffing", "service"),
            wait_s=0.5,
            limit=3,
            client=httpx.AsyncClient(transport=httpx.ASGITransport(app=producer.app)),
        )
        tasks = [asyncio.create_task(kafka_runner.run(stop)), asyncio.create_task(feed_runner.run(stop))]

        async def signed_everywhere() -> bool:
            return [len(await _projection(c, tag)) for c in (by_kafka, by_feed)] == [2, 2] and [
                await _population(c) for c in (by_kafka, by_feed)
            ] == [300, 300]

        await _eventually(signed_everywhere, "both projections of the signings")
        first = await _projection(by_kafka, tag)
        assert first == await _projection(by_feed, tag)
        assert first[1][1:3] == (2, "renkei_kyoyaku") and first[1][4] == date(
            2025, 1, 1
        )  # the first in-force day

        # Each consumer dispatches a forester under the agreement; then the termination arrives.
        for client in (by_kafka, by_feed):
            api = Driver(client)
            forester = await api.specialist()
            await api.dispatch(forester["id"], agreement_id=agreement, period=("2025-04-01", "2027-03-31"))
        await _emit(producer.db, terminated(agreement, on=date(2026, 4, 1)), agreement, 2)
        while await relay.publish_once():
            pass

        async def flagged_everywhere() -> bool:
            return [len(await emitted(c, "DispatchFlagged")) for c in (by_kafka, by_feed)] == [1, 1]

        await _eventually(flagged_everywhere, "the termination flags the dispatch on both")
        stop.set()
        await asyncio.gather(*tasks)
        await relay.publisher.stop()
        assert await _projection(by_kafka, tag) == await _projection(by_feed, tag)
        assert (await _projection(by_feed, tag))[0][5:] == (date(2026, 4, 1), True)

        # A second consumer group re-reads the topic into the same database: the inbox deduplicates it.
        before = await _projection(by_kafka, tag)
        replay_processor = EventProcessor(db=by_kafka.db, consumer="staffing", handlers=REGISTRY.handlers)
        replay = KafkaConsumerRunner(
            processor=replay_processor,
            topics=[events_topic("agreements")],
            options={"bootstrap_servers": kafka_bootstrap},
            group_id=f"replay-{tag}",
        )
        stop = asyncio.Event()
        task = asyncio.create_task(replay.run(stop))
        await _eventually(
            lambda: _true(replay_processor.counts[Outcome.DUPLICATE] >= 5), "the replay of our five events"
        )
        stop.set()
        await task
        assert await _projection(by_kafka, tag) == before
        assert len(await emitted(by_kafka, "DispatchFlagged")) == 1
        flagged = await Driver(by_kafka).call("GET", "/v1/dispatches?flagged=true", NARA_PREF)
        assert [d["receiving_code"] for d in flagged.json()["data"]] == [TOTSUKAWA]


async def _true(value: bool) -> bool:
    return value
