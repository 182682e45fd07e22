"""Commit notifiers: a channel is woken once per commit that asked for it, never on a rollback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from renkei_common.db import CommonBase, Database
from renkei_common.events.contracts import KpiReported
from renkei_common.events.outbox import OUTBOX, add_event, notifier_for, notify_after_commit

CHANNEL = "test.marks"


class Boom(Exception):
    pass


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
    yield database
    await database.dispose()


def generations(db: Database) -> tuple[int, int]:
    return notifier_for(db.engine, CHANNEL).generation, notifier_for(db.engine, OUTBOX).generation


async def test_a_channel_is_woken_once_per_commit_and_apart_from_the_outbox(db: Database) -> None:
    mine, outbox = generations(db)
    async with db.transaction() as session:
        notify_after_commit(session, CHANNEL)
        notify_after_commit(session, CHANNEL)  # asked twice in one transaction: woken once
        assert generations(db) == (mine, outbox)  # not before the commit
    assert generations(db) == (mine + 1, outbox)

    async with db.transaction() as session:
        kpi = KpiReported(vision_id="v", kpi_id="k", name="n", unit="u", fiscal_year=2024, actual=1.0)
        await add_event(session, kpi, subject="v")
    assert generations(db) == (mine + 1, outbox + 1)  # the outbox's own channel, not this one


async def test_a_rolled_back_transaction_wakes_no_one_and_the_next_commit_does(db: Database) -> None:
    mine, _ = generations(db)
    with pytest.raises(Boom):
        async with db.transaction() as session:
            notify_after_commit(session, CHANNEL)
            raise Boom
    assert generations(db)[0] == mine
    async with db.transaction() as session:
        notify_after_commit(session, CHANNEL)
    assert generations(db)[0] == mine + 1


async def test_a_waiter_returns_as_soon_as_the_commit_lands(db: Database) -> None:
    notifier = notifier_for(db.engine, CHANNEL)
    seen = notifier.generation
    waiter = asyncio.create_task(notifier.wait(60, since=seen))
    await asyncio.sleep(0)
    assert not waiter.done()
    async with db.transaction() as session:
        notify_after_commit(session, CHANNEL)
    assert await asyncio.wait_for(waiter, 10) is True
    assert await notifier.wait(60, since=seen) is True  # a commit after `since` already happened
