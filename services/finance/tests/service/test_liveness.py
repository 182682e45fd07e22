"""The recompute worker in /livez like every background task: stalled when a round hangs, dead when gone."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from renkei_common.testing.client import ServiceClient, service_client
from renkei_finance.config import Settings
from renkei_finance.main import RECOMPUTE_TASK, create_app

# Generous for a loaded test machine (a round takes milliseconds), short enough to wait for.
STALL_S = 2.0


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[ServiceClient]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'finance.db'}"
    async with service_client(
        create_app, Settings, database_url=url, background=True, liveness_stall_s=STALL_S
    ) as c:
        yield c


async def test_the_worker_is_reported_live_while_it_makes_rounds(live: ServiceClient) -> None:
    response = await live.http.get("/livez")
    assert response.status_code == 200, response.text
    assert response.json()["checks"][RECOMPUTE_TASK] == "ok"
    worker = live.app.state.recompute_worker
    await asyncio.sleep(live.settings.recompute_interval_s)
    first = worker.last_beat
    assert first is not None
    await asyncio.sleep(3 * live.settings.recompute_interval_s)
    assert worker.last_beat > first  # it beats every round, with nothing to do


async def test_a_round_that_hangs_makes_livez_fail(live: ServiceClient) -> None:
    worker = live.app.state.recompute_worker
    hung = asyncio.Event()

    async def hang() -> bool:
        hung.set()
        await live.app.state.runtime.stop.wait()  # a query that does not return before the shutdown
        return False

    worker.run_once = hang
    await asyncio.wait_for(hung.wait(), 2)
    assert worker.last_beat is not None
    assert (await live.http.get("/livez")).status_code == 200  # within the allowance
    await asyncio.sleep(STALL_S - (time.monotonic() - worker.last_beat) + 0.1)
    response = await live.http.get("/livez")
    assert response.status_code == 503, response.text
    assert response.json()["checks"][RECOMPUTE_TASK].startswith("stalled for")


async def test_a_worker_task_that_died_makes_livez_fail(live: ServiceClient) -> None:
    task = next(t for t in live.app.state.runtime.tasks if t.get_name() == RECOMPUTE_TASK)
    task.cancel()
    await asyncio.sleep(0.05)
    response = await live.http.get("/livez")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["checks"][RECOMPUTE_TASK] == "dead"
