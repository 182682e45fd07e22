"""The recompute worker is woken by a commit of marks in its process, and still waits out the debounce."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from finance_testkit import Feed, area_declared, soon
from renkei_common.events.outbox import OUTBOX, notifier_for
from renkei_common.testing.client import ServiceClient
from renkei_finance.adapters.orm import DIRTY_CHANNEL, DirtyCell
from renkei_finance.service_layer.worker import RecomputeWorker
from sqlalchemy import func, select

POLL_S = 60.0  # far longer than any wait below: only a wake-up can start the run in time


async def marks(finance: ServiceClient) -> int:
    async with finance.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(DirtyCell)) or 0)


@pytest.fixture
async def running(finance: ServiceClient) -> AsyncIterator[tuple[RecomputeWorker, asyncio.Event]]:
    settings = finance.settings.model_copy(update={"recompute_interval_s": POLL_S, "recompute_debounce_s": 0})
    worker, stop = RecomputeWorker(finance.db, settings), asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        # Its first round found nothing, and it pauses for a poll interval.
        await soon(lambda: worker.last_beat is not None and worker.pause_s == POLL_S, "first round")
        yield worker, stop
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)


async def test_a_commit_of_marks_wakes_the_worker_long_before_its_poll(
    finance: ServiceClient, feed: Feed, running: tuple[RecomputeWorker, asyncio.Event]
) -> None:
    worker, _ = running
    outbox = notifier_for(finance.db.engine, OUTBOX).generation
    await feed.apply(area_declared(), version=1)
    await soon(lambda: worker.runs > 0, "a run")  # the poll would take a minute
    assert worker.last_run is not None and worker.last_run.trigger_event_ids
    assert await marks(finance) == 0
    # The marks' channel is its own: the relay's outbox channel saw no commit of an event meanwhile
    # beyond the run's own AllocationsRecomputed, if any line changed (an area alone changes none).
    assert notifier_for(finance.db.engine, OUTBOX).generation == outbox


async def test_marks_younger_than_the_debounce_wait_for_it(
    finance: ServiceClient, feed: Feed, running: tuple[RecomputeWorker, asyncio.Event]
) -> None:
    worker, _ = running
    worker.settings.recompute_debounce_s = 30.0
    woken = notifier_for(finance.db.engine, DIRTY_CHANNEL).generation
    await feed.apply(area_declared(), version=1)
    assert notifier_for(finance.db.engine, DIRTY_CHANNEL).generation == woken + 1
    await asyncio.sleep(0.3)  # woken, it found the marks too fresh and went back to its pause
    assert worker.runs == 0 and await marks(finance) > 0
    left = await worker.wait_before_run()
    assert left is not None and 29.0 < left <= 30.0
    assert 29.0 < worker.pause_s <= 30.0  # it comes back when they are old enough, not a poll later
    assert not worker.wakeable
    beat = worker.last_beat
    await feed.apply(area_declared("area-2"), version=1)  # newer marks cannot make the oldest due sooner
    await asyncio.sleep(0.3)
    assert worker.last_beat == beat  # so their commit started no round

    worker.settings.recompute_debounce_s = 0
    assert await worker.wait_before_run() == 0
    assert await worker.run_once()
    assert await marks(finance) == 0 and await worker.wait_before_run() is None


async def test_an_event_that_changes_nothing_marks_nothing_and_wakes_no_one(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(area_declared(), version=1)
    woken = notifier_for(finance.db.engine, DIRTY_CHANNEL).generation
    await feed.apply(area_declared(), version=1)  # the same version again: a duplicate, nothing marked
    assert notifier_for(finance.db.engine, DIRTY_CHANNEL).generation == woken
