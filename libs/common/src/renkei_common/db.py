"""Async SQLAlchemy engine and sessions for SQLite (aiosqlite) and PostgreSQL (asyncpg)."""

from __future__ import annotations

import errno
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from renkei_common.sqlite_driver import one_trip_dbapi

# Explicit, so that constraint names are stable across SQLite and PostgreSQL migrations.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments an INTEGER PRIMARY KEY, not a BIGINT one.
BigIntPK = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """A point in time: stored as `timestamptz` (PostgreSQL) or UTC text (SQLite), always read back in UTC.

    SQLite keeps no offset, so a plain DateTime(timezone=True) reads back naive there and the API would
    answer `2024-04-01T09:00:00` on SQLite but `...+00:00` on PostgreSQL. Writes are converted to UTC,
    and a naive datetime is refused: its offset is unknowable, and guessing would shift it silently.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UTCDateTime takes a datetime, not {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} refused: give it a time zone, e.g. UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        # Naive only from SQLite, which stores what process_bind_param wrote: UTC.
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def new_metadata() -> MetaData:
    return MetaData(naming_convention=NAMING_CONVENTION)


class CommonBase(DeclarativeBase):
    """Tables every service database has: outbox, inbox, dead letters, audit, idempotency, checkpoints."""

    metadata = new_metadata()


class Database:
    """One engine and session factory for a service database."""

    def __init__(self, url: str, *, echo: bool = False, pool_size: int = 10, pgbouncer: bool = False) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        kwargs: dict[str, Any] = {"echo": echo}
        if self.dialect == "sqlite":
            db_path = parsed.database
            if db_path and db_path != ":memory:":
                Path(db_path).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": 30}
            # One trip to aiosqlite's thread per statement instead of four (renkei_common.sqlite_driver).
            kwargs["module"] = one_trip_dbapi()
        else:
            kwargs.update(pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)
            if pgbouncer:
                # PgBouncer's transaction mode hands the server connection to another client after each
                # transaction: asyncpg's statement cache and SQLAlchemy's would name statements that
                # server never prepared, so both are off and every statement gets a unique name.
                kwargs["connect_args"] = {
                    "statement_cache_size": 0,
                    "prepared_statement_cache_size": 0,
                    "prepared_statement_name_func": _unique_statement_name,
                }
        self.engine: AsyncEngine = create_async_engine(url, **kwargs)
        if self.dialect == "sqlite":
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessionmaker() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session whose transaction commits on success and rolls back on any error."""
        async with self.sessionmaker() as session, session.begin():
            yield session

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def _unique_statement_name() -> str:
    return f"__asyncpg_{uuid.uuid4().hex}__"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the feed read while a request writes; busy_timeout waits instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# SQLSTATE classes (PostgreSQL appendix A) of a server that is unreachable, restarting or overloaded:
# 08 connection exception, 53 insufficient resources (e.g. too many connections), 57P0x shutdown/startup.
_UNAVAILABLE_SQLSTATES = ("08", "53", "57P")
_UNAVAILABLE_ERRNOS = frozenset(
    {
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ECONNABORTED,
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.ETIMEDOUT,
        errno.EPIPE,
    }
)
# SQLite's transient states: another writer holds the lock, or the file is briefly unreachable.
_SQLITE_TRANSIENT = ("database is locked", "unable to open database file", "disk i/o error")


def is_database_unavailable(error: BaseException) -> bool:
    """Is `error` the database (or the network to it) being away, rather than something wrong with the
    statement or the data? The first heals by waiting; retrying the second can never succeed."""
    for cause in _causes(error):
        if isinstance(cause, sa_exc.DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, sa_exc.TimeoutError | ConnectionError | TimeoutError | socket.gaierror):
            return True  # pool exhausted, refused, reset, or a name that does not resolve
        if isinstance(cause, OSError) and (
            cause.errno in _UNAVAILABLE_ERRNOS or "connect call failed" in str(cause).lower()
        ):
            return True
        sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
        if isinstance(sqlstate, str) and sqlstate.startswith(_UNAVAILABLE_SQLSTATES):
            return True
        if type(cause).__module__ == "sqlite3" and any(t in str(cause).lower() for t in _SQLITE_TRANSIENT):
            return True
    return False


def _causes(error: BaseException) -> Iterator[BaseException]:
    """`error`, the DBAPI error it wraps, and what caused those, without looping on cycles."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        cause = pending.pop()
        if cause is None or id(cause) in seen or len(seen) > 20:
            continue
        seen.add(id(cause))
        yield cause
        orig = getattr(cause, "orig", None)
        # Not __context__: an error raised while handling another one was not caused by it.
        pending.extend([orig if isinstance(orig, BaseException) else None, cause.__cause__])
