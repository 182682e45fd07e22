"""The per-event path claims an event with one statement: applied once, however often it is delivered."""

from __future__ import annotations

import asyncio
from typing import Any

from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor, Outcome
from renkei_common.events.contracts import MunicipalityUpdated
from renkei_common.events.envelope import EventEnvelope
from renkei_common.models import InboxEvent
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession

POPULATION = MunicipalityUpdated(
    code="062014", name="山形市", kind="city", prefecture_code="06", population=1, population_year=2020
)


def _envelope(n: int, type_: str | None = None) -> EventEnvelope:
    return EventEnvelope(
        id=f"00000000-0000-0000-0000-{n:012d}",
        type=type_ or POPULATION.type_name(),
        source=POPULATION.service,
        subject="062014",
        data=POPULATION.model_dump(mode="json"),
        aggregate_version=n,
    )


async def test_a_redelivered_event_is_a_duplicate_and_its_handler_runs_once(common_db: Database) -> None:
    calls: list[str] = []

    async def handler(envelope: EventEnvelope, session: AsyncSession) -> None:
        calls.append(envelope.id)

    processor = EventProcessor(db=common_db, consumer="c", handlers={POPULATION.type_name(): handler})
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(common_db.engine.sync_engine, "before_cursor_execute", count)
    try:
        assert await processor.process(_envelope(1), origin="test") == Outcome.APPLIED
        applied = list(statements)
        statements.clear()
        assert await processor.process(_envelope(1), origin="test") == Outcome.DUPLICATE
    finally:
        event.remove(common_db.engine.sync_engine, "before_cursor_execute", count)
    assert calls == [_envelope(1).id]
    # Claimed by one INSERT … ON CONFLICT DO NOTHING, with no read before it.
    assert [s.split()[0] for s in applied if "inbox_event" in s] == ["INSERT"]
    assert "ON CONFLICT" in next(s for s in applied if "inbox_event" in s)
    assert [s.split()[0] for s in statements if "inbox_event" in s] == ["INSERT"]
    # A type no handler takes is ignored, and leaves no inbox row.
    assert await processor.process(_envelope(2, "Unknown"), origin="test") == Outcome.IGNORED
    async with common_db.session() as session:
        assert await session.scalar(select(func.count()).select_from(InboxEvent)) == 1


async def test_two_concurrent_deliveries_apply_the_event_once(common_db: Database) -> None:
    started, release = asyncio.Event(), asyncio.Event()
    calls: list[str] = []

    async def slow(envelope: EventEnvelope, session: AsyncSession) -> None:
        calls.append(envelope.id)
        started.set()
        await release.wait()  # the first delivery holds its claim, uncommitted

    first = EventProcessor(db=common_db, consumer="c", handlers={POPULATION.type_name(): slow})
    second = EventProcessor(db=common_db, consumer="c", handlers={POPULATION.type_name(): slow})
    one = asyncio.create_task(first.process(_envelope(7), origin="a"))
    await asyncio.wait_for(started.wait(), 10)
    other = asyncio.create_task(second.process(_envelope(7), origin="b"))
    await asyncio.sleep(0.3)
    assert not other.done()  # it waits for the first delivery's transaction to end
    release.set()
    outcomes = await asyncio.wait_for(asyncio.gather(one, other), 40)
    assert sorted(outcomes) == sorted([Outcome.APPLIED, Outcome.DUPLICATE])
    assert calls == [_envelope(7).id]
