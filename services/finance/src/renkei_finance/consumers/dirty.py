"""Marks the (FY, recipient) cells an event may change, in the event's own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import cast

from renkei_common.events.handlers import EventMeta
from renkei_common.events.outbox import notify_after_commit
from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import DIRTY_CHANNEL, EVERY_FY, DirtyCell

_MARKED = "finance_dirty_marks"


async def mark_dirty(
    session: AsyncSession, meta: EventMeta, codes: Iterable[str], fiscal_years: Iterable[int] = (EVERY_FY,)
) -> None:
    """Insert one mark per new (FY, recipient) of this transaction; inserts never conflict with the worker."""
    now = datetime.now(UTC)
    for fiscal_year, code in _new_marks(session, meta, codes, fiscal_years):
        session.add(DirtyCell(fiscal_year=fiscal_year, recipient_code=code, event_id=meta.id, marked_at=now))


class DirtyMarks:
    """The marks of a batch handler's events, inserted in one statement by `store` (no ORM object each)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.rows: list[dict[str, object]] = []

    def add(self, meta: EventMeta, codes: Iterable[str], fiscal_years: Iterable[int] = (EVERY_FY,)) -> None:
        now = datetime.now(UTC)
        self.rows.extend(
            {"fiscal_year": fiscal_year, "recipient_code": code, "event_id": meta.id, "marked_at": now}
            for fiscal_year, code in _new_marks(self.session, meta, codes, fiscal_years)
        )

    async def store(self) -> None:
        if self.rows:
            # Core insert, executemany: the worker reads marks by SQL, never from this session.
            await self.session.execute(insert(cast(Table, DirtyCell.__table__)), self.rows)
            self.rows = []


def _new_marks(
    session: AsyncSession, meta: EventMeta, codes: Iterable[str], fiscal_years: Iterable[int]
) -> list[tuple[int, str]]:
    # One mark per (FY, recipient, event) and transaction, whichever way it is written.
    marked: set[tuple[int, str, str]] = session.info.setdefault(_MARKED, set())
    new = []
    for fiscal_year in sorted(set(fiscal_years)):
        for code in sorted(set(codes)):
            if (fiscal_year, code, meta.id) not in marked:
                marked.add((fiscal_year, code, meta.id))
                new.append((fiscal_year, code))
    if new:
        notify_after_commit(session, DIRTY_CHANNEL)
    return new
