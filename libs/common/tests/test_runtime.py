"""The background runtime: supervised tasks, /livez reporting them, /readyz without Kafka, backlog metric."""

from __future__ import annotations

import asyncio
import gc
import time
import weakref
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import REGISTRY
from renkei_common import runtime
from renkei_common.events.contracts import AgreementSigned, Party
from renkei_common.events.outbox import add_event
from renkei_common.testing.infra import free_port

from .conftest import CommonService


class Component:
    """A background component as the runtime sees one: `run(stop)`, a heartbeat, a name."""

    def __init__(self, *, fail_first: int = 0, beat: bool = True) -> None:
        self.runs = 0
        self.fail_first = fail_first
        self.beat = beat
        self.last_beat = time.monotonic()
        self.source = "test"

    async def run(self, stop: asyncio.Event) -> None:
        self.runs += 1
        if self.runs <= self.fail_first:
            raise RuntimeError(f"run {self.runs} fails, as a bug in a consumer loop would")
        while not stop.is_set():
            if self.beat:
                self.last_beat = time.monotonic()
            await asyncio.sleep(0.05)


async def eventually(check: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'runtime.db'}"


async def test_a_failing_loop_is_restarted_with_backoff(
    common_service: CommonService, tmp_path: Path
) -> None:
    async with common_service(url(tmp_path), supervisor_backoff_s=0.05) as svc:
        component = Component(fail_first=2)
        svc.runtime.runners.append(component)
        svc.runtime.start()
        try:

            async def restarted() -> bool:
                return component.runs == 3

            await eventually(restarted)
            live = await svc.http.get("/livez")
            assert live.status_code == 200, live.text
            assert live.json()["checks"]["consumer_test"] == "ok"
            restarts = REGISTRY.get_sample_value(
                "renkei_background_restarts_total",
                {"service": svc.settings.service_name, "task": "consumer_test"},
            )
            assert restarts == 2
        finally:
            await svc.runtime.shutdown()


async def test_livez_fails_when_a_background_task_is_dead(
    common_service: CommonService, tmp_path: Path
) -> None:
    async with common_service(url(tmp_path)) as svc:
        svc.runtime.runners.append(Component())
        svc.runtime.start()
        try:
            assert (await svc.http.get("/livez")).status_code == 200
            task = next(t for t in svc.runtime.tasks if t.get_name() == "consumer_test")
            task.cancel()  # killed from outside: nothing restarts it
            await asyncio.sleep(0.05)
            dead = await svc.http.get("/livez")
            assert dead.status_code == 503, dead.text
            assert dead.headers["content-type"].startswith("application/problem+json")
            assert dead.json()["checks"]["consumer_test"] == "dead"
            assert "consumer_test" in dead.json()["detail"]
        finally:
            await svc.runtime.shutdown()


async def test_livez_fails_when_a_background_task_is_stuck(
    common_service: CommonService, tmp_path: Path
) -> None:
    # The heartbeat is set, not waited for: a loaded machine cannot make a wall-clock allowance flaky.
    async with common_service(url(tmp_path), liveness_stall_s=30) as svc:
        stuck = Component(beat=False)
        svc.runtime.runners.append(stuck)
        svc.runtime.start()
        try:
            stuck.last_beat = time.monotonic() - 25
            assert (await svc.http.get("/livez")).status_code == 200  # within the allowance
            stuck.last_beat = time.monotonic() - 31
            response = await svc.http.get("/livez")
            assert response.status_code == 503
            assert response.json()["checks"]["consumer_test"].startswith("stalled for")
        finally:
            await svc.runtime.shutdown()


async def test_readiness_does_not_depend_on_kafka(common_service: CommonService, tmp_path: Path) -> None:
    unreachable = f"127.0.0.1:{free_port()}"
    async with common_service(
        url(tmp_path),
        background=True,
        transport="kafka",
        kafka_bootstrap=unreachable,
        relay_max_backoff_s=0.2,
        backlog_interval_s=0.1,
    ) as svc:
        async with svc.db.transaction() as session:
            for i in range(3):
                await add_event(session, _signed(f"backlog-{i}"), subject=f"backlog-{i}")
        service = svc.settings.service_name

        async def backlog_reported() -> bool:
            metrics = (await svc.http.get("/metrics")).text
            return (
                f'renkei_outbox_backlog{{service="{service}"}} 3.0' in metrics
                and f'renkei_relay_connected{{service="{service}"}} 0.0' in metrics
            )

        await eventually(backlog_reported)  # the relay has tried, and failed, to reach the broker
        assert not svc.runtime.relay.healthy
        ready = await svc.http.get("/readyz")
        assert ready.status_code == 200, ready.text
        assert ready.json()["checks"] == {"database": "ok"}
        assert (await svc.http.get("/livez")).status_code == 200, (
            "an outage elsewhere is no reason to restart"
        )


def _signed(agreement_id: str) -> AgreementSigned:
    from datetime import date

    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=1,
        kind="renkei_kyoyaku",
        title="連携協約",
        parties=[
            Party(code="062014", name="山形市", role="centre"),
            Party(code="062103", name="天童市", role="partner"),
        ],
        concluded_on=date(2024, 4, 1),
        in_force_on=date(2024, 4, 15),
    )


async def test_a_started_service_freezes_its_start_up_heap_once(
    common_service: CommonService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in a fresh process: nothing frozen by this module yet.
    monkeypatch.setattr(runtime, "_heap_frozen", False)
    before = gc.get_freeze_count()
    async with common_service(url(tmp_path)):
        assert runtime._heap_frozen, "the app's start-up did not freeze the heap"
        frozen = gc.get_freeze_count()
        assert frozen > before
    # A second service in the same process (as in this test run) freezes nothing more; frozen objects
    # that lose their last reference are still freed, so the count can only go down.
    async with common_service(url(tmp_path)):
        assert gc.get_freeze_count() <= frozen


def test_freezing_collects_start_up_garbage_instead_of_freezing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime, "_heap_frozen", False)

    class Node:
        pass

    cycle = Node()
    cycle.self = cycle  # type: ignore[attr-defined]  # garbage only the cyclic collector can free
    gone = weakref.ref(cycle)
    del cycle
    assert runtime.freeze_heap() is True
    assert gone() is None, "start-up garbage was frozen, so it would never be freed"
    assert runtime.freeze_heap() is False  # once per process
