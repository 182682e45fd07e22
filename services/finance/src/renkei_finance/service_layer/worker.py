"""The recompute worker: waits for dirty cells to settle for a moment, then recomputes them as one run.

It beats (`last_beat`, `time.monotonic()`) once per round, also while the database is away and it retries:
the service's `/livez` reports it stalled when a round hangs, and dead when its task ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from datetime import UTC, datetime, timedelta

from renkei_common.db import Database
from sqlalchemy import func, select

from renkei_finance.adapters.orm import DirtyCell
from renkei_finance.config import Settings
from renkei_finance.service_layer.recompute import recompute

log = logging.getLogger(__name__)


class RecomputeWorker:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.healthy = True
        self.last_error: str | None = None
        self.runs = 0
        # None until the first round: the database migrates before the worker starts, and that is no stall.
        self.last_beat: float | None = None

    async def due(self) -> bool:
        async with self.db.session() as session:
            oldest = await session.scalar(select(func.min(DirtyCell.marked_at)))
        if oldest is None:
            return False
        if oldest.tzinfo is None:  # SQLite hands back naive timestamps
            oldest = oldest.replace(tzinfo=UTC)
        # Debounce: the events of one burst (an area and its agreements) end up in one run.
        return datetime.now(UTC) - oldest >= timedelta(seconds=self.settings.recompute_debounce_s)

    async def run_once(self) -> bool:
        if not await self.due():
            return False
        run = await recompute(self.db, fiscal_years=self.settings.fiscal_years)
        self.runs += run is not None
        return run is not None

    async def run(self, stop: asyncio.Event) -> None:
        delay = self.settings.recompute_interval_s
        while not stop.is_set():
            self.last_beat = time.monotonic()
            try:
                await self.run_once()
                self.healthy, self.last_error, delay = True, None, self.settings.recompute_interval_s
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database may be away: keep trying, say so in readiness
                self.healthy, self.last_error = False, repr(exc)
                log.exception("recompute failed; retrying")
                delay = min(delay * 2, 5.0)
            self.last_beat = time.monotonic()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
