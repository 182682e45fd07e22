"""Rows of aggregates: time-ordered ids, the versioned row base, column helpers, loading and keyset pages."""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Enum, Integer, Select, String, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, Mapped, declared_attr, mapped_column
from sqlalchemy.orm.interfaces import ORMOption

from renkei_common.db import Database, UTCDateTime
from renkei_common.errors import NotFound
from renkei_common.i18n import msg

Row = TypeVar("Row")
E = TypeVar("E", bound=StrEnum)


def new_id() -> str:
    """A UUID version 7 (RFC 9562): time-ordered, so keyset pages by id follow creation order."""
    millis = time.time_ns() // 1_000_000
    random_bits = secrets.randbits(74)
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= (random_bits >> 62) << 64  # 12 random bits
    value |= 0b10 << 62  # RFC 9562 variant
    value |= random_bits & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def now() -> datetime:
    return datetime.now(UTC)


def id_column(primary_key: bool = True) -> Mapped[str]:
    return mapped_column(String(36), primary_key=primary_key)


def code_column(*, index: bool = False, nullable: bool = False) -> Mapped[str]:
    """A 団体コード (6 digits with its check digit)."""
    return mapped_column(String(6), index=index, nullable=nullable)


def enum_column(enum: type[E], *, length: int = 20, index: bool = False, nullable: bool = False) -> Mapped[E]:
    """A StrEnum stored by value in a VARCHAR(`length`) (no native type, no CHECK: the DDL of a String)."""
    stored = Enum(
        enum,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
    return mapped_column(stored, index=index, nullable=nullable)


class Versioned:
    """An aggregate root whose row_version is its ETag and guards against lost updates.

    The unit of work bumps row_version on every write (so that a change to child rows only still changes
    the ETag); the mapper adds `WHERE row_version = <loaded>` to the UPDATE, so a concurrent writer fails
    instead of silently overwriting.
    """

    row_version: Mapped[int] = mapped_column(Integer)
    created_by_org: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        table = cls.__table__  # type: ignore[attr-defined]  # set by the declarative base at class creation
        return {"version_id_col": table.c.row_version, "version_id_generator": False}


def key_of(row: object) -> str:
    """The primary key of an aggregate row (its id, or a 団体コード), as the subject of its events."""
    return str(getattr(row, inspect(type(row)).primary_key[0].key))


async def load(
    session: AsyncSession,
    model: type[Row],
    key: str,
    *,
    what: str,
    for_update: bool = False,
    options: Sequence[ORMOption] = (),
) -> Row:
    """The row, or a 404 naming `what`; locked until commit when it is about to change.

    On PostgreSQL a locked load locks the root row alone first (`SELECT key ... FOR UPDATE`), then reads the
    row with its eager-loaded children in one statement: a FOR UPDATE on a join would re-read only the root
    row after waiting for a concurrent writer, and pair it with children from before that writer's commit.
    SQLite has no row locks: the transaction takes the database's write lock first (`BEGIN IMMEDIATE`), so
    that what it reads next cannot change before it commits, as on PostgreSQL.
    """
    if for_update:
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            column = inspect(model).primary_key[0]
            if await session.scalar(select(column).where(column == key).with_for_update()) is None:
                raise NotFound(msg("common.not_found", what=what, key=ascii(key)))
        elif dialect == "sqlite":
            await _begin_immediate(session)
    # session.get takes the primary-key fast path: no statement to build and cache-key per call.
    found = await session.get(model, key, options=options)
    if found is None:
        raise NotFound(msg("common.not_found", what=what, key=ascii(key)))
    return found


async def _begin_immediate(session: AsyncSession) -> None:
    # The sqlite3 module opens a transaction only at the first INSERT, UPDATE or DELETE, so reads before it
    # see no snapshot and a check-then-write could interleave with another writer's. A transaction that
    # already wrote holds the write lock anyway.
    connection = await session.connection()
    driver = (await connection.get_raw_connection()).driver_connection
    if driver is not None and not driver.in_transaction:
        await connection.exec_driver_sql("BEGIN IMMEDIATE")


async def fetch_page(
    db: Database,
    query: Select[Row],
    key: InstrumentedAttribute[str],
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Row], str | None]:
    """Up to `limit` rows after `cursor` in `key` order, and the cursor of the next page if there is one."""
    if cursor:
        query = query.where(key > cursor)
    async with db.session() as session:
        rows = list((await session.scalars(query.order_by(key).limit(limit + 1))).unique().all())
    return rows[:limit], (getattr(rows[limit - 1], key.key) if len(rows) > limit else None)


def snapshot(row: Any, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """The row's own columns, for the audit log."""
    skip = set(exclude)
    return {c.name: getattr(row, c.key) for c in row.__table__.columns if c.name not in skip}
