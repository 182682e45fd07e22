"""On PostgreSQL a run's statements keep one generic plan, for the run's transaction only (ADR 0015)."""

from __future__ import annotations

from collections.abc import Callable

from renkei_common.db import Database
from renkei_finance.service_layer.recompute import _lock
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
