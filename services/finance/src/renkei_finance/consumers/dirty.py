"""Marks the (FY, recipient) cells an event may change, in the event's own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from renkei_common.events.handlers import EventMeta
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import EVERY_FY, DirtyCell

_MARKED = "finance_dirty_marks"


async def mark_dirty(
    session: AsyncSession, meta: EventMeta, codes: Iterable[str], fiscal_years: Iterable[int] = (EVERY_FY,)
) -> None:
    """Insert one mark per new (FY, recipient) of this transaction; inserts never conflict with the worker."""
    marked: set[tuple[int, str, str]] = session.info.setdefault(_MARKED, set())
    now = datetime.now(UTC)
    for fiscal_year in sorted(set(fiscal_years)):
        for code in sorted(set(codes)):
            if (fiscal_year, code, meta.id) in marked:
                continue
            marked.add((fiscal_year, code, meta.id))
            session.add(
                DirtyCell(fiscal_year=fiscal_year, recipient_code=code, event_id=meta.id, marked_at=now)
            )
