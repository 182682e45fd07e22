"""Webhooks end to end: a real receiver process on 127.0.0.1 verifies every delivery with standardwebhooks."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from renkei_common.events.contracts import AgreementTerminated, Party
from renkei_common.events.outbox import add_event
from renkei_common.testing.client import ServiceClient
from renkei_common.webhooks.models import WebhookEndpoint
from sqlalchemy import update

from .conftest import CommonService

RECEIVER = Path(__file__).with_name("webhook_receiver.py")
TERMINATED = AgreementTerminated.type_name()
SAPPORO, HAKODATE, AOMORI = "011002", "012025", "022012"  # 札幌市, 函館市 (北海道), 青森市 (青森県)
FAST = {
    "service_name": "agreements",
    "webhook_allowed_hosts": ["127.0.0.1"],
    "webhook_retry_base_s": 0.05,
    "webhook_retry_max_s": 0.3,
    "webhook_poll_interval_s": 0.05,
    "webhook_timeout_s": 2.0,
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Receiver:
    """The receiver subprocess: `start()`, `stop()` (it is down), `control(mode=..., secret=...)`."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.process: subprocess.Popen[str] | None = None
        self.secret = "whsec_" + "A" * 44

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(RECEIVER), str(self.port), self.secret], stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        assert int(self.process.stdout.readline()) == self.port

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def control(self, **params: str) -> None:
        if "secret" in params:
            self.secret = params["secret"]
        httpx.get(f"http://127.0.0.1:{self.port}/control", params=params, timeout=5).raise_for_status()

    def log(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = httpx.get(f"http://127.0.0.1:{self.port}/log", timeout=5).json()
        return entries


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(free_port())
    r.start()
    try:
        yield r
    finally:
        r.stop()


@asynccontextmanager
async def service(
    common_service: CommonService, database_url: str, **overrides: Any
) -> AsyncIterator[ServiceClient]:
    async with common_service(database_url, background=True, **{**FAST, **overrides}) as svc:
        yield svc


async def emit(svc: ServiceClient, agreement_id: str, *codes: str) -> str:
    payload = AgreementTerminated(
        agreement_id=agreement_id,
        agreement_version=1,
        parties=[Party(code=code, name=f"団体{code}", role="party") for code in codes],
        terminated_on=date(2026, 12, 1),
    )
    async with svc.db.transaction() as session:
        envelope = await add_event(session, payload, subject=f"agreement/{agreement_id}")
    return envelope.id


async def register(svc: ServiceClient, url: str, org: str = SAPPORO, **extra: Any) -> dict[str, Any]:
    response = await svc.http.post(
        "/v1/webhooks",
        json={"url": url, "event_types": [TERMINATED], **extra},
        headers=svc.as_(org, "municipality"),
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def until(check: Callable[[], Awaitable[bool] | bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def deliveries(svc: ServiceClient, endpoint_id: str, org: str = SAPPORO) -> list[dict[str, Any]]:
    response = await svc.http.get(
        f"/v1/webhooks/{endpoint_id}/deliveries", headers=svc.as_(org, "municipality")
    )
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def verified(receiver: Receiver) -> list[dict[str, Any]]:
    return [e for e in receiver.log() if e["verified"]]


async def test_order_per_aggregate_and_webhook_id_is_the_event_id(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url) as svc:
        endpoint = await register(svc, receiver.url)
        assert endpoint["secret"].startswith("whsec_")
        receiver.control(secret=endpoint["secret"])
        ids = []
        for i in range(6):  # two aggregates, interleaved
            ids.append(await emit(svc, "A" if i % 2 else "B", SAPPORO))
        await until(lambda: len(verified(receiver)) >= 6)
        got = verified(receiver)
        assert sorted(e["webhook_id"] for e in got) == sorted(ids)
        for subject in ("agreement/A", "agreement/B"):
            sequences = [e["sequence"] for e in got if e["subject"] == subject]
            assert sequences == sorted(sequences) and len(sequences) == 3
        await until(lambda: _state_is(svc, endpoint["id"], "delivered"))
        log = await deliveries(svc, endpoint["id"])
        assert svc.runtime.liveness()["webhooks"] == "ok"  # supervised, and beating
        first = log[0]["log"][0]
        assert first["status_code"] == 204 and first["latency_ms"] >= 0 and first["manual"] is False


async def test_receiver_down_then_back_loses_nothing_and_redelivery_keeps_the_id(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url) as svc:
        endpoint = await register(svc, receiver.url)
        receiver.stop()  # down: connection refused
        ids = [await emit(svc, f"X{i}", SAPPORO) for i in range(3)]

        async def failed_twice() -> bool:
            log = await deliveries(svc, endpoint["id"])
            return len(log) == 3 and all(d["attempts"] >= 2 and d["state"] == "pending" for d in log)

        await until(failed_twice)
        receiver.secret = endpoint["secret"]
        receiver.start()
        await until(lambda: {e["webhook_id"] for e in verified(receiver)} == set(ids))
        await until(lambda: _state_is(svc, endpoint["id"], "delivered"))
        log = await deliveries(svc, endpoint["id"])
        assert all(d["log"][0]["status_code"] is None and d["log"][0]["error"] for d in log)

        # At least once: a manual redelivery sends the same webhook-id again, so receivers dedup by it.
        target = log[0]
        response = await svc.http.post(
            f"/v1/webhooks/{endpoint['id']}/deliveries/{target['id']}/redeliver",
            headers=svc.as_(SAPPORO, "municipality"),
        )
        assert response.status_code == 202, response.text
        await until(lambda: [e["webhook_id"] for e in verified(receiver)].count(target["event_id"]) == 2)
        await until(lambda: _any_manual(svc, endpoint["id"], target["id"]))


async def _any_manual(svc: ServiceClient, endpoint_id: str, delivery_id: int) -> bool:
    log = await deliveries(svc, endpoint_id)
    return any(a["manual"] for d in log if d["id"] == delivery_id for a in d["log"])


async def test_a_bad_signature_is_rejected_by_the_verifier(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url, webhook_max_attempts=1) as svc:
        endpoint = await register(svc, receiver.url)
        receiver.control(secret="whsec_" + "B" * 44)  # not the endpoint's secret
        await emit(svc, "Y", SAPPORO)
        await until(lambda: len(receiver.log()) >= 1)
        entry = receiver.log()[0]
        assert entry["verified"] is False and "signature" in entry["error"].lower()
        await until(lambda: _state_is(svc, endpoint["id"], "failed"))
        (delivery,) = await deliveries(svc, endpoint["id"])
        assert delivery["last_status"] == 400 and delivery["attempts"] == 1


async def _state_is(svc: ServiceClient, endpoint_id: str, state: str) -> bool:
    log = await deliveries(svc, endpoint_id)
    return bool(log) and all(d["state"] == state for d in log)


async def test_rotation_overlap_signs_with_both_secrets(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url) as svc:
        endpoint = await register(svc, receiver.url)
        old = endpoint["secret"]
        response = await svc.http.post(
            f"/v1/webhooks/{endpoint['id']}/rotate-secret", headers=svc.as_(SAPPORO, "municipality")
        )
        assert response.status_code == 200, response.text
        new = response.json()["secret"]
        assert new != old and response.json()["previous_secret_until"] is not None
        receiver.control(secret=old)  # a receiver that has not switched yet
        await emit(svc, "R1", SAPPORO)
        await until(lambda: len(verified(receiver)) == 1)
        receiver.control(secret=new)  # and one that has
        await emit(svc, "R2", SAPPORO)
        await until(lambda: len(verified(receiver)) == 2)
        assert [e["signatures"] for e in receiver.log()] == [2, 2]


async def test_rotation_without_overlap_stops_the_old_secret(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(
        common_service, database_url, webhook_rotation_overlap_s=0, webhook_max_attempts=1
    ) as svc:
        endpoint = await register(svc, receiver.url)
        await svc.http.post(
            f"/v1/webhooks/{endpoint['id']}/rotate-secret", headers=svc.as_(SAPPORO, "municipality")
        )
        receiver.control(secret=endpoint["secret"])
        await emit(svc, "R3", SAPPORO)
        await until(lambda: len(receiver.log()) == 1)
        assert receiver.log()[0]["verified"] is False and receiver.log()[0]["signatures"] == 1


async def test_disabled_after_a_run_of_failures_with_the_reason_then_re_enabled(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url, webhook_disable_after_failures=3) as svc:
        endpoint = await register(svc, receiver.url)
        receiver.control(secret=endpoint["secret"], mode="fail")
        event_id = await emit(svc, "D", SAPPORO)

        async def disabled() -> bool:
            r = await svc.http.get(f"/v1/webhooks/{endpoint['id']}", headers=svc.as_(SAPPORO, "municipality"))
            return r.json()["enabled"] is False

        await until(disabled)
        body = (
            await svc.http.get(f"/v1/webhooks/{endpoint['id']}", headers=svc.as_(SAPPORO, "municipality"))
        ).json()
        assert (
            "3 consecutive failed attempts" in body["disabled_reason"]
            and "HTTP 500" in body["disabled_reason"]
        )
        assert body["consecutive_failures"] == 3
        await asyncio.sleep(0.3)
        assert len(receiver.log()) == 3  # nothing more is sent while disabled (threshold edge: 3, not 4)

        receiver.control(mode="ok")
        response = await svc.http.post(
            f"/v1/webhooks/{endpoint['id']}/enable", headers=svc.as_(SAPPORO, "municipality")
        )
        assert response.status_code == 200 and response.json()["disabled_reason"] is None
        await until(lambda: any(e["webhook_id"] == event_id for e in verified(receiver)))


async def test_ssrf_guard_at_delivery_time(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url, webhook_max_attempts=1) as svc:
        endpoint = await register(svc, receiver.url)
        # The URL changed behind the API's back (as a DNS record could): the dispatcher checks again.
        async with svc.db.transaction() as session:
            await session.execute(
                update(WebhookEndpoint)
                .where(WebhookEndpoint.id == endpoint["id"])
                .values(url="https://10.0.0.1/hook")
            )
        await emit(svc, "S", SAPPORO)
        await until(lambda: _state_is(svc, endpoint["id"], "failed"))
        (delivery,) = await deliveries(svc, endpoint["id"])
        assert delivery["last_error"].startswith("refused (public_address)")
        assert receiver.log() == []


async def test_an_org_receives_only_events_it_may_see(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    async with service(common_service, database_url) as svc:
        endpoint = await register(svc, receiver.url, org=AOMORI)
        receiver.control(secret=endpoint["secret"])
        await emit(svc, "hokkaido-only", SAPPORO, HAKODATE)
        mine = await emit(svc, "with-aomori", SAPPORO, AOMORI)
        await until(lambda: len(verified(receiver)) >= 1)
        await asyncio.sleep(0.3)
        assert [e["webhook_id"] for e in verified(receiver)] == [mine]


async def test_a_slow_receiver_does_not_delay_another_endpoint(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    slow = Receiver(free_port())
    slow.start()
    try:
        async with service(common_service, database_url, webhook_timeout_s=5.0) as svc:
            fast_endpoint = await register(svc, receiver.url)
            slow_endpoint = await register(svc, slow.url)
            receiver.control(secret=fast_endpoint["secret"])
            slow.control(secret=slow_endpoint["secret"], mode="slow", delay="4")
            started = time.monotonic()
            await emit(svc, "F", SAPPORO)
            await until(lambda: len(verified(receiver)) == 1, timeout=3)
            assert time.monotonic() - started < 2.0
            # The service's own requests are not held up either.
            started = time.monotonic()
            response = await svc.http.get("/v1/webhooks", headers=svc.as_(SAPPORO, "municipality"))
            assert response.status_code == 200 and time.monotonic() - started < 1.0
    finally:
        slow.stop()


async def test_events_before_the_first_endpoint_are_passed_over_and_later_ones_delivered(
    common_service: CommonService, database_url: str, receiver: Receiver
) -> None:
    """With no endpoint the dispatcher moves its cursor past committed events without reading them."""
    from renkei_common.webhooks.dispatcher import WebhookDispatcher

    async with common_service(database_url, background=False, **FAST) as svc:
        dispatcher = WebhookDispatcher(db=svc.db, settings=svc.settings)
        before = await emit(svc, "A", SAPPORO)
        assert await dispatcher.fan_out() == 0
        endpoint = await register(svc, receiver.url)
        receiver.control(secret=endpoint["secret"])
        assert await dispatcher.fan_out() == 0  # `before` was passed over, not queued late
        after = await emit(svc, "A", SAPPORO)
        assert await dispatcher.fan_out() == 1
        assert [d["event_id"] for d in await deliveries(svc, endpoint["id"])] == [after]
        assert before != after
