"""RENKEI_RECOMPUTE_WORKER: the worker beside the consumers, elsewhere, or in a process of its own.

A `dedicated` worker is woken across processes: the serving process (`separate`) commits marks with a
PostgreSQL NOTIFY, and the worker's LISTEN turns it into a wake-up long before its poll.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from finance_testkit import Feed, area_declared, soon
from pydantic import ValidationError
from renkei_common.events.outbox import notifier_for
from renkei_common.testing.client import ServiceClient, service_client
from renkei_finance.adapters.orm import DIRTY_CHANNEL
from renkei_finance.config import Settings
from renkei_finance.main import LISTEN_TASK, RECOMPUTE_TASK, create_app

POLL_S = 60.0  # far longer than any wait below: only a wake-up can start the run in time


def tasks(client: ServiceClient) -> set[str]:
    return {task.get_name() for task in client.runtime.tasks}


async def test_a_dedicated_worker_is_woken_by_the_commits_of_the_serving_process(
    new_postgres_database: Callable[[str], str],
) -> None:
    url = new_postgres_database("placement")
    async with (
        service_client(create_app, Settings, database_url=url, recompute_worker="separate") as serving,
        service_client(
            create_app,
            Settings,
            database_url=url,
            background=True,
            recompute_worker="dedicated",
            recompute_interval_s=POLL_S,
            recompute_debounce_s=0,
        ) as dedicated,
    ):
        worker, listener = dedicated.app.state.recompute_worker, dedicated.runtime.heartbeats[LISTEN_TASK]
        # The worker's process consumes nothing: the serving processes do.
        assert dedicated.runtime.processor is None and dedicated.runtime.runners == []
        assert {RECOMPUTE_TASK, LISTEN_TASK} <= tasks(dedicated)
        await soon(lambda: listener.connected and worker.pause_s == POLL_S, "listening, and a first round")
        live = await dedicated.http.get("/livez")
        assert live.status_code == 200, live.text
        assert live.json()["checks"][LISTEN_TASK] == "ok"

        assert await Feed(serving).apply(area_declared(), version=1) == "applied"
        await soon(lambda: worker.runs > 0, "a run in the worker's process")  # the poll would take a minute
        assert worker.last_run is not None and worker.last_run.trigger_event_ids
        assert serving.app.state.recompute_worker.runs == 0  # nothing ran where the event was applied
    assert not listener.connected  # the shutdown closed its connection


async def test_a_separate_process_runs_no_worker_and_shares_its_commits_of_marks(database_url: str) -> None:
    async with service_client(
        create_app, Settings, database_url=database_url, background=True, recompute_worker="separate"
    ) as serving:
        assert RECOMPUTE_TASK not in tasks(serving) and LISTEN_TASK not in tasks(serving)
        assert notifier_for(serving.db.engine, DIRTY_CHANNEL).shared
        assert await Feed(serving).apply(area_declared(), version=1) == "applied"
        await asyncio.sleep(0.2)
        assert serving.app.state.recompute_worker.runs == 0


async def test_in_process_the_worker_runs_here_and_nothing_is_shared(database_url: str) -> None:
    async with service_client(create_app, Settings, database_url=database_url, background=True) as finance:
        assert RECOMPUTE_TASK in tasks(finance) and LISTEN_TASK not in tasks(finance)
        assert not notifier_for(finance.db.engine, DIRTY_CHANNEL).shared
        assert finance.runtime.processor is not None  # it consumes as well


async def test_a_dedicated_worker_on_sqlite_polls_without_a_listener(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'finance.db'}"
    async with service_client(
        create_app, Settings, database_url=url, background=True, recompute_worker="dedicated"
    ) as dedicated:
        assert RECOMPUTE_TASK in tasks(dedicated) and LISTEN_TASK not in tasks(dedicated)
        assert dedicated.runtime.processor is None


def test_a_dedicated_worker_behind_pgbouncer_is_refused_by_its_rule() -> None:
    with pytest.raises(ValidationError, match="PgBouncer's transaction mode cannot carry"):
        Settings(recompute_worker="dedicated", database_pooler="pgbouncer")
    # The serving processes may use the pooler: a NOTIFY travels in their own transaction.
    assert Settings(recompute_worker="separate", database_pooler="pgbouncer").recompute_worker == "separate"
    assert Settings(recompute_worker="dedicated").database_pooler == "none"
    with pytest.raises(ValidationError, match="recompute_worker"):
        Settings(recompute_worker="elsewhere")  # type: ignore[arg-type]
