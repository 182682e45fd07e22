"""The HTTP feed transport yields the same projection as Kafka for the same events."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import pytest
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.contracts import AgreementTerminated
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.events.kafka_consumer import KafkaConsumerRunner
from renkei_common.events.outbox import add_event
from renkei_common.events.relay import KafkaPublisher, OutboxRelay
from renkei_common.testing.client import service_client
from renkei_common.testing.kafka_offsets import start_group_at_end
from renkei_common.topology import events_topic
from renkei_finance.adapters.orm import AgreementProjection
from renkei_finance.config import Settings as FinanceSettings
from renkei_finance.consumers import HANDLERS
from renkei_finance.main import create_app as create_finance
from renkei_groups.config import Settings as GroupsSettings
from renkei_groups.main import create_app as create_groups
from sqlalchemy import select

from tests.backbone import PARTIES, emit_signed, eventually, producer_db, signed


async def _rows(db, tag: str) -> list[tuple]:
    async with db.session() as session:
        rows = (
            await session.execute(
                select(AgreementProjection)
                .where(AgreementProjection.agreement_id.like(f"{tag}%"))
                .order_by(AgreementProjection.agreement_id)
            )
        ).scalars()
        return [
            (r.agreement_id, r.version, r.title, r.status, r.terminated_on, r.last_event_id) for r in rows
        ]


@pytest.mark.kafka
async def test_feed_and_kafka_build_the_same_projection(tmp_path: Path, kafka_bootstrap: str) -> None:
    tag = f"parity-{uuid.uuid4().hex[:8]}"
    # Before publishing: the group then reads only this test's events, not every earlier test's.
    await start_group_at_end(kafka_bootstrap, f"g-{tag}", [events_topic("agreements")])
    producer = await producer_db(f"sqlite+aiosqlite:///{tmp_path / 'agreements.db'}")
    ids = await emit_signed(producer, 15, tag=tag)
    async with producer.transaction() as session:  # a later version and a termination, to exercise order
        await add_event(session, signed(ids[0], "改定", version=2), subject=ids[0], aggregate_version=2)
        await add_event(
            session,
            AgreementTerminated(
                agreement_id=ids[1], agreement_version=1, parties=PARTIES, terminated_on="2025-03-31"
            ),
            subject=ids[1],
            aggregate_version=2,
        )
    relay = OutboxRelay(db=producer, publisher=KafkaPublisher({"bootstrap_servers": kafka_bootstrap}))
    while await relay.publish_once():
        pass
    await relay.publisher.stop()

    # The producer's feed is served by a real service app reading the same outbox table.
    async with (
        service_client(
            create_groups, GroupsSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'agreements.db'}"
        ) as feed_app,
        service_client(
            create_finance, FinanceSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'by-kafka.db'}"
        ) as by_kafka,
        service_client(
            create_finance, FinanceSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'by-feed.db'}"
        ) as by_feed,
    ):
        stop = asyncio.Event()
        kafka_runner = KafkaConsumerRunner(
            processor=EventProcessor(db=by_kafka.db, consumer="finance", handlers=HANDLERS),
            topics=[events_topic("agreements")],
            options={"bootstrap_servers": kafka_bootstrap},
            group_id=f"g-{tag}",
        )
        feed_runner = FeedConsumerRunner(
            processor=EventProcessor(db=by_feed.db, consumer="finance", handlers=HANDLERS),
            source="agreements",
            base_url="http://feed",
            token=lambda: by_feed.token("finance", "service"),
            wait_s=0.5,
            limit=7,
            client=httpx.AsyncClient(transport=httpx.ASGITransport(app=feed_app.app)),
        )
        tasks = [asyncio.create_task(kafka_runner.run(stop)), asyncio.create_task(feed_runner.run(stop))]

        async def both_done() -> bool:
            return (
                len(await _rows(by_kafka.db, tag)) == 15
                and len(await _rows(by_feed.db, tag)) == 15
                and (await _rows(by_kafka.db, tag))[1][3]
                == "terminated"
                == (await _rows(by_feed.db, tag))[1][3]
            )

        await eventually(both_done, what="both projections complete")
        stop.set()
        await asyncio.gather(*tasks)
        assert await _rows(by_kafka.db, tag) == await _rows(by_feed.db, tag)
        assert (await _rows(by_feed.db, tag))[0][1:3] == (2, "改定")
        assert await feed_runner.checkpoint() == 17  # the checkpoint moved with each event


async def test_feed_requires_a_token_and_long_polls(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"
    async with service_client(create_groups, GroupsSettings, database_url=url) as app:
        assert (await app.http.get("/v1/events")).status_code == 401
        headers = app.as_("finance", "service")
        empty = await app.http.get("/v1/events", params={"after": 0, "wait": 0}, headers=headers)
        assert empty.json() == {"events": [], "next_after": 0}

        async def write_later() -> None:
            await asyncio.sleep(0.3)
            await emit_signed(app.db, 1, tag="late")

        writer = asyncio.create_task(write_later())
        loop = asyncio.get_running_loop()
        started = loop.time()
        page = await app.http.get("/v1/events", params={"after": 0, "wait": 10}, headers=headers)
        await writer
        assert page.status_code == 200 and len(page.json()["events"]) == 1
        assert 0.25 <= loop.time() - started < 5, "woken by the commit, not by the 10 s timeout"
        assert page.json()["next_after"] == page.json()["events"][0]["sequence"]
        bad = await app.http.get("/v1/events", params={"limit": 0}, headers=headers)
        assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
