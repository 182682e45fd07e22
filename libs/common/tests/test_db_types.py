"""UTCDateTime: what is written is converted to UTC, what is read is aware UTC, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from renkei_common.db import Database, UTCDateTime, new_metadata
from sqlalchemy import Column, Integer, Table, select
from sqlalchemy.exc import StatementError

JST = timezone(timedelta(hours=9), "JST")
metadata = new_metadata()
moments = Table("moments", metadata, Column("id", Integer, primary_key=True), Column("at", UTCDateTime()))


async def _database(url: str) -> Database:
    db = Database(url)
    async with db.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    return db


async def test_an_aware_time_comes_back_as_the_same_instant_in_utc(database_url: str) -> None:
    db = await _database(database_url)
    try:
        written = datetime(2025, 4, 1, 9, 30, 15, 123456, tzinfo=JST)
        async with db.transaction() as session:
            await session.execute(moments.insert().values(id=1, at=written))
        async with db.session() as session:
            read = await session.scalar(select(moments.c.at))
            # A comparison binds through the same type, so filters agree with what was stored.
            later = await session.scalar(
                select(moments.c.id).where(moments.c.at > written - timedelta(seconds=1))
            )
        assert read == written and read.utcoffset() == timedelta(0)
        assert read.isoformat() == "2025-04-01T00:30:15.123456+00:00"
        assert later == 1
    finally:
        await db.dispose()


async def test_a_naive_time_is_refused(database_url: str) -> None:
    db = await _database(database_url)
    try:
        with pytest.raises(StatementError, match="naive datetime"):
            async with db.transaction() as session:
                await session.execute(moments.insert().values(id=2, at=datetime(2025, 4, 1, 9, 0)))
    finally:
        await db.dispose()


def test_null_passes_through() -> None:
    column_type = UTCDateTime()
    assert column_type.process_bind_param(None, None) is None  # type: ignore[arg-type]
    assert column_type.process_result_value(None, None) is None  # type: ignore[arg-type]
    naive_from_sqlite = datetime(2025, 4, 1, 0, 0)
    assert column_type.process_result_value(naive_from_sqlite, None) == datetime(  # type: ignore[arg-type]
        2025, 4, 1, tzinfo=UTC
    )
