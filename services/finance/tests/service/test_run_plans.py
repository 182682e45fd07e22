"""On PostgreSQL a run's statements keep one generic plan, for the run's transaction only (ADR 0015), and
its lock is its own: a write that publishes an event does not wait for a run."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from renkei_common.db import CommonBase, Database
from renkei_common.events.contracts import KpiReported
from renkei_common.events.outbox import add_event
from renkei_finance.service_layer.recompute import _lock
from renkei_finance.service_layer.snapshot import padded
from sqlalchemy import text


async def test_a_run_plans_generically_in_its_transaction_and_nowhere_else(
    new_postgres_database: Callable[[str], str],
) -> None:
    db = Database(new_postgres_database("plans"), pool_size=1)
    try:
        async with db.transaction() as session:
            conn = await session.connection()
            await _lock(conn)
            assert await conn.scalar(text("SHOW plan_cache_mode")) == "force_generic_plan"
            # The run's advisory lock is held by the same statement.
            held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
            assert await conn.scalar(text(held)) == 1
        async with db.engine.connect() as conn:  # the same pooled connection, after the commit
            assert await conn.scalar(text("SHOW plan_cache_mode")) == "auto"
    finally:
        await db.dispose()


async def test_a_write_with_an_event_does_not_wait_for_a_run_and_runs_wait_for_each_other(
    new_postgres_database: Callable[[str], str],
) -> None:
    db = Database(new_postgres_database("locks"))
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(CommonBase.metadata.create_all)
        async with db.transaction() as running:
            await _lock(await running.connection())  # a run holds its lock until it commits

            async def publish() -> None:
                async with db.transaction() as session:
                    kpi = KpiReported(
                        vision_id="v", kpi_id="k", name="n", unit="u", fiscal_year=2024, actual=1.0
                    )
                    await add_event(session, kpi, subject="v")

            await asyncio.wait_for(publish(), 5)  # the outbox's lock is another one

            async def second_run() -> None:
                async with db.transaction() as session:
                    await _lock(await session.connection())

            waiting = asyncio.create_task(second_run())
            await asyncio.sleep(0.3)
            assert not waiting.done()  # one run at a time
        await asyncio.wait_for(waiting, 5)  # the first one committed
    finally:
        await db.dispose()


def test_lists_are_padded_to_a_power_of_two_with_their_last_value() -> None:
    assert padded([]) == []
    assert padded(["a"]) == ["a"]
    assert padded(["a", "b"]) == ["a", "b"]
    assert padded(["a", "b", "c"]) == ["a", "b", "c", "c"]
    assert padded(list("abcd")) == list("abcd")
    assert padded(list("abcde")) == [*"abcde", "e", "e", "e"]
    assert len(padded(list(range(33)))) == 64
