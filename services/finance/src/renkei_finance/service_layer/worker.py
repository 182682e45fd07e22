"""The recompute worker: waits for dirty cells to settle for a moment, then recomputes them as one run.

A consumer of this process that commits marks wakes it at once (`DIRTY_CHANNEL`); marks committed by
another replica are found by polling every `recompute_interval_s`. Either way a run waits until the
oldest mark is `recompute_debounce_s` old, so that the events of one burst end up in one run.

It beats (`last_beat`, `time.monotonic()`) once per round, also while the database is away and it retries:
the service's `/livez` reports it stalled when a round hangs, and dead when its task ended.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from renkei_common.db import Database
from renkei_common.events.outbox import notifier_for
from sqlalchemy import func, select

from renkei_finance.adapters.orm import DIRTY_CHANNEL, AllocationRun, DirtyCell
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
        self.marked = notifier_for(db.engine, DIRTY_CHANNEL)
        self.pause_s = settings.recompute_interval_s  # how long the next pause lasts, unless woken
        self.wakeable = True  # whether a commit of marks ends the next pause
        self.last_run: AllocationRun | None = None

    async def wait_before_run(self) -> float | None:
        """Seconds until the oldest mark is old enough to run (0: now); None without any mark."""
        async with self.db.session() as session:
            oldest = await session.scalar(select(func.min(DirtyCell.marked_at)))
        if oldest is None:
            return None
        if oldest.tzinfo is None:  # SQLite hands back naive timestamps
            oldest = oldest.replace(tzinfo=UTC)
        # Debounce: the events of one burst (an area and its agreements) end up in one run.
        left = timedelta(seconds=self.settings.recompute_debounce_s) - (datetime.now(UTC) - oldest)
        return max(left.total_seconds(), 0.0)

    async def run_once(self) -> bool:
        """One round: recompute the marks if the oldest is old enough. True when a run was stored."""
        left = await self.wait_before_run()
        interval = self.settings.recompute_interval_s
        # Marks too fresh: come back when the oldest is old enough. More marks change nothing to that, so
        # their commits need not wake the worker meanwhile (at 100 events/s they would, 100 times a second).
        self.pause_s = interval if not left else min(left, interval)
        self.wakeable = not left
        if left != 0:
            return False
        run = await recompute(self.db, fiscal_years=self.settings.fiscal_years)
        self.runs += run is not None
        self.last_run = run
        return run is not None

    async def run(self, stop: asyncio.Event) -> None:
        interval = self.settings.recompute_interval_s
        backoff = interval
        while not stop.is_set():
            self.last_beat = time.monotonic()
            # A commit of marks in this process after this point ends the pause below at once, also one
            # that lands while this round runs (its marks were not taken by it).
            seen = self.marked.generation
            try:
                await self.run_once()
                self.healthy, self.last_error = True, None
                delay, backoff = self.pause_s, interval
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database may be away: keep trying, say so in readiness
                self.healthy, self.last_error = False, repr(exc)
                log.exception("recompute failed; retrying")
                delay = backoff = min(backoff * 2, 5.0)
            self.last_beat = time.monotonic()
            await self._pause(stop, delay, seen if self.wakeable else None)

    async def _pause(self, stop: asyncio.Event, delay: float, seen: int | None) -> None:
        """Until `stop`, `delay` seconds, or (with `seen`) a commit of marks in this process after it."""
        stopping = asyncio.ensure_future(stop.wait())
        waits: set[asyncio.Future[Any]] = {stopping}
        if seen is not None:
            waits.add(asyncio.ensure_future(self.marked.wait(delay, since=seen)))
        try:
            await asyncio.wait(waits, timeout=delay, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in waits:
                task.cancel()
            await asyncio.gather(*waits, return_exceptions=True)
