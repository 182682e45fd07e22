"""Wake-ups across processes: PostgreSQL `LISTEN` for the channels other processes share (`share_channel`).

A process that commits rows a background task of *another* process waits for shares the task's channel
(`renkei_common.events.outbox.share_channel`): its commits then carry a `NOTIFY`. The waiting process runs
a `ChannelListener`, which holds one connection of its own in `LISTEN` and turns each notification into a
wake-up of the same channel's notifier in this process (`notifier_for`), exactly as a commit of this
process would. Waiters keep polling as well: a notification only makes them earlier, never necessary.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from typing import Any

import asyncpg
from sqlalchemy.ext.asyncio import AsyncEngine

from renkei_common.events.outbox import notifier_for, pg_channel

log = logging.getLogger(__name__)

APPLICATION_NAME = "renkei-channel-listener"  # how its connection shows in pg_stat_activity


class ChannelListener:
    """Wakes this process's waiters of `channels` when another process's commit notifies them.

    PostgreSQL only. Its connection is not one of the engine's pool: a pooled connection goes back to
    the pool still listening, and PgBouncer's transaction mode cannot carry a `LISTEN` at all (so the
    process that listens must be given the server's URL, or a session-mode pooler's).

    While the connection is down it reconnects, waiting `retry_s` and doubling up to `max_retry_s`, and
    the waiters fall back on their polling. After each (re)connection it wakes them once: a commit made
    while no one listened is not lost, only as late as it would have been without a listener. A silent
    network loss is found by a `SELECT 1` every `check_s` seconds.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        channels: Sequence[str],
        *,
        retry_s: float = 0.5,
        max_retry_s: float = 30.0,
        check_s: float = 10.0,
    ) -> None:
        self.engine = engine
        self.channels = list(channels)
        self.retry_s, self.max_retry_s, self.check_s = retry_s, max_retry_s, check_s
        self.connected = False
        self.notifications = 0
        self.last_beat: float | None = None  # time.monotonic(); for /livez, like the other tasks
        self._by_pg_channel = {pg_channel(c): notifier_for(engine, c) for c in self.channels}

    def _dsn(self) -> str:
        # asyncpg's own connect takes the libpq-style URL: the same server, user and options as the pool.
        url = self.engine.url.set(drivername="postgresql")
        return url.render_as_string(hide_password=False)

    def _on_notification(self, _connection: Any, _pid: int, channel: str, _payload: str) -> None:
        self.notifications += 1
        self._by_pg_channel[channel].notify()

    def _wake_all(self) -> None:
        for notifier in self._by_pg_channel.values():
            notifier.notify()

    async def run(self, stop: asyncio.Event) -> None:
        retry = self.retry_s
        while not stop.is_set():
            self.last_beat = time.monotonic()
            try:
                await self._listen(stop)
                retry = self.retry_s  # it listened until the connection went: try again at once-ish
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the database is away or refused us: say so, and try again
                log.warning("LISTEN on %s failed (%r); retrying in %.1f s", self.channels, exc, retry)
            self.connected = False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), retry)
            retry = min(retry * 2, self.max_retry_s)

    async def _listen(self, stop: asyncio.Event) -> None:
        connection = await asyncpg.connect(
            self._dsn(), timeout=10, server_settings={"application_name": APPLICATION_NAME}
        )
        lost = asyncio.Event()
        connection.add_termination_listener(lambda _connection: lost.set())
        try:
            for channel in self._by_pg_channel:
                await connection.add_listener(channel, self._on_notification)
            self.connected = True
            self._wake_all()  # whatever was committed while no one listened
            while not stop.is_set() and not lost.is_set():
                self.last_beat = time.monotonic()
                stopping = asyncio.ensure_future(stop.wait())
                losing = asyncio.ensure_future(lost.wait())
                try:
                    await asyncio.wait(
                        {stopping, losing}, timeout=self.check_s, return_when=asyncio.FIRST_COMPLETED
                    )
                finally:
                    stopping.cancel()
                    losing.cancel()
                if not stop.is_set() and not lost.is_set():
                    await connection.fetchval("SELECT 1", timeout=self.check_s)
        finally:
            self.connected = False
            with contextlib.suppress(Exception):
                await asyncio.wait_for(connection.close(), 5)
