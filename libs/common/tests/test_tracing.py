"""Tests of renkei_common.tracing: export only when configured, W3C parsing, SQL spans, the log bridge."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pydantic import ValidationError
from renkei_common import tracing
from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor, Outcome
from renkei_common.events.contracts import AgreementSigned, Party
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.outbox import add_event
from renkei_common.logging_setup import current_trace_id, current_traceparent
from renkei_common.migrations import upgrade_async
from renkei_common.settings import ServiceSettings
from renkei_common.testing.client import ServiceClient, service_client
from renkei_groups.config import Settings as GroupsSettings
from renkei_groups.main import create_app as create_groups
from renkei_groups.main import service_spec as groups_spec
from sqlalchemy import text

OTEL_VARIABLES = (
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_SDK_DISABLED",
    "RENKEI_OTLP_ENDPOINT",
)
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
INCOMING = f"00-{TRACE_ID}-00f067aa0ba902b7-01"


@pytest.fixture(autouse=True)
def _no_otel_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in OTEL_VARIABLES:
        monkeypatch.delenv(name, raising=False)


class _Connections:
    """Every outbound TCP connection or name lookup this process attempts while `recording` (audit hooks
    are the interpreter's own events: https://docs.python.org/3/library/audit_events.html)."""

    def __init__(self) -> None:
        self.recording = False
        self.seen: list[tuple[str, Any]] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.recording:
            return
        if event == "socket.connect" and args[0].family in (socket.AF_INET, socket.AF_INET6):
            self.seen.append((event, args[1]))
        elif event == "socket.getaddrinfo":
            self.seen.append((event, args[:2]))


_CONNECTIONS = _Connections()
sys.addaudithook(_CONNECTIONS)  # hooks cannot be removed; it records only while a test asks it to


def _signed(agreement_id: str) -> AgreementSigned:
    parties = [
        Party(code="062014", name="山形市", role="centre"),
        Party(code="062103", name="天童市", role="partner"),
    ]
    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=1,
        kind="renkei_kyoyaku",
        title="連携協約",
        parties=parties,
        concluded_on="2024-04-01",
        in_force_on="2024-04-15",
    )


async def _serve_and_write(app: ServiceClient) -> str:
    """A traced request and an event written through the outbox; returns the response's traceparent."""
    response = await app.http.get("/v1/events", headers=app.as_("finance", "service"))
    assert response.status_code == 200
    async with app.db.transaction() as session:
        await add_event(session, _signed("trace-1"), subject="trace-1", aggregate_version=1)
    return response.headers["traceparent"]


async def test_without_an_endpoint_no_exporter_exists_and_nothing_is_reached(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'groups.db'}"
    _CONNECTIONS.seen.clear()
    async with service_client(create_groups, GroupsSettings, database_url=url) as app:
        traces: tracing.Tracing = app.app.state.tracing
        assert traces.exporter is None
        assert traces.provider is not None
        # Spans are still made (logs and outbox rows carry real ids); they just go nowhere.
        kept = InMemorySpanExporter()
        traces.add_span_processor(SimpleSpanProcessor(kept))
        _CONNECTIONS.recording = True
        try:
            traceparent = await _serve_and_write(app)
            traces.shutdown()  # the last flush, as at the end of the lifespan
        finally:
            _CONNECTIONS.recording = False
    assert _CONNECTIONS.seen == []
    names = {span.name for span in kept.get_finished_spans()}
    assert {"GET /v1/events", f"create {_signed('x').type_name()}"} <= names
    assert tracing.span_context_of(traceparent) is not None


async def test_with_an_endpoint_spans_reach_the_collector_over_otlp_http(tmp_path: Path) -> None:
    _CONNECTIONS.seen.clear()
    with _collector() as (endpoint, received):
        url = f"sqlite+aiosqlite:///{tmp_path / 'groups.db'}"
        async with service_client(
            create_groups, GroupsSettings, database_url=url, otlp_endpoint=endpoint
        ) as app:
            assert app.app.state.tracing.exporter is not None
            _CONNECTIONS.recording = True
            try:
                traceparent = await _serve_and_write(app)
                app.app.state.tracing.shutdown()  # flushes the batch: no waiting for its schedule
            finally:
                _CONNECTIONS.recording = False
    # The connection audit of the test above sees an export when there is one.
    port = int(endpoint.rsplit(":", 1)[1])
    assert ("socket.connect", ("127.0.0.1", port)) in _CONNECTIONS.seen
    assert [path for path, _, _ in received] == ["/v1/traces"] * len(received) and received
    assert all(content_type == "application/x-protobuf" for _, content_type, _ in received)
    spans: dict[str, Any] = {}
    for _, _, body in received:
        request = ExportTraceServiceRequest.FromString(body)
        for resource_spans in request.resource_spans:
            attributes = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
            assert attributes["service.name"] == "groups"
            for scope in resource_spans.scope_spans:
                spans.update({span.name: span for span in scope.spans})
    server = spans["GET /v1/events"]
    assert server.trace_id.hex() == traceparent.split("-")[1]
    assert any(span.parent_span_id == server.span_id for span in spans.values()), "its SQL spans"


async def test_an_endpoint_must_be_an_http_url() -> None:
    for good in ("http://collector:4318", "https://otel.example.lg.jp/otlp"):
        assert ServiceSettings(otlp_endpoint=good).otlp_endpoint == good
    for bad in ("collector:4318", "grpc://collector:4317", "http://", "http://collector 4318"):
        with pytest.raises(ValidationError) as refused:
            ServiceSettings(otlp_endpoint=bad)
        assert refused.value.errors()[0]["loc"] == ("otlp_endpoint",)


def test_export_url_prefers_renkei_then_the_standard_variables() -> None:
    env = {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://base:4318/", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": ""}
    assert tracing.export_url("http://ours:4318/", env) == "http://ours:4318/v1/traces"
    assert tracing.export_url(None, env) == "http://base:4318/v1/traces"
    env["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://traces:4318/custom"
    assert tracing.export_url(None, env) == "http://traces:4318/custom"  # a signal URL is taken as it is
    assert tracing.export_url(None, {"OTEL_EXPORTER_OTLP_ENDPOINT": "  "}) is None
    assert tracing.export_url(None, {}) is None
    assert tracing.setup("svc", environ={}).exporter is None
    assert tracing.setup("svc", environ={"OTEL_EXPORTER_OTLP_ENDPOINT": "http://x:4318"}).exporter is not None


async def test_sdk_disabled_makes_no_spans_and_keeps_the_request_trace_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    url = f"sqlite+aiosqlite:///{tmp_path / 'groups.db'}"
    async with service_client(create_groups, GroupsSettings, database_url=url) as app:
        assert app.app.state.tracing.tracer is None
        with pytest.raises(RuntimeError):
            app.app.state.tracing.add_span_processor(SimpleSpanProcessor(InMemorySpanExporter()))
        response = await app.http.get("/livez", headers={"traceparent": INCOMING})
        assert response.headers["traceparent"].startswith(f"00-{TRACE_ID}-")
        assert tracing.tracer_for(app.db.engine) is None


def test_traceparent_parsing_follows_w3c_trace_context() -> None:
    remote = tracing.span_context_of(INCOMING)
    assert remote is not None and remote.is_remote and remote.trace_id == int(TRACE_ID, 16)
    assert tracing.span_context_of(f"01-{TRACE_ID}-00f067aa0ba902b7-00-future") is not None
    for bad in (
        None,
        "",
        "garbage",
        f"ff-{TRACE_ID}-00f067aa0ba902b7-01",
        f"00-{'0' * 32}-00f067aa0ba902b7-01",
        f"00-{TRACE_ID}-{'0' * 16}-01",
        f"00-{TRACE_ID}-00f067aa0ba902b7-01-extra",
    ):
        assert tracing.span_context_of(bad) is None
        # An invalid parent starts a new trace instead of joining a forged or broken one.
        assert tracing.parent_context(bad) == {}
    assert (
        tracing.header_traceparent([("content-type", b"x"), ("traceparent", INCOMING.encode())]) == INCOMING
    )
    assert tracing.header_traceparent(None) is None


async def test_sql_spans_only_inside_a_span_and_logs_follow_the_current_span(tmp_path: Path) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'sql.db'}")
    traces = tracing.setup("svc", environ={})
    traces.instrument(db.engine)
    kept = InMemorySpanExporter()
    traces.add_span_processor(SimpleSpanProcessor(kept))
    tracer = traces.tracer
    assert tracer is not None
    try:
        await db.ping()  # no span around it: a background poll starts no trace
        assert kept.get_finished_spans() == ()
        with tracing.consumer_span(
            tracer,
            consumer="finance",
            origin="feed:agreements#7",
            event_id="e-1",
            type_="jp.renkei.agreements.AgreementSigned.v1",
            source="agreements",
            subject="a-1",
            created=INCOMING,
        ) as span:
            async with db.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            assert current_trace_id() == TRACE_ID  # what every log line of the handler carries
            assert current_traceparent() == tracing.traceparent_of(span)
    finally:
        await db.dispose()
    sql, process = kept.get_finished_spans()
    assert (sql.name, process.name) == ("SELECT", "process jp.renkei.agreements.AgreementSigned.v1")
    assert sql.parent is not None and sql.parent.span_id == process.context.span_id
    assert process.parent is not None and f"{process.parent.span_id:016x}" == "00f067aa0ba902b7"
    assert process.links == ()  # the parent is the creation context itself: nothing to link
    assert current_trace_id() is None


async def test_a_batch_gives_each_event_a_consumer_span_under_its_own_hop(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'consumer.db'}"
    await upgrade_async(groups_spec().migrations_dir, url)  # the shared tables: inbox, dead letters
    db = Database(url)
    traces = tracing.setup("finance", environ={})
    traces.instrument(db.engine)
    kept = InMemorySpanExporter()
    traces.add_span_processor(SimpleSpanProcessor(kept))
    type_ = _signed("x").type_name()

    async def handler(envelope: EventEnvelope, session: Any) -> None:
        await session.execute(text("SELECT 1"))

    created = [f"00-{i:032x}-{i:016x}-01" for i in (1, 2)]  # each event's creation context
    hops = [f"00-{i:032x}-{i + 100:016x}-01" for i in (1, 2)]  # the relay's send spans
    raws = [
        (
            EventEnvelope(
                type=type_,
                source="agreements",
                subject=f"a-{i}",
                data=_signed(f"a-{i}").model_dump(mode="json"),
                traceparent=created[i],
            ).to_json_bytes(),
            f"kafka:t/0@{i}",
        )
        for i in range(2)
    ]
    processor = EventProcessor(db=db, consumer="finance", handlers={type_: handler})
    try:
        outcomes = await processor.process_batch(raws, traceparents=hops)
    finally:
        await db.dispose()
    assert outcomes == [Outcome.APPLIED, Outcome.APPLIED]
    spans = kept.get_finished_spans()
    process = [s for s in spans if s.name == f"process {type_}"]
    assert [f"{s.parent.span_id:016x}" for s in process if s.parent] == [h.split("-")[2] for h in hops]
    assert [[f"{link.context.span_id:016x}" for link in s.links] for s in process] == [
        [c.split("-")[2]] for c in created
    ]
    for span in process:  # each handler's statement is a child of its own event's span
        children = [s.name for s in spans if s.parent and s.parent.span_id == span.context.span_id]
        assert children.count("SELECT") == 1, children


class _Collector(BaseHTTPRequestHandler):
    """An OTLP/HTTP receiver that keeps what it is sent and answers 200."""

    received: list[tuple[str, str, bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.received.append((self.path, self.headers.get("Content-Type", ""), body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_args: Any) -> None:
        pass


@contextmanager
def _collector() -> Iterator[tuple[str, list[tuple[str, str, bytes]]]]:
    received: list[tuple[str, str, bytes]] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (_Collector,), {"received": received}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()
