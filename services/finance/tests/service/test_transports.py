"""End to end on both transports: an agreement concluded through agreements changes finance's lines."""

from __future__ import annotations

import asyncio
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from renkei_agreements.config import Settings as AgreementsSettings
from renkei_agreements.main import create_app as create_agreements
from renkei_common.events.consumer import EventProcessor, Outcome
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.events.kafka_consumer import KafkaConsumerRunner
from renkei_common.models import OutboxEvent
from renkei_common.testing.client import ServiceClient, service_client
from renkei_finance.adapters.orm import AgreementProjection
from renkei_finance.config import Settings as FinanceSettings
from renkei_finance.consumers import REGISTRY
from renkei_finance.main import create_app as create_finance
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parents[3] / "agreements" / "tests"))
from agreements_testkit import TENDO, YAMAGATA, Driver

NATIONAL = ("000000", "national")


async def _conclude(agreements: ServiceClient) -> str:
    driver = Driver(agreements)
    await driver.declare(YAMAGATA, (TENDO,))
    concluded = await driver.in_force(YAMAGATA, TENDO)
    return str(concluded["id"])


async def _eventually_projected(finance: ServiceClient, agreement_id: str) -> None:
    for _ in range(300):
        async with finance.db.session() as session:
            row = await session.get(AgreementProjection, agreement_id)
        if row is not None and row.status == "in_force":
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"agreement {agreement_id} never reached finance")


async def _partner_lines(finance: ServiceClient) -> dict[int, int]:
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    assert await worker.run_once()
    response = await finance.http.get(
        "/v1/allocations",
        params={"recipient": TENDO, "measure": "metropolitan_partner_special"},
        headers=finance.as_(*NATIONAL),
    )
    return {line["fiscal_year"]: line["amount_yen"] for line in response.json()["data"]}


async def test_over_the_feed(tmp_path: Path) -> None:
    async with (
        service_client(
            create_agreements, AgreementsSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"
        ) as agreements,
        service_client(
            create_finance, FinanceSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
        ) as finance,
    ):
        agreement_id = await _conclude(agreements)
        stop = asyncio.Event()
        runner = FeedConsumerRunner(
            processor=EventProcessor(db=finance.db, consumer="finance", handlers=REGISTRY.handlers),
            source="agreements",
            base_url="http://agreements",
            token=lambda: finance.token("finance", "service"),
            wait_s=0.2,
            client=httpx.AsyncClient(transport=httpx.ASGITransport(app=agreements.app)),
        )
        task = asyncio.create_task(runner.run(stop))
        try:
            await _eventually_projected(finance, agreement_id)
        finally:
            stop.set()
            await task
        # In force from 2024-06-01: FY2024 onwards, and no vision yet, so no eligible spending.
        assert await _partner_lines(finance) == {2024: 0, 2025: 0, 2026: 0, 2027: 0}


@pytest.mark.kafka
async def test_over_kafka(tmp_path: Path, kafka_bootstrap: str) -> None:
    # The agreements outbox goes to a topic of this test's own, so that the consumer reads only these events.
    topic = f"renkei.test-finance-{uuid.uuid4().hex[:8]}.events"
    async with (
        service_client(
            create_agreements, AgreementsSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"
        ) as agreements,
        service_client(
            create_finance, FinanceSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
        ) as finance,
    ):
        agreement_id = await _conclude(agreements)
        async with agreements.db.session() as session:
            rows = (await session.scalars(select(OutboxEvent).order_by(OutboxEvent.sequence))).all()
        producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
        await producer.start()
        try:
            for row in rows:
                envelope = EventEnvelope(
                    id=row.event_id,
                    type=row.type,
                    source=row.source,
                    subject=row.subject,
                    data=row.data,
                    sequence=row.sequence,
                    aggregate_version=row.aggregate_version,
                )
                await producer.send_and_wait(topic, envelope.to_json_bytes(), key=row.subject.encode())
        finally:
            await producer.stop()
        stop = asyncio.Event()
        runner = KafkaConsumerRunner(
            processor=EventProcessor(db=finance.db, consumer="finance", handlers=REGISTRY.handlers),
            topics=[topic],
            options={"bootstrap_servers": kafka_bootstrap},
            group_id=f"g-{topic}",
        )
        task = asyncio.create_task(runner.run(stop))
        try:
            await _eventually_projected(finance, agreement_id)
        finally:
            stop.set()
            await task
        assert await _partner_lines(finance) == {2024: 0, 2025: 0, 2026: 0, 2027: 0}
        # The centre's ordinary-tax estimate counts the partner's census population.
        lines = (
            await finance.http.get(
                "/v1/allocations",
                params={"recipient": YAMAGATA, "measure": "metropolitan_core_ordinary", "fiscal_year": 2024},
                headers=finance.as_(*NATIONAL),
            )
        ).json()["data"]
        assert set(lines[0]["inputs"]["populations"]) == {YAMAGATA, TENDO}


@pytest.mark.kafka
async def test_a_termination_published_before_its_signing_stays_terminated_over_kafka(
    tmp_path: Path, kafka_bootstrap: str
) -> None:
    from datetime import date

    from finance_testkit import area_declared, signed, terminated

    topic = f"renkei.test-finance-order-{uuid.uuid4().hex[:8]}.events"
    async with service_client(
        create_finance, FinanceSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
    ) as finance:
        producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
        await producer.start()
        try:
            # A dead-letter replay or a second producer's retry: version 3 (termination) before version 1.
            sequence = (
                (area_declared(), 1, "area-1"),
                (terminated(on=date(2026, 3, 31)), 3, "ag-1"),
                (signed(), 1, "ag-1"),
            )
            for payload, version, subject in sequence:
                envelope = EventEnvelope(
                    type=payload.type_name(),
                    source="agreements",
                    subject=subject,
                    data=payload.model_dump(mode="json"),
                    aggregate_version=version,
                )
                await producer.send_and_wait(topic, envelope.to_json_bytes(), key=subject.encode())
        finally:
            await producer.stop()
        processor = EventProcessor(db=finance.db, consumer="finance", handlers=REGISTRY.handlers)
        stop = asyncio.Event()
        runner = KafkaConsumerRunner(
            processor=processor,
            topics=[topic],
            options={"bootstrap_servers": kafka_bootstrap},
            group_id=f"g-{topic}",
        )
        task = asyncio.create_task(runner.run(stop))
        try:
            for _ in range(300):
                if processor.counts[Outcome.APPLIED] == 3:
                    break
                await asyncio.sleep(0.1)
        finally:
            stop.set()
            await task
        async with finance.db.session() as session:
            row = await session.get(AgreementProjection, "ag-1")
        assert row is not None
        assert (row.status, row.terminated_on, row.in_force_on) == (
            "terminated",
            date(2026, 3, 31),
            date(2024, 6, 1),
        )
        # In force from FY2024 (the stale signing's date) to the end of FY2025, and not after.
        assert await _partner_lines(finance) == {2024: 0, 2025: 0}
