"""Agreements API benchmark: the main reads and writes, 50 concurrent clients, one uvicorn worker, PostgreSQL.

    .tools/bin/uv run python bench/agreements_api.py          # 10 s a scenario; docs/benchmarks-agreements.md
    .tools/bin/uv run python bench/agreements_api.py --quick  # 2 s a scenario, writes nothing

Uses DATABASE_URL when set, else starts a private PostgreSQL (renkei_common.testing.infra). The service
runs as a real process (`python -m renkei_agreements serve`, one worker), migrated first with
`python -m renkei_agreements migrate`. The load generator is this process: httpx.AsyncClient, 50 tasks,
each sending its next request as soon as the previous one answered (closed loop). Every request is
authenticated with a dev JWT, as in production. CPU seconds of the server, PostgreSQL and the generator
are read from /proc, so the report can say what bounded each scenario.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvloop
from renkei_common.auth import mint_dev_token
from renkei_common.settings import ServiceSettings
from renkei_common.testing.infra import PostgresServer, free_port
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks-agreements.md"
CLIENTS = 50
MARKER = "<!-- analysis -->"
YAMAGATA = "062014"
# Municipalities of 山形県 other than 山形市: counterparties of the benchmark's agreements.
PARTNERS = [
    "062022",
    "062031",
    "062049",
    "062057",
    "062065",
    "062073",
    "062081",
    "062090",
    "062103",
    "062111",
    "062120",
    "062138",
    "063011",
    "063029",
    "063215",
    "063223",
    "063231",
    "063240",
]
STEPS = ("consultation", "council_resolution", "conclusion", "public_notice", "notification")
BASELINE = "GET /v1/requirement-rules (auth, no database: the stack's ceiling)"
EVENT_WRITE = "POST /v1/visions/…/actuals (KpiReported outbox + audit)"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its children, live (PostgreSQL backends) or reaped."""
    tick = os.sysconf("SC_CLK_TCK")

    def stat(p: int) -> list[str] | None:
        try:
            raw = Path(f"/proc/{p}/stat").read_text()
        except OSError:
            return None
        return raw[raw.rfind(")") + 2 :].split()

    own = stat(pid)
    total = sum(int(x) for x in own[11:15]) if own else 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (child := stat(int(entry.name))) and int(child[1]) == pid:
            total += int(child[11]) + int(child[12])
    return total / tick


def machine_busy_seconds() -> float:
    """CPU-seconds all CPUs spent outside idle and iowait since boot (/proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    name: str
    kind: str
    requests: int
    errors: int
    seconds: float
    latencies: list[float]
    cpu: dict[str, float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def row(self) -> str:
        parts = ("server", "postgres", "client", "other")
        cpu = " / ".join(f"{self.cpu[k] / self.seconds * 100:.0f}%" for k in parts)
        # Server CPU per request barely depends on what else runs, unlike req/s: it gives the ceiling
        # of one worker that has a core to itself.
        per_request = self.cpu["server"] / max(1, self.requests) * 1000
        return (
            f"| {self.name} | {self.kind} | {self.rate:,.0f} | {pct(self.latencies, 0.5) * 1000:.1f} | "
            f"{pct(self.latencies, 0.99) * 1000:.1f} | {self.errors} | {cpu} | {per_request:.2f} | "
            f"{1000 / per_request:,.0f} |"
        )


class Service:
    """The agreements service as a separate uvicorn process on its own PostgreSQL database."""

    def __init__(self, database_url: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "RENKEI_DATABASE_URL": database_url,
            "RENKEI_PORT": str(self.port),
            "RENKEI_MIGRATE_ON_START": "false",
            "RENKEI_LOG_LEVEL": "WARNING",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        subprocess.run(
            [sys.executable, "-m", "renkei_agreements", "migrate"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.process = subprocess.Popen([sys.executable, "-m", "renkei_agreements", "serve"], env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the agreements service did not become ready")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


def headers(org: str, *roles: str) -> dict[str, str]:
    token = mint_dev_token(
        settings=ServiceSettings(), org=org, roles=list(roles) or ["municipality"], ttl_s=7200
    )
    return {"Authorization": f"Bearer {token}"}


async def seed(http: httpx.AsyncClient) -> dict[str, list[str]]:
    """An area, agreements in force with every partner, and one adopted vision with a KPI per client."""
    me = headers(YAMAGATA)
    area = (
        await http.post(
            "/v1/areas",
            headers=me,
            json={
                "area_type": "metropolitan",
                "name": "ベンチ圏域",
                "declared_on": "2024-04-01",
                "centres": [{"code": YAMAGATA, "day_night_ratio": "1.04"}],
            },
        )
    ).json()
    agreements = []
    for partner in PARTNERS:
        body = {"kind": "renkei_kyoyaku", "title": f"協約 {partner}", "parties": [YAMAGATA, partner]}
        agreement = (await http.post("/v1/agreements", headers=me, json=body)).json()
        for step in STEPS:
            for org in (
                (YAMAGATA, partner) if step in ("council_resolution", "public_notice") else (YAMAGATA,)
            ):
                step_body = {"step": step, "on": "2024-06-01", "number": f"{step}-{org}"}
                if step not in ("council_resolution", "public_notice"):
                    step_body.pop("number")
                await http.post(
                    f"/v1/agreements/{agreement['id']}/steps", headers=headers(org), json=step_body
                )
        agreements.append(agreement["id"])
    kpis = []
    for i in range(CLIENTS):
        vision = (
            await http.post(
                "/v1/visions",
                headers=me,
                json={
                    "area_id": area["id"],
                    "title": f"ビジョン {i}",
                    "first_fiscal_year": 2024,
                    "last_fiscal_year": 2028,
                    "projects": [{"name": "p", "field": "医療", "role": "life_services"}],
                    "kpis": [{"name": "k", "unit": "件", "targets": [{"fiscal_year": 2024, "value": 100}]}],
                },
            )
        ).json()
        await http.post(f"/v1/visions/{vision['id']}/adoption", headers=me, json={"adopted_on": "2024-04-01"})
        kpis.append(f"/v1/visions/{vision['id']}/kpis/{vision['kpis'][0]['id']}/actuals")
    return {"agreements": agreements, "kpis": kpis}


Request = Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]]


def scenarios(data: dict[str, list[str]]) -> list[tuple[str, str, Request]]:
    me = headers(YAMAGATA)
    codes = ["011002", "062014", "130001", "271004", "401005", "472018", *PARTNERS]

    async def list_rules(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get("/v1/requirement-rules", headers=me)

    async def get_municipality(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get(f"/v1/municipalities/{random.choice(codes)}", headers=me)

    async def get_agreement(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get(f"/v1/agreements/{random.choice(data['agreements'])}", headers=me)

    async def list_agreements(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get("/v1/agreements?limit=10", headers=me)

    async def create_agreement(http: httpx.AsyncClient, _: int) -> httpx.Response:
        body = {
            "kind": "renkei_kyoyaku",
            "title": "ベンチ協約",
            "parties": [YAMAGATA, random.choice(PARTNERS)],
        }
        return await http.post("/v1/agreements", headers=me, json=body)

    async def report_kpi(http: httpx.AsyncClient, client: int) -> httpx.Response:
        body = {"fiscal_year": 2024, "value": random.random() * 100, "reported_on": "2025-05-01"}
        return await http.post(data["kpis"][client], headers=me, json=body)

    return [
        (BASELINE, "read", list_rules),
        ("GET /v1/municipalities/{code}", "read", get_municipality),
        ("GET /v1/agreements/{id}", "read", get_agreement),
        ("GET /v1/agreements?limit=10", "read", list_agreements),
        ("POST /v1/agreements (draft + audit)", "write", create_agreement),
        (EVENT_WRITE, "write", report_kpi),
    ]


async def run(
    name: str, kind: str, request: Request, base: str, seconds: float, pids: dict[str, int]
) -> Result:
    # One client (and connection) per task: a shared httpx pool serialises 50 tasks on its own lock and
    # would measure httpx rather than the service.
    clients = [httpx.AsyncClient(base_url=base, timeout=30) for _ in range(CLIENTS)]
    latencies: list[float] = []
    errors = 0
    measuring = False
    stop = time.perf_counter() + seconds + 1.0  # the first second warms up and is not counted

    async def loop(index: int) -> None:
        nonlocal errors
        while (start := time.perf_counter()) < stop:
            response = await request(clients[index], index)
            if measuring:
                latencies.append(time.perf_counter() - start)
                errors += response.status_code >= 400

    tasks = [asyncio.create_task(loop(i)) for i in range(CLIENTS)]
    await asyncio.sleep(1.0)
    measuring = True
    before = {k: cpu_seconds(p) for k, p in pids.items()}
    client_before, machine_before = time.process_time(), machine_busy_seconds()
    began = time.perf_counter()
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    cpu = {k: cpu_seconds(p) - before[k] for k, p in pids.items()}
    cpu["client"] = time.process_time() - client_before
    # Whatever else ran on the machine meanwhile (other test suites share it): it explains noisy figures.
    cpu["other"] = max(0.0, machine_busy_seconds() - machine_before - sum(cpu.values()))
    for client in clients:
        await client.aclose()
    return Result(name, kind, len(latencies), errors, elapsed, latencies, cpu)


async def main_async(seconds: float, database_url: str, pg_pid: int | None) -> list[Result]:
    service = Service(database_url)
    service.start()
    try:
        assert service.process is not None
        pids = {"server": service.process.pid, "postgres": pg_pid or service.process.pid}
        async with httpx.AsyncClient(base_url=service.base, timeout=30) as http:
            data = await seed(http)
        return [
            await run(name, kind, request, service.base, seconds, pids)
            for name, kind, request in scenarios(data)
        ]
    finally:
        service.stop()


def report(results: list[Result], seconds: float) -> str:
    lines = [
        "# Agreements API benchmark",
        "",
        f"`bench/agreements_api.py`, {seconds:.0f} s per scenario after 1 s of warm-up, {CLIENTS} concurrent "
        f"clients (closed loop), one uvicorn worker, PostgreSQL, {os.cpu_count()} CPUs "
        f"({platform.processor() or platform.machine()}), Python {platform.python_version()}. "
        "The load generator, the service and PostgreSQL share the same CPUs.",
        "",
        "| scenario | kind | req/s | p50 ms | p99 ms | errors | CPU server / postgres / client / other "
        "| server CPU ms/req | one-core ceiling req/s |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|",
        *[r.row() for r in results],
        "",
        f"CPU is CPU-seconds per wall-second (100% = one core fully busy; {os.cpu_count()} cores = "
        f"{(os.cpu_count() or 1) * 100}%); `other` is every other process on the machine meanwhile.",
        "",
        *ratio_lines(results),
    ]
    return "\n".join(lines)


def ratio_lines(results: list[Result]) -> list[str]:
    """A write with its event against the auth-only baseline, in req/s and in server CPU per request.

    Both scenarios run in the same process on the same machine minutes apart, so the ratio is what to
    compare between runs (issue 7 item 3); absolute req/s depend on whatever else shares the CPUs.
    """
    by_name = {r.name: r for r in results}
    baseline, write = by_name.get(BASELINE), by_name.get(EVENT_WRITE)
    if baseline is None or write is None or not baseline.requests or not write.requests:
        return []
    cpu_ratio = (baseline.cpu["server"] / baseline.requests) / (write.cpu["server"] / write.requests)
    return [
        f"Write with an event (`{EVENT_WRITE}`) against the auth-only baseline: "
        f"**{write.rate / baseline.rate:.2f}×** the req/s, {cpu_ratio:.2f}× by server CPU per request.",
        "",
    ]


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
    parser.add_argument("--quick", action="store_true", help="2 s per scenario, write nothing")
    parser.add_argument("--seconds", type=float, default=None)
    args = parser.parse_args()
    seconds = args.seconds or (2.0 if args.quick else 10.0)
    server: PostgresServer | None = None
    pg_pid = None
    if url := os.environ.get("DATABASE_URL"):
        admin_url = make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    else:
        server = PostgresServer()
        server.start()
        admin_url = server.url
        pg_pid = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    try:
        database_url = asyncio.run(create_database(admin_url, f"bench_agreements_{uuid.uuid4().hex[:8]}"))
        # uvloop, as uvicorn uses it: the generator shares the CPUs, so its own overhead counts.
        results = uvloop.run(main_async(seconds, database_url, pg_pid))
    finally:
        if server is not None:
            server.close()
    text_report = report(results, seconds)
    print(text_report)
    if not args.quick:
        # The analysis below the marker is written by hand and kept across runs.
        existing = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        analysis = existing.split(MARKER, 1)[1] if MARKER in existing else "\n"
        DOC.write_text(text_report + MARKER + analysis, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
