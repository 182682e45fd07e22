"""Tracing overhead: the same event-emitting write with spans off, on without an exporter, and exported.

    .tools/bin/uv run python bench/tracing.py            # 12 rounds of 100 writes per configuration
    .tools/bin/uv run python bench/tracing.py --quick    # 3 rounds of 40

The write is the agreements benchmark's event write, POST /v1/visions/{id}/kpis/{kpi}/actuals (a KpiReported
outbox row, an audit entry, the idempotency record; traced, 8 spans: the request, the event's creation and
six SQL statements; the report counts them). Three real agreements apps run in this process, each on its
own PostgreSQL database (DATABASE_URL, else a private server), driven through httpx's ASGI transport one
request at a time:

- off: OTEL_SDK_DISABLED=true, no span at all (the trace ids of logs and outbox rows come from the
  request-context middleware alone);
- on: the default without an endpoint: spans are made and dropped, nothing is exported;
- exported: a BatchSpanProcessor hands every span to an exporter that discards it: all of OTLP export
  but the encoding and the network, which run in the processor's own thread.

Configurations alternate round by round, so drift of the shared machine hits them alike; the figure to
compare between runs is the ratio to "off". CPU is this process's (client and server together), per write.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from fastapi import FastAPI
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from renkei_agreements.config import Settings
from renkei_agreements.main import create_app
from renkei_common.testing.client import ServiceClient, service_client
from renkei_common.testing.infra import PostgresServer
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

YAMAGATA = "062014"
CONFIGS = ("off", "on", "exported")


class Discard(SpanExporter):
    """Counts spans and drops them: what remains is the cost of making and batching them."""

    def __init__(self) -> None:
        self.spans = 0

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self.spans += len(spans)
        return SpanExportResult.SUCCESS


@dataclass
class Measured:
    wall_ms: list[float] = field(default_factory=list)  # per round: mean wall ms per write
    cpu_ms: list[float] = field(default_factory=list)  # per round: process CPU ms per write


async def seed(app: ServiceClient) -> str:
    """An area and an adopted vision with one KPI; returns the KPI's actuals URL."""
    me = app.as_(YAMAGATA)
    area = await app.http.post(
        "/v1/areas",
        headers=me,
        json={
            "area_type": "metropolitan",
            "name": "ベンチ圏域",
            "declared_on": "2024-04-01",
            "centres": [{"code": YAMAGATA, "day_night_ratio": "1.04"}],
        },
    )
    assert area.status_code == 201, area.text
    vision = await app.http.post(
        "/v1/visions",
        headers=me,
        json={
            "area_id": area.json()["id"],
            "title": "ビジョン",
            "first_fiscal_year": 2024,
            "last_fiscal_year": 2028,
            "projects": [{"name": "p", "field": "医療", "role": "life_services"}],
            "kpis": [{"name": "k", "unit": "件", "targets": [{"fiscal_year": 2024, "value": 100}]}],
        },
    )
    assert vision.status_code == 201, vision.text
    body = vision.json()
    adopted = await app.http.post(
        f"/v1/visions/{body['id']}/adoption", headers=me, json={"adopted_on": "2024-04-01"}
    )
    assert adopted.status_code == 200, adopted.text
    return f"/v1/visions/{body['id']}/kpis/{body['kpis'][0]['id']}/actuals"


async def writes(app: ServiceClient, url: str, count: int) -> tuple[float, float]:
    """`count` writes one after another: (wall ms, CPU ms) per write."""
    me = app.as_(YAMAGATA)
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(count):
        body = {"fiscal_year": 2024, "value": i % 100, "reported_on": "2025-05-01"}
        response = await app.http.post(url, headers=me, json=body)
        assert response.status_code in (200, 201), response.text
    return (time.perf_counter() - wall) * 1000 / count, (time.process_time() - cpu) * 1000 / count


async def run(urls: dict[str, str], rounds: int, per_round: int) -> tuple[dict[str, Measured], int]:
    measured = {config: Measured() for config in CONFIGS}
    discard = Discard()
    async with (
        _app(urls["off"], disabled=True) as off,
        _app(urls["on"]) as on,
        _app(urls["exported"]) as exported,
    ):
        exported.app.state.tracing.add_span_processor(BatchSpanProcessor(discard))
        apps = {"off": off, "on": on, "exported": exported}
        targets = {config: await seed(app) for config, app in apps.items()}
        for config, app in apps.items():  # warm-up: connection pools, statement caches
            await writes(app, targets[config], 20)
        spans_before = discard.spans
        for round_ in range(rounds):
            order = CONFIGS if round_ % 2 == 0 else tuple(reversed(CONFIGS))
            for config in order:
                wall, cpu = await writes(apps[config], targets[config], per_round)
                measured[config].wall_ms.append(wall)
                measured[config].cpu_ms.append(cpu)
        exported.app.state.tracing.provider.force_flush()
        spans_per_write = round((discard.spans - spans_before) / (rounds * per_round))
    return measured, spans_per_write


@asynccontextmanager
async def _app(database_url: str, *, disabled: bool = False) -> AsyncIterator[ServiceClient]:
    def create(settings: Settings, *, background: bool) -> FastAPI:
        # The app reads OTEL_SDK_DISABLED while it builds its tracing: set only for that moment.
        if disabled:
            os.environ["OTEL_SDK_DISABLED"] = "true"
        try:
            return create_app(settings, background=background)
        finally:
            os.environ.pop("OTEL_SDK_DISABLED", None)

    async with service_client(create, Settings, database_url=database_url) as app:
        yield app


def report(measured: dict[str, Measured], spans_per_write: int, rounds: int, per_round: int) -> str:
    """Medians of the round means, and of the per-round ratios to "off" (paired: a round's
    configurations ran back to back, so the ratio cancels most of the machine's drift)."""

    def ratio(config: str, series: str) -> float:
        ours, off = getattr(measured[config], series), getattr(measured["off"], series)
        return statistics.median(a / b for a, b in zip(ours, off, strict=True))

    lines = [
        f"Tracing overhead, {rounds} rounds × {per_round} writes per configuration "
        f"({spans_per_write} spans per traced write):",
        "",
        "| configuration | wall ms/write | × off | CPU ms/write | × off |",
        "|---|---:|---:|---:|---:|",
    ]
    for config in CONFIGS:
        wall = statistics.median(measured[config].wall_ms)
        cpu = statistics.median(measured[config].cpu_ms)
        wall_x, cpu_x = ratio(config, "wall_ms"), ratio(config, "cpu_ms")
        lines.append(f"| {config} | {wall:.2f} | {wall_x:.3f} | {cpu:.2f} | {cpu_x:.3f} |")
    return "\n".join(lines)


async def create_database(admin_url: str, name: str) -> str:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="3 rounds of 40 writes")
    args = parser.parse_args()
    rounds, per_round = (3, 40) if args.quick else (12, 100)
    server: PostgresServer | None = None
    if url := os.environ.get("DATABASE_URL"):
        admin_url = make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    else:
        server = PostgresServer()
        server.start()
        admin_url = server.url
    try:
        tag = uuid.uuid4().hex[:8]
        urls = {c: asyncio.run(create_database(admin_url, f"bench_tracing_{c}_{tag}")) for c in CONFIGS}
        measured, spans_per_write = asyncio.run(run(urls, rounds, per_round))
    finally:
        if server is not None:
            server.close()
    print(report(measured, spans_per_write, rounds, per_round))
    return 0


if __name__ == "__main__":
    sys.exit(main())
