"""Commit notifiers: a channel is woken once per commit that asked for it, never on a rollback."""

from __future__ import annotations

import asyncio

import pytest
from renkei_common.db import Database
from renkei_common.events.contracts import KpiReported
from renkei_common.events.outbox import OUTBOX, add_event, notifier_for, notify_after_commit

CHANNEL = "test.marks"


class Boom(Exception):
    pass


def generations(common_db: Database) -> tuple[int, int]:
    return notifier_for(common_db.engine, CHANNEL).generation, notifier_for(
        common_db.engine, OUTBOX
    ).generation


async def test_a_channel_is_woken_once_per_commit_and_apart_from_the_outbox(common_db: Database) -> None:
    mine, outbox = generations(common_db)
    async with common_db.transaction() as session:
        notify_after_commit(session, CHANNEL)
        notify_after_commit(session, CHANNEL)  # asked twice in one transaction: woken once
        assert generations(common_db) == (mine, outbox)  # not before the commit
    assert generations(common_db) == (mine + 1, outbox)

    async with common_db.transaction() as session:
        kpi = KpiReported(vision_id="v", kpi_id="k", name="n", unit="u", fiscal_year=2024, actual=1.0)
        await add_event(session, kpi, subject="v")
    assert generations(common_db) == (mine + 1, outbox + 1)  # the outbox's own channel, not this one


async def test_a_rolled_back_transaction_wakes_no_one_and_the_next_commit_does(common_db: Database) -> None:
    mine, _ = generations(common_db)
    with pytest.raises(Boom):
        async with common_db.transaction() as session:
            notify_after_commit(session, CHANNEL)
            raise Boom
    assert generations(common_db)[0] == mine
    async with common_db.transaction() as session:
        notify_after_commit(session, CHANNEL)
    assert generations(common_db)[0] == mine + 1


async def test_a_waiter_returns_as_soon_as_the_commit_lands(common_db: Database) -> None:
    notifier = notifier_for(common_db.engine, CHANNEL)
    seen = notifier.generation
    waiter = asyncio.create_task(notifier.wait(60, since=seen))
    await asyncio.sleep(0)
    assert not waiter.done()
    async with common_db.transaction() as session:
        notify_after_commit(session, CHANNEL)
    assert await asyncio.wait_for(waiter, 10) is True
    assert await notifier.wait(60, since=seen) is True  # a commit after `since` already happened
