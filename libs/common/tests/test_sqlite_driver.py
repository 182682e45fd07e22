"""SQLite's one-trip adapter: each statement is one call in aiosqlite's thread, with the same results."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from renkei_common.db import Database
from renkei_common.sqlite_driver import OneTripConnection
from sqlalchemy import exc as sa_exc
from sqlalchemy import text


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'trips.db'}")
    async with database.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)"))
    yield database
    await database.dispose()


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Calls that went to aiosqlite's thread, by what they ran."""
    counted: Counter[str] = Counter()
    original = aiosqlite.Connection._execute

    async def counting(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        counted[getattr(fn, "__name__", "?")] += 1
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counting)
    yield counted


async def test_results_rowcounts_and_ids_are_those_of_sqlite(db: Database) -> None:
    async with db.engine.begin() as conn:
        inserted = await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
        assert inserted.lastrowid == 1
        many = await conn.execute(text("INSERT INTO t (name) VALUES (:name)"), [{"name": "b"}, {"name": "c"}])
        assert many.rowcount == 2
        updated = await conn.execute(text("UPDATE t SET name = name || '!' WHERE id > 1"))
        assert updated.rowcount == 2
        result = await conn.execute(text("SELECT id, name FROM t ORDER BY id"))
        assert list(result.keys()) == ["id", "name"]
        assert [tuple(r) for r in result] == [(1, "a"), (2, "b!"), (3, "c!")]
        returned = await conn.execute(text("DELETE FROM t WHERE id = 3 RETURNING name"))
        assert returned.scalar_one() == "c!"
        assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 2
        assert (await conn.execute(text("SELECT name FROM t WHERE id = 99"))).first() is None


async def test_each_statement_is_one_trip_and_a_committed_connection_needs_no_rollback(
    db: Database, trips: Counter[str]
) -> None:
    async with db.engine.connect() as conn:  # a pooled connection: no new thread to count
        await conn.execute(text("SELECT 1"))
        await conn.commit()
    trips.clear()
    async with db.engine.begin() as conn:
        await conn.execute(text("INSERT INTO t (name) VALUES ('x')"))
        rows = (await conn.execute(text("SELECT name FROM t"))).all()
    assert [r.name for r in rows] == ["x"]
    # Two statements, the commit; the pool's reset of a connection with no transaction open costs nothing.
    assert trips == Counter({"<lambda>": 2, "commit": 1})


async def test_a_failed_statement_is_rolled_back_before_the_connection_is_reused(
    db: Database, trips: Counter[str]
) -> None:
    async with db.engine.begin() as conn:
        await conn.execute(text("INSERT INTO t (name) VALUES ('taken')"))
    trips.clear()
    with pytest.raises(sa_exc.IntegrityError):
        async with db.engine.begin() as conn:
            await conn.execute(text("INSERT INTO t (name) VALUES ('new')"))
            await conn.execute(text("INSERT INTO t (name) VALUES ('taken')"))
    assert trips["rollback"] == 1  # the transaction the failure left open went back to the database
    async with db.engine.connect() as conn:  # the same pooled connection
        raw = await conn.get_raw_connection()
        assert isinstance(raw.dbapi_connection, OneTripConnection)
        assert raw.dbapi_connection.in_transaction is False
    # Nothing of it stayed: another connection writes at once (an open transaction would hold the lock).
    other = Database(db.url)
    try:
        async with other.engine.begin() as conn:
            await conn.execute(text("INSERT INTO t (name) VALUES ('after')"))
        async with other.engine.connect() as conn:
            names = (await conn.execute(text("SELECT name FROM t ORDER BY id"))).scalars().all()
        assert names == ["taken", "after"]
    finally:
        await other.dispose()
