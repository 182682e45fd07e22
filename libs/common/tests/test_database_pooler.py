"""RENKEI_DATABASE_POOLER=pgbouncer: no statement cached on a server connection PgBouncer may hand on."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from renkei_common.db import Database
from renkei_common.settings import ServiceSettings
from sqlalchemy import text

from .conftest import CommonService


async def _caches(db: Database) -> tuple[Any, int]:
    """(SQLAlchemy's prepared-statement cache, asyncpg's statement-cache size) of a pooled connection."""
    async with db.engine.connect() as conn:
        for _ in range(3):  # the same statement again: a cache would keep it
            assert (await conn.execute(text("SELECT 1 + 1"))).scalar_one() == 2
        raw = await conn.get_raw_connection()
        adapter = raw.dbapi_connection
        assert adapter is not None
        return adapter._prepared_statement_cache, adapter._connection._stmt_cache.get_max_size()


@pytest.fixture
def postgres_url(new_postgres_database: Any) -> str:
    url: str = new_postgres_database("pool")
    return url


async def test_behind_pgbouncer_no_statement_is_cached(postgres_url: str) -> None:
    db = Database(postgres_url, pgbouncer=True)
    try:
        sqlalchemy_cache, asyncpg_cache = await _caches(db)
        async with db.transaction() as session:  # statements in a transaction work as before
            assert (await session.execute(text("SELECT :n * 2"), {"n": 21})).scalar_one() == 42
    finally:
        await db.dispose()
    assert sqlalchemy_cache is None
    assert asyncpg_cache == 0


async def test_without_a_pooler_the_caches_stay_on(postgres_url: str) -> None:
    db = Database(postgres_url)
    try:
        sqlalchemy_cache, asyncpg_cache = await _caches(db)
    finally:
        await db.dispose()
    assert sqlalchemy_cache is not None
    assert asyncpg_cache > 0


def test_the_setting_takes_pgbouncer_or_none_only(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ServiceSettings().database_pooler == "none"
    monkeypatch.setenv("RENKEI_DATABASE_POOLER", "pgbouncer")
    assert ServiceSettings().database_pooler == "pgbouncer"
    monkeypatch.setenv("RENKEI_DATABASE_POOLER", "pgpool")
    with pytest.raises(ValidationError, match="database_pooler"):
        ServiceSettings()


async def test_the_app_connects_through_the_pooler_setting(
    common_service: CommonService, postgres_url: str
) -> None:
    async with common_service(postgres_url, database_pooler="pgbouncer") as svc:
        sqlalchemy_cache, asyncpg_cache = await _caches(svc.app.state.db)
        assert (await svc.http.get("/readyz")).status_code == 200
    assert (sqlalchemy_cache, asyncpg_cache) == (None, 0)
