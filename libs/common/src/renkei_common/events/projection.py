"""Projection rows that keep the newest state per aggregate, with tombstones, whatever the delivery order.

Events of one aggregate normally arrive in order, but a dead-letter replay, a rebuild from a second
consumer group or a producer's retry can deliver an older event after a newer one. Each projection row
remembers the aggregate version it holds; `apply_if_newer` applies an event only when its version is
higher. A deletion or termination is a *tombstone*: the row stays, marked, with its version, so that the
signing delivered after the termination finds a newer row and changes nothing.

A batch handler reads the rows of its whole list first (`async with preloaded(session, model, keys)`,
one `SELECT … WHERE key IN (…)`, locked on PostgreSQL); `apply_if_newer` then finds each row, or knows
that it is missing, without a statement of its own.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable, Hashable, Iterable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import BindParameter, Boolean, Integer, Select, String, bindparam, inspect, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from renkei_common.db import UTCDateTime
from renkei_common.events.handlers import EventMeta

__all__ = ["Applied", "ProjectionColumns", "apply_if_newer", "preloaded"]

# session.info key: {(model, identity): row or None (known missing)} while a `preloaded` block runs.
_PRELOADED = "projection_preloaded"


class ProjectionColumns:
    """Mixin for a projection row: the aggregate version it reflects, the tombstone and the last event."""

    aggregate_version: Mapped[int] = mapped_column(Integer, default=0)
    tombstone: Mapped[bool] = mapped_column(Boolean, default=False)
    last_event_id: Mapped[str] = mapped_column(String(36))
    # UTCDateTime: read back with its UTC offset on SQLite too, like every other timestamp.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


Row = TypeVar("Row", bound=ProjectionColumns)


@dataclass(frozen=True, slots=True)
class Applied(Generic[Row]):
    """The row after the event (None if the event was stale and no row exists) and whether it changed."""

    row: Row | None
    applied: bool


async def apply_if_newer(
    session: AsyncSession,
    model: type[Row],
    key: Mapping[str, Any],
    meta: EventMeta,
    values: Mapping[str, Any] | Callable[[Row], None],
    *,
    tombstone: bool = False,
) -> Applied[Row]:
    """Set `values` on the row at `key` if `meta.aggregate_version` is newer than the row's; else nothing.

    A missing row is created (also for a tombstone, so that what it buries stays buried). `values` is a
    mapping of columns or a function that updates the row in place; `key` names the primary-key columns
    in their declared order. An event without an aggregate version (0) only ever creates a row: it cannot
    prove that it is newer than anything. A tombstone is final: only a newer tombstone changes it.
    """
    identity = _identity(key)
    cache: dict[tuple[type[Any], Any], Any] = session.info.get(_PRELOADED, {})
    if (model, identity) in cache:
        row = cache[(model, identity)]
    else:
        row = await session.get(model, identity, with_for_update=_lock(session))
    if row is not None and (
        meta.aggregate_version <= row.aggregate_version
        or meta.aggregate_version == 0
        or (row.tombstone and not tombstone)
    ):
        return Applied(row, False)
    if row is None:
        # Version 0 until `values` has run tells it that the row is new.
        row = model(**key)
        row.aggregate_version, row.tombstone = 0, False
        session.add(row)
        if (model, identity) in cache:
            cache[(model, identity)] = row
    if callable(values):
        values(row)
    else:
        for column, value in values.items():
            setattr(row, column, value)
    row.aggregate_version = meta.aggregate_version
    row.tombstone = tombstone
    row.last_event_id = meta.id
    row.updated_at = datetime.now(UTC)
    return Applied(row, True)


@asynccontextmanager
async def preloaded(
    session: AsyncSession, model: type[Row], keys: Iterable[Mapping[str, Any]]
) -> AsyncIterator[None]:
    """Read the rows at `keys` in one statement; inside the block `apply_if_newer` reads none of them.

    Rows are locked on PostgreSQL as `apply_if_newer` locks them, in key order, so that two consumers
    locking overlapping lists (a replay beside the live consumer) wait for each other, not deadlock.
    The rows stay in the session's identity map, so changes made through `apply_if_newer` (or to a row
    it returned) are flushed as usual; a key not preloaded is read on its own as before.
    """
    identities = sorted({_identity(key) for key in keys})
    columns = inspect(model).primary_key
    cache: dict[tuple[type[Any], Any], Any] = session.info.setdefault(_PRELOADED, {})
    # A nested block (the same rows read again) leaves what the outer one preloaded in place.
    ours = [i for i in identities if (model, i) not in cache]
    if ours:
        keys_ = ours if len(columns) == 1 else [tuple(i) for i in ours]
        query = _preload_query(cast(Hashable, model), bool(_lock(session)))
        rows = (await session.scalars(query, {"keys": keys_})).all()
        found = {inspect(row).identity: row for row in rows}
        for identity in ours:
            cache[(model, identity)] = found.get(identity if len(columns) > 1 else (identity,))
    try:
        yield
    finally:
        for identity in ours:
            cache.pop((model, identity), None)


@functools.lru_cache(maxsize=256)
def _preload_query(model: Any, lock: bool) -> Select[Any]:
    """The rows of `model` at the keys of parameter `keys`, in key order; built once per model."""
    columns = inspect(model).primary_key
    keys: BindParameter[Any] = bindparam("keys", expanding=True)
    where = columns[0].in_(keys) if len(columns) == 1 else tuple_(*columns).in_(keys)
    query = select(model).where(where).order_by(*columns)
    return query.with_for_update() if lock else query


def _identity(key: Mapping[str, Any]) -> Any:
    return tuple(key.values()) if len(key) > 1 else next(iter(key.values()))


def _lock(session: AsyncSession) -> bool | None:
    # SQLite serialises writers anyway and has no FOR UPDATE; on PostgreSQL two consumers of one
    # aggregate (a replay beside the live consumer) must not both read the old version.
    bind = session.get_bind()
    return True if bind.dialect.name == "postgresql" else None
