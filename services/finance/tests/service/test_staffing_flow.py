"""End to end on both transports: a dispatch's costs recorded in staffing change the prefecture's line."""

from __future__ import annotations

import asyncio
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.events.kafka_consumer import KafkaConsumerRunner
from renkei_common.models import OutboxEvent
from renkei_common.testing.client import ServiceClient, service_client
from renkei_finance.adapters.orm import StaffingCostProjection
from renkei_finance.config import Settings as FinanceSettings
from renkei_finance.consumers import REGISTRY
from renkei_finance.main import create_app as create_finance
from renkei_staffing.config import Settings as StaffingSettings
from renkei_staffing.main import create_app as create_staffing
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parents[3] / "staffing" / "tests"))
from staffing_testkit import NARA_PREF, Driver, agreement_event, signed

NATIONAL = ("000000", "national")


async def _until_projected(finance: ServiceClient, expected_costs: int) -> None:
    for _ in range(300):
        async with finance.db.session() as session:
            count = await session.scalar(select(func.count()).select_from(StaffingCostProjection))
        if count == expected_costs:
            return
        await asyncio.sleep(0.1)
    raise AssertionError("the staffing costs never reached finance")


async def _pull(finance: ServiceClient, staffing: ServiceClient, expected_costs: int) -> None:
    stop = asyncio.Event()
    runner = FeedConsumerRunner(
        processor=EventProcessor(db=finance.db, consumer="finance", handlers=REGISTRY.handlers),
        source="staffing",
        base_url="http://staffing",
        token=lambda: finance.token("finance", "service"),
        wait_s=0.2,
        client=httpx.AsyncClient(transport=httpx.ASGITransport(app=staffing.app)),
    )
    task = asyncio.create_task(runner.run(stop))
    try:
        await _until_projected(finance, expected_costs)
    finally:
        stop.set()
        await task


class _OverKafka:
    """Publishes staffing's outbox rows to a topic of the test's own; finance consumes it as deployed."""

    def __init__(self, bootstrap: str) -> None:
        self.bootstrap = bootstrap
        self.topic = f"renkei.test-finance-staffing-{uuid.uuid4().hex[:8]}.events"
        self.published = 0  # outbox sequence published so far

    async def pull(self, finance: ServiceClient, staffing: ServiceClient, expected_costs: int) -> None:
        async with staffing.db.session() as session:
            query = select(OutboxEvent).where(OutboxEvent.sequence > self.published)
            rows = (await session.scalars(query.order_by(OutboxEvent.sequence))).all()
        producer = AIOKafkaProducer(bootstrap_servers=self.bootstrap)
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
                await producer.send_and_wait(self.topic, envelope.to_json_bytes(), key=row.subject.encode())
                self.published = row.sequence
        finally:
            await producer.stop()
        stop = asyncio.Event()
        runner = KafkaConsumerRunner(
            processor=EventProcessor(db=finance.db, consumer="finance", handlers=REGISTRY.handlers),
            topics=[self.topic],
            options={"bootstrap_servers": self.bootstrap},
            group_id=f"g-{self.topic}",
        )
        task = asyncio.create_task(runner.run(stop))
        try:
            await _until_projected(finance, expected_costs)
        finally:
            stop.set()
            await task


async def _specialist_line(finance: ServiceClient) -> int | None:
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    await worker.run_once()
    response = await finance.http.get(
        "/v1/allocations",
        params={"recipient": NARA_PREF, "measure": "specialists", "fiscal_year": 2025},
        headers=finance.as_(*NATIONAL),
    )
    lines = response.json()["data"]
    return lines[0]["amount_yen"] if lines else None


Pull = Callable[[ServiceClient, ServiceClient, int], Awaitable[None]]


async def _costs_change_the_line(tmp_path: Path, pull: Pull) -> None:
    async with (
        service_client(
            create_staffing, StaffingSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 's.db'}"
        ) as staffing,
        service_client(
            create_finance, FinanceSettings, database_url=f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
        ) as finance,
    ):
        api = Driver(staffing)
        await agreement_event(staffing, signed())
        dispatch = (await api.dispatch((await api.specialist())["id"])).json()
        url = f"/v1/dispatches/{dispatch['id']}/costs"
        month = {
            "fiscal_year": 2025,
            "month": 4,
            "salary_yen": 300_000,
            "allowances_yen": 50_000,
            "social_insurance_yen": 45_001,
        }
        await api.call("POST", url, NARA_PREF, json=month, expect=201)
        await pull(finance, staffing, 1)
        # floor(395,001 × 0.5) = 197,500 (the unconfirmed placeholder rate; the half yen is dropped).
        assert await _specialist_line(finance) == 197_500

        await api.call("POST", url, NARA_PREF, json={**month, "month": 5}, expect=201)
        await pull(finance, staffing, 2)
        assert await _specialist_line(finance) == 395_001
        # The dispatch itself is projected too, and readable by the employer prefecture.
        response = await finance.http.get(
            "/v1/projections/dispatches",
            params={"employer": NARA_PREF},
            headers=finance.as_(NARA_PREF, "prefecture"),
        )
        assert [d["dispatch_id"] for d in response.json()["data"]] == [dispatch["id"]]


async def test_dispatch_costs_change_the_prefectures_line(tmp_path: Path) -> None:
    await _costs_change_the_line(tmp_path, _pull)


@pytest.mark.kafka
async def test_dispatch_costs_change_the_prefectures_line_over_kafka(
    tmp_path: Path, kafka_bootstrap: str
) -> None:
    await _costs_change_the_line(tmp_path, _OverKafka(kafka_bootstrap).pull)
