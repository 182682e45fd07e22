"""One trace from a write in agreements to its handling in finance, over Kafka and over the HTTP feed.

The real apps, databases and broker; the only stand-in is where finished spans go (the SDK's in-memory
exporter, added to each service's own tracer provider).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from renkei_agreements.config import Settings as AgreementsSettings
from renkei_agreements.main import create_app as create_agreements
from renkei_common.events.feed import FeedConsumerRunner
from renkei_common.testing.client import ServiceClient, service_client
from renkei_common.testing.kafka_offsets import start_group_at_end
from renkei_common.topology import events_topic
from renkei_finance.adapters.orm import AreaProjection
from renkei_finance.config import Settings as FinanceSettings
from renkei_finance.consumers import REGISTRY as FINANCE_HANDLERS
from renkei_finance.main import create_app as create_finance

from tests.backbone import eventually, second_url

AREA_DECLARED = "jp.renkei.agreements.AreaDeclared.v1"
YAMAGATA, TENDO, KAMINOYAMA = "062014", "062103", "062073"
# The caller's own trace (a gateway, a browser): the write continues it.
CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
CALLER_SPAN = "00f067aa0ba902b7"


def _traced(client: ServiceClient, exporter: InMemorySpanExporter) -> None:
    client.app.state.tracing.add_span_processor(SimpleSpanProcessor(exporter))


async def _declare_area(agreements: ServiceClient) -> tuple[str, httpx.Response]:
    body = {
        "area_type": "metropolitan",
        "name": "トレース圏域",
        "declared_on": "2024-04-01",
        "centres": [{"code": YAMAGATA, "day_night_ratio": "1.05"}],
        "members": [{"code": code, "commuting_share": "0.2"} for code in (TENDO, KAMINOYAMA)],
    }
    headers = {
        **agreements.as_(YAMAGATA),
        "traceparent": f"00-{CALLER_TRACE}-{CALLER_SPAN}-01",
        "Idempotency-Key": uuid.uuid4().hex,
    }
    response = await agreements.http.post("/v1/areas", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["id"], response


async def _projected(finance: ServiceClient, area_id: str) -> bool:
    async with finance.db.session() as session:
        return await session.get(AreaProjection, area_id) is not None


def _one(spans: list[ReadableSpan], what: str, **where: object) -> ReadableSpan:
    found = [s for s in spans if all(_get(s, k) == v for k, v in where.items())]
    assert len(found) == 1, f"{what}: expected one span with {where}, found {[s.name for s in found]}"
    return found[0]


def _get(span: ReadableSpan, key: str) -> object:
    if key == "service":
        return span.resource.attributes.get("service.name")
    if key == "parent":
        return span.parent.span_id if span.parent else None
    return getattr(span, key)


def _write_spans(
    exporter: InMemorySpanExporter, response: httpx.Response
) -> tuple[list[ReadableSpan], ReadableSpan]:
    """The spans of the write's trace and its event's creation span; the server span checked."""
    spans = [s for s in exporter.get_finished_spans() if f"{s.context.trace_id:032x}" == CALLER_TRACE]
    server = _one(spans, "server span", name="POST /v1/areas", kind=SpanKind.SERVER, service="agreements")
    assert server.parent is not None and f"{server.parent.span_id:016x}" == CALLER_SPAN
    assert response.headers["traceparent"] == f"00-{CALLER_TRACE}-{server.context.span_id:016x}-01"
    assert server.attributes is not None and server.attributes["http.response.status_code"] == 201
    create = _one(spans, "creation span", name=f"create {AREA_DECLARED}", parent=server.context.span_id)
    assert create.kind == SpanKind.PRODUCER
    sql = [
        s
        for s in spans
        if s.parent and s.parent.span_id == server.context.span_id and s.kind == SpanKind.CLIENT
    ]
    assert "INSERT" in {s.name for s in sql}, "the write's statements are children of its server span"
    return spans, create


def _check_handling(spans: list[ReadableSpan], parent: ReadableSpan, create: ReadableSpan) -> ReadableSpan:
    process = _one(spans, "consumer span", name=f"process {AREA_DECLARED}", service="finance")
    assert process.kind == SpanKind.CONSUMER
    assert process.parent is not None and process.parent.span_id == parent.context.span_id
    assert process.attributes is not None and process.attributes["renkei.outcome"] == "applied"
    handler_sql = [s for s in spans if s.parent and s.parent.span_id == process.context.span_id]
    assert {"SELECT", "DELETE"} <= {s.name for s in handler_sql}, "the handler's statements are its children"
    assert all(s.resource.attributes["service.name"] == "finance" for s in handler_sql)
    if parent is not create:
        assert [link.context.span_id for link in process.links] == [create.context.span_id]
    return process


@asynccontextmanager
async def _services(
    database_url: str, tmp_path: Path, request: pytest.FixtureRequest, **transport: object
) -> AsyncIterator[tuple[ServiceClient, ServiceClient, InMemorySpanExporter]]:
    pg = None if database_url.startswith("sqlite") else request.getfixturevalue("new_postgres_database")
    kafka = transport.get("transport") == "kafka"
    exporter = InMemorySpanExporter()
    async with (
        service_client(
            create_agreements, AgreementsSettings, database_url=database_url, background=kafka, **transport
        ) as agreements,
        service_client(
            create_finance,
            FinanceSettings,
            database_url=second_url(database_url, tmp_path, pg),
            background=kafka,
            **transport,
        ) as finance,
    ):
        _traced(agreements, exporter)
        _traced(finance, exporter)
        yield agreements, finance, exporter


@pytest.mark.kafka
async def test_one_trace_from_a_write_in_agreements_to_finance_over_kafka(
    database_url: str, tmp_path: Path, kafka_bootstrap: str, request: pytest.FixtureRequest
) -> None:
    group = f"g-trace-{uuid.uuid4().hex[:8]}"
    await start_group_at_end(kafka_bootstrap, group, map(events_topic, FINANCE_HANDLERS.subscriptions))
    kafka = {"transport": "kafka", "kafka_bootstrap": kafka_bootstrap, "consumer_group": group}
    async with _services(database_url, tmp_path, request, **kafka) as (agreements, finance, exporter):
        area_id, response = await _declare_area(agreements)
        await eventually(lambda: _projected(finance, area_id), what="the area projected by finance")
        spans, create = _write_spans(exporter, response)
        # Server span → creation span → the relay's send span → finance's consumer span, one trace.
        send = _one(spans, "send span", name="send renkei.agreements.events", parent=create.context.span_id)
        assert send.kind == SpanKind.PRODUCER and send.resource.attributes["service.name"] == "agreements"
        process = _check_handling(spans, send, create)
        assert send.attributes and process.attributes
        assert send.attributes["messaging.message.id"] == process.attributes["cloudevents.event_id"]


async def test_one_trace_from_a_write_in_agreements_to_finance_over_the_feed(
    database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    async with _services(database_url, tmp_path, request) as (agreements, finance, exporter):
        area_id, response = await _declare_area(agreements)
        runner = FeedConsumerRunner(
            processor=finance.runtime.processor,
            source="agreements",
            base_url="http://agreements",
            token=lambda: finance.token("finance", "service"),
            wait_s=0.5,
            client=httpx.AsyncClient(transport=httpx.ASGITransport(app=agreements.app)),
        )
        stop = asyncio.Event()
        task = asyncio.create_task(runner.run(stop))
        try:
            await eventually(lambda: _projected(finance, area_id), what="the area projected by finance")
        finally:
            stop.set()
            await task
        spans, create = _write_spans(exporter, response)
        # No relay on the feed: the consumer span is a child of the event's creation span itself.
        assert not [s for s in spans if s.name.startswith("send ")]
        _check_handling(spans, create, create)
        # The feed's own long polls are requests of their own, never part of the write's trace.
        polls = [s for s in exporter.get_finished_spans() if s.name == "GET /v1/events"]
        assert polls and all(f"{s.context.trace_id:032x}" != CALLER_TRACE for s in polls)
