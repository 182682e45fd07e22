"""Tests of renkei_common.ops and logging_setup: request id, trace context, metrics, access log, health."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client import REGISTRY
from renkei_common.errors import install_error_handlers
from renkei_common.logging_setup import configure_logging
from renkei_common.ops import (
    RequestContextMiddleware,
    continue_trace,
    current_request_id,
    current_trace_id,
    current_traceparent,
    health_router,
)

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
INCOMING = f"00-{TRACE_ID}-00f067aa0ba902b7-01"


def make_app(service: str, checks: dict | None = None) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(health_router(checks or {}, timeout_s=0.2))

    @app.get("/items/{item_id}")
    async def item(item_id: str) -> dict[str, str | None]:
        logging.getLogger("test.handler").info("serving %s", item_id)
        return {
            "request_id": current_request_id(),
            "trace_id": current_trace_id(),
            "traceparent": current_traceparent(),
        }

    app.add_middleware(RequestContextMiddleware, service=service)
    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def unique_service() -> str:
    # The registry is process-wide; a service label of its own keeps each test's counts apart.
    return f"svc-{uuid.uuid4().hex[:8]}"


def test_continue_trace() -> None:
    trace_id, traceparent = continue_trace(INCOMING)
    assert trace_id == TRACE_ID
    version, same_trace, span, flags = traceparent.split("-")
    assert (version, same_trace, flags) == ("00", TRACE_ID, "01")
    assert span != "00f067aa0ba902b7" and len(span) == 16  # our own span, child of the caller's
    malformed = (
        None,
        "",
        "garbage",
        f"ff-{TRACE_ID}-00f067aa0ba902b7-01",  # version ff is forbidden
        f"00-{'0' * 32}-00f067aa0ba902b7-01",  # all-zero trace id
        f"00-{TRACE_ID}-{'0' * 16}-01",  # all-zero parent id
        f"00-{TRACE_ID}-00f067aa0ba902b7-01-extra",  # version 00 has exactly four fields
    )
    for bad in malformed:
        new_trace, new_parent = continue_trace(bad)
        assert new_trace != TRACE_ID and len(new_trace) == 32
        assert new_parent.startswith(f"00-{new_trace}-")
    assert continue_trace(f"01-{TRACE_ID}-00f067aa0ba902b7-00-future")[0] == TRACE_ID


async def test_request_id_and_trace_are_taken_echoed_and_visible_to_handlers() -> None:
    async with client(make_app(unique_service())) as http:
        given = await http.get("/items/1", headers={"X-Request-ID": "abc-123", "traceparent": INCOMING})
        fresh = await http.get("/items/2", headers={"X-Request-ID": "bad id\twith spaces"})
    assert given.headers["x-request-id"] == "abc-123"
    assert given.json()["request_id"] == "abc-123"
    assert given.json()["trace_id"] == TRACE_ID
    assert given.headers["traceparent"] == given.json()["traceparent"]
    assert given.headers["traceparent"].startswith(f"00-{TRACE_ID}-")
    assert fresh.headers["x-request-id"] != "bad id\twith spaces"  # never echo what could forge a log line
    assert fresh.json()["request_id"] == fresh.headers["x-request-id"]
    assert current_request_id() is None  # nothing leaks out of the request


async def test_concurrent_requests_keep_their_own_context() -> None:
    async with client(make_app(unique_service())) as http:
        responses = await asyncio.gather(
            *(http.get(f"/items/{i}", headers={"X-Request-ID": f"r{i}"}) for i in range(20))
        )
    assert [r.json()["request_id"] for r in responses] == [f"r{i}" for i in range(20)]


async def test_metrics_use_the_route_template() -> None:
    service = unique_service()
    async with client(make_app(service)) as http:
        for i in range(3):
            await http.get(f"/items/{i}")
        await http.get("/no/such/path")
        exposition = (await http.get("/metrics")).text

    def count(route: str, status: str) -> float | None:
        labels = {"service": service, "method": "GET", "route": route, "status": status}
        return REGISTRY.get_sample_value("http_requests_total", labels)

    assert count("/items/{item_id}", "200") == 3
    assert count("(unmatched)", "404") == 1
    assert "/items/1" not in exposition
    labels = f'method="GET",route="/items/{{item_id}}",service="{service}"'
    assert f"http_request_duration_seconds_count{{{labels}}} 3.0" in exposition


async def test_unhandled_error_is_counted_as_500() -> None:
    service = unique_service()
    app = make_app(service)

    @app.get("/explode")
    async def explode() -> None:
        raise ValueError("boom")

    async with client(app) as http:
        response = await http.get("/explode")
    assert response.status_code == 500 and response.headers["x-request-id"]
    labels = {"service": service, "method": "GET", "route": "/explode", "status": "500"}
    assert REGISTRY.get_sample_value("http_requests_total", labels) == 1


async def test_livez_and_readyz() -> None:
    async def database_ok() -> None:
        return None

    async def broker_down() -> None:
        raise ConnectionRefusedError("10.0.0.7:9092 refused")

    async def feed_hangs() -> None:
        await asyncio.sleep(5)

    healthy = make_app(unique_service(), {"database": database_ok})
    sick = make_app(unique_service(), {"database": database_ok, "kafka": broker_down, "feed": feed_hangs})
    async with client(healthy) as http:
        live = await http.get("/livez")
        ready = await http.get("/readyz")
    async with client(sick) as http:
        still_live = await http.get("/livez")
        not_ready = await http.get("/readyz")
    assert live.json() == {"status": "ok"} and still_live.status_code == 200
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert not_ready.status_code == 503
    assert not_ready.headers["content-type"] == "application/problem+json"
    body = not_ready.json()
    assert body["checks"] == {
        "database": "ok",
        "kafka": "failed: ConnectionRefusedError",
        "feed": "timed out after 0.2s",
    }
    assert "feed" in body["detail"] and "kafka" in body["detail"]
    assert "10.0.0.7" not in not_ready.text  # unauthenticated probe: no infrastructure details


def test_health_endpoints_are_not_in_openapi() -> None:
    paths = make_app(unique_service()).openapi()["paths"]
    assert "/items/{item_id}" in paths
    assert not {"/livez", "/readyz", "/metrics"} & paths.keys()


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("uvicorn.access").disabled = False


async def test_json_logs_carry_service_request_and_trace(
    capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    configure_logging("INFO", "agreements")
    async with client(make_app(unique_service())) as http:
        await http.get("/items/7", headers={"X-Request-ID": "log-1", "traceparent": INCOMING})
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    handler_line = next(line for line in lines if line["logger"] == "test.handler")
    assert handler_line["message"] == "serving 7"
    assert handler_line["service"] == "agreements"
    assert handler_line["request_id"] == "log-1" and handler_line["trace_id"] == TRACE_ID
    assert handler_line["level"] == "INFO" and handler_line["time"].endswith("+00:00")
    access = next(line for line in lines if line["logger"] == "renkei.access")
    assert access["route"] == "/items/{item_id}" and access["status"] == 200
    assert access["request_id"] == "log-1" and access["duration_ms"] >= 0
