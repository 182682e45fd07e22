"""Outbox rows are kept (they are the feed) and pruned only by the explicit retention."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from renkei_common.db import CommonBase, Database
from renkei_common.events.contracts import KpiReported
from renkei_common.events.outbox import add_event
from renkei_common.models import OutboxEvent
from renkei_common.runtime import prune_outbox
from sqlalchemy import func, select, update


async def _db(tmp_path: Path) -> Database:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'o.db'}")
    async with db.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
    return db


def _kpi(n: int) -> KpiReported:
    return KpiReported(vision_id="v", kpi_id=f"k{n}", name="n", unit="u", fiscal_year=2024, actual=float(n))


async def test_prune_keeps_recent_rows_and_unpublished_rows_on_kafka(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    for n in range(4):
        async with db.transaction() as session:
            await add_event(session, _kpi(n), subject=f"s{n}")
    old = datetime.now(UTC) - timedelta(days=100)
    async with db.transaction() as session:
        # rows 1 and 2 are old; row 1 was published, row 2 never was
        await session.execute(
            update(OutboxEvent).where(OutboxEvent.sequence.in_([1, 2])).values(occurred_at=old)
        )
        await session.execute(update(OutboxEvent).where(OutboxEvent.sequence == 1).values(published_at=old))

    assert await prune_outbox(db, retention_days=90, require_published=True) == 1
    async with db.session() as session:
        left = list(
            (await session.execute(select(OutboxEvent.sequence).order_by(OutboxEvent.sequence))).scalars()
        )
    assert left == [2, 3, 4], "an unpublished row is never pruned on the Kafka transport"

    assert await prune_outbox(db, retention_days=90, require_published=False) == 1
    async with db.session() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == 2
    await db.dispose()


async def test_outbox_row_carries_the_cloudevent_attributes(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    async with db.transaction() as session:
        envelope = await add_event(
            session,
            _kpi(7),
            subject="vision-1",
            aggregate_version=3,
            traceparent="00-" + "a" * 32 + "-" + "b" * 16 + "-01",
        )
    async with db.session() as session:
        row = (await session.execute(select(OutboxEvent))).scalar_one()
    assert row.event_id == envelope.id and row.type == "jp.renkei.agreements.KpiReported.v1"
    assert row.topic == "renkei.agreements.events" and row.subject == "vision-1"
    assert row.aggregate_version == 3 and row.traceparent.startswith("00-aaaa")
    assert row.published_at is None and row.data["actual"] == 7.0
    await db.dispose()


async def test_a_rolled_back_transaction_leaves_no_event(tmp_path: Path) -> None:
    db = await _db(tmp_path)
    try:
        async with db.transaction() as session:
            await add_event(session, _kpi(1), subject="s")
            raise RuntimeError("the use case failed after staging its event")
    except RuntimeError:
        pass
    async with db.session() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxEvent)) == 0
    await db.dispose()
