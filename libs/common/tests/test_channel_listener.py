"""Wake-ups across processes: a shared channel's commits NOTIFY, and a ChannelListener elsewhere wakes.

Two `Database` objects on one PostgreSQL database stand for two processes: each engine has its own
notifiers, so only a notification through the server can carry a commit of one to the other.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from renkei_common.db import CommonBase, Database
from renkei_common.events.listen import APPLICATION_NAME, ChannelListener
from renkei_common.events.outbox import notifier_for, notify_after_commit, pg_channel, share_channel
from sqlalchemy import text

CHANNEL = "test.shared"
OTHER = "test.unshared"


class Boom(Exception):
    pass


@pytest.fixture
async def two_processes(
    new_postgres_database: Callable[[str], str],
) -> AsyncIterator[tuple[Database, Database]]:
    url = new_postgres_database("listen")
    writer, waiter = Database(url), Database(url)
    async with writer.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
    share_channel(writer.engine, CHANNEL)
    yield writer, waiter
    await writer.dispose()
    await waiter.dispose()


@asynccontextmanager
async def listening(waiter: Database, **options: float) -> AsyncIterator[ChannelListener]:
    """A listener of the waiting process, connected; stopped on the way out."""
    listener = ChannelListener(waiter.engine, [CHANNEL, OTHER], **options)
    stop = asyncio.Event()
    task = asyncio.create_task(listener.run(stop))
    try:
        for _ in range(200):
            if listener.connected:
                break
            await asyncio.sleep(0.05)
        assert listener.connected
        yield listener
    finally:
        stop.set()
        await task


async def commit_waking(db: Database, *channels: str, fail: bool = False) -> None:
    async with db.transaction() as session:
        await session.execute(text("SELECT 1"))
        for channel in channels:
            notify_after_commit(session, channel)
        if fail:
            raise Boom


async def test_a_commit_of_another_process_wakes_the_listeners_waiters(
    two_processes: tuple[Database, Database],
) -> None:
    writer, waiter = two_processes
    async with listening(waiter) as listener:
        notifier = notifier_for(waiter.engine, CHANNEL)
        seen = notifier.generation
        woken = asyncio.create_task(notifier.wait(30, since=seen))
        await commit_waking(writer, CHANNEL, CHANNEL)  # asked twice: one NOTIFY
        assert await asyncio.wait_for(woken, 10) is True
        await asyncio.sleep(0.3)  # anything more would have arrived by now
        assert listener.notifications == 1
        assert notifier.generation == seen + 1


async def test_a_rollback_and_an_unshared_channel_notify_no_one(
    two_processes: tuple[Database, Database],
) -> None:
    writer, waiter = two_processes
    async with listening(waiter) as listener:
        shared, unshared = notifier_for(waiter.engine, CHANNEL), notifier_for(waiter.engine, OTHER)
        before = shared.generation, unshared.generation
        with pytest.raises(Boom):
            await commit_waking(writer, CHANNEL, fail=True)
        await commit_waking(writer, OTHER)  # woken in the writer's process only
        await asyncio.sleep(0.5)
        assert (shared.generation, unshared.generation) == before
        assert listener.notifications == 0
        assert notifier_for(writer.engine, OTHER).generation >= 1  # its own process was woken


async def test_a_lost_connection_is_listened_again_and_its_waiters_woken_once(
    two_processes: tuple[Database, Database],
) -> None:
    writer, waiter = two_processes
    async with listening(waiter, retry_s=0.05, check_s=0.2) as listener:
        notifier = notifier_for(waiter.engine, CHANNEL)
        seen = notifier.generation
        async with writer.engine.connect() as conn:
            terminated = await conn.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE application_name = :name AND datname = current_database()"
                ),
                {"name": APPLICATION_NAME},
            )
        assert terminated == 1
        for _ in range(200):  # down, then up again
            if listener.connected and notifier.generation > seen:
                break
            await asyncio.sleep(0.05)
        # Reconnected: its waiters were woken, since a commit may have landed while no one listened.
        assert listener.connected and notifier.generation == seen + 1
        woken = asyncio.create_task(notifier.wait(30, since=notifier.generation))
        await commit_waking(writer, CHANNEL)
        assert await asyncio.wait_for(woken, 10) is True
    assert not listener.connected


async def test_on_sqlite_a_shared_channel_commits_as_before(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}")
    try:
        share_channel(db.engine, CHANNEL)
        seen = notifier_for(db.engine, CHANNEL).generation
        await commit_waking(db, CHANNEL)  # no NOTIFY to send: the commit alone, and its own wake-up
        assert notifier_for(db.engine, CHANNEL).generation == seen + 1
    finally:
        await db.dispose()


def test_the_postgresql_channel_names_the_product() -> None:
    assert pg_channel("finance.dirty") == "renkei.finance.dirty"
