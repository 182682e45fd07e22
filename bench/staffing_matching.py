"""Candidate matching benchmark: 10,000 specialists, 2,000 needs, latency per candidates query (p50, p99).

    .tools/bin/uv run python bench/staffing_matching.py          # 2,000 queries; docs/benchmarks-staffing.md
    .tools/bin/uv run python bench/staffing_matching.py --quick  # 200 queries, writes nothing

Uses DATABASE_URL when set, else starts a private PostgreSQL (renkei_common.testing.infra). The staffing
service runs as a real process (`python -m renkei_staffing serve`, one uvicorn worker) on a fresh database,
migrated first. The data is inserted directly (it is not what is measured): 10,000 specialists over the
professions with licences (some expiring), employed by the 47 prefectures; 2,000 needs of municipalities;
4,000 past and current dispatches, so that availability and continuity have something to find.

The same run measures the auth-only baseline: `GET /v1/professions/{code}` (token check plus one
primary-key read), so that the matching figure can be read against what any request costs on this machine.
Queries go one at a time (latency, not throughput) and then from 8 concurrent clients.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from renkei_common.auth import mint_dev_token
from renkei_common.persistence import new_id
from renkei_common.refdata import load_registry
from renkei_common.settings import ServiceSettings
from renkei_common.testing.infra import PostgresServer, free_port
from renkei_staffing.adapters.orm import DispatchRow, NeedRow, SpecialistRow
from renkei_staffing.domain.dispatch_rules import exclusions
from renkei_staffing.domain.professions import STANDARD_PROFESSIONS
from renkei_staffing.domain.specialists import licence_window
from renkei_staffing.service_layer.specialists import licences_of
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks-staffing.md"
MARKER = "<!-- analysis -->"
SPECIALISTS, NEEDS, DISPATCHES = 10_000, 2_000, 4_000
CONCURRENT = 8
SEED = 20241


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Service:
    """The staffing service as a separate uvicorn process on its own PostgreSQL database."""

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

    def migrate(self) -> None:
        subprocess.run(
            [sys.executable, "-m", "renkei_staffing", "migrate"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "renkei_staffing", "serve"], env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the staffing service did not become ready")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


async def create_database(admin_url: str, name: str) -> str:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    async with engine.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


async def seed(database_url: str) -> list[tuple[str, str]]:
    """Insert the data set; returns (need id, municipality code) of every need."""
    rng = random.Random(SEED)
    registry = load_registry()
    prefectures = [g.code for g in registry if g.is_prefecture]
    receivers = [g.code for g in registry if g.is_municipality and not exclusions(g)]
    professions = [p for p in STANDARD_PROFESSIONS]
    now = datetime.now(UTC)
    specialists, by_profession = [], {p.code: [] for p in professions}
    for i in range(SPECIALISTS):
        profession = professions[i % len(professions)]
        employer = rng.choice(prefectures)
        start = date(2015 + rng.randrange(10), 4, 1)
        licences = [
            {
                "kind": kind,
                "number": f"L-{i:05d}",
                "valid_from": None,
                # One in five licences expires within the needs' horizon.
                "expires_on": (date(2025, 4, 1) + timedelta(days=rng.randrange(1500))).isoformat()
                if rng.random() < 0.2
                else None,
            }
            for kind in profession.required_licences
        ]
        valid_from, valid_until = licence_window(licences_of(licences), profession.required_licences)
        row = {
            "id": new_id(),
            "profession_code": profession.code,
            "employer_code": employer,
            "employed_from": start,
            "employed_until": date(start.year + 10 + rng.randrange(15), 3, 31),
            "name": f"専門人材 {i:05d}",
            "contact": None,
            "licences": licences,
            "licence_valid_from": valid_from,
            "licence_valid_until": valid_until,
            "row_version": 1,
            "created_by_org": employer,
            "created_at": now,
        }
        specialists.append(row)
        by_profession[profession.code].append(row)
    dispatches = []
    for _ in range(DISPATCHES):
        profession = rng.choice(professions)
        person = rng.choice(by_profession[profession.code])
        start = date(2020 + rng.randrange(8), 4, 1)
        dispatches.append(
            {
                "id": new_id(),
                "specialist_id": person["id"],
                "profession_code": profession.code,
                "employer_code": person["employer_code"],
                "receiving_code": rng.choice(
                    [c for c in receivers if c[:2] == person["employer_code"][:2]] or receivers
                ),
                "agreement_id": "bench",
                "need_id": None,
                "starts_on": start,
                "ends_on": date(start.year + 1 + rng.randrange(2), 3, 31),
                "status": "active",
                "ended_on": None,
                "end_reason": None,
                "end_note": None,
                "flagged_at": None,
                "agreement_terminated_on": None,
                "row_version": 1,
                "created_by_org": person["employer_code"],
                "created_at": now,
            }
        )
    needs = []
    for _ in range(NEEDS):
        start = date(2025 + rng.randrange(3), 4, 1)
        municipality = rng.choice(receivers)
        needs.append(
            {
                "id": new_id(),
                "municipality_code": municipality,
                "profession_code": rng.choice(professions).code,
                "starts_on": start,
                "ends_on": date(start.year + 1 + rng.randrange(2), 3, 31),
                "workload_percent": 100,
                "description": "",
                "status": "open",
                "dispatch_id": None,
                "closed_at": None,
                "row_version": 1,
                "created_by_org": municipality,
                "created_at": now,
            }
        )
    engine = create_async_engine(database_url)
    async with engine.begin() as conn:
        await conn.execute(insert(SpecialistRow), specialists)
        await conn.execute(insert(DispatchRow), dispatches)
        await conn.execute(insert(NeedRow), needs)
        await conn.execute(text("ANALYZE"))
    await engine.dispose()
    return [(n["id"], n["municipality_code"]) for n in needs]


def headers(org: str, role: str) -> dict[str, str]:
    token = mint_dev_token(settings=ServiceSettings(), org=org, roles=[role], ttl_s=7200)
    return {"Authorization": f"Bearer {token}"}


async def measure(
    http: httpx.AsyncClient, urls: list[tuple[str, dict[str, str]]], clients: int
) -> tuple[list[float], int, float]:
    """Latencies (ms) of every request, the number of non-200 answers, and the wall time (s)."""
    latencies: list[float] = []
    errors = 0
    queue = list(urls)

    async def worker() -> None:
        nonlocal errors
        while queue:
            url, hdrs = queue.pop()
            started = time.perf_counter()
            response = await http.get(url, headers=hdrs)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return latencies, errors, time.perf_counter() - started


async def main_async(database_url: str, queries: int) -> list[str]:
    service = Service(database_url)
    service.migrate()
    needs = await seed(database_url)
    service.start()
    load_before = os.getloadavg()[0]
    rng = random.Random(SEED + 1)
    rows = []
    try:
        async with httpx.AsyncClient(base_url=service.base, timeout=30) as http:
            chosen = [rng.choice(needs) for _ in range(queries)]
            candidates = [
                (f"/v1/needs/{nid}/candidates?limit=20", headers(code, "municipality"))
                for nid, code in chosen
            ]
            baseline = [("/v1/professions/forester", headers(code, "municipality")) for _, code in chosen]
            await measure(
                http, candidates[:50] + baseline[:50], 1
            )  # warm-up: connections, caches, JIT-free paths
            for clients in (1, CONCURRENT):
                for name, urls in (
                    ("auth-only baseline: GET /v1/professions/{code}", baseline),
                    ("GET /v1/needs/{id}/candidates?limit=20", candidates),
                ):
                    latencies, errors, wall = await measure(http, urls, clients)
                    rows.append(
                        f"| {name} | {clients} | {len(latencies)} | {len(latencies) / wall:,.0f} | "
                        f"{pct(latencies, 0.5):.1f} | {pct(latencies, 0.99):.1f} | {errors} |"
                    )
            sample = (await http.get(candidates[0][0], headers=candidates[0][1])).json()["data"]
    finally:
        service.stop()
    header = [
        "# Staffing benchmark: candidate matching (`bench/staffing_matching.py`)",
        "",
        f"{SPECIALISTS:,} specialists, {NEEDS:,} needs, {DISPATCHES:,} dispatches; one uvicorn worker on "
        f"PostgreSQL; {platform.machine()}, {os.cpu_count()} CPUs shared with the database and the client; "
        f"{datetime.now(UTC):%Y-%m-%d}. Latency is measured at the client, per request. Load average "
        f"(1 min) {load_before:.1f} before and {os.getloadavg()[0]:.1f} after the run: other work on the "
        "machine inflates every figure alike, so read the candidates query against the baseline.",
        "",
        "| request | clients | requests | req/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"A query ranks the specialists of the need's profession (about {SPECIALISTS // 9:,}) in the "
        f"database, then checks and explains the best 20 in Python; the first answer of this run listed "
        f"{len(sample)} candidates.",
        "",
    ]
    return header


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="200 queries, write nothing")
    args = parser.parse_args()
    queries = 200 if args.quick else 2_000
    server: PostgresServer | None = None
    if url := os.environ.get("DATABASE_URL"):
        admin_url = make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)
    else:
        server = PostgresServer()
        server.start()
        admin_url = server.url
    try:
        database_url = asyncio.run(create_database(admin_url, f"bench_staffing_{uuid.uuid4().hex[:8]}"))
        lines = asyncio.run(main_async(database_url, queries))
    finally:
        if server is not None:
            server.close()
    report = "\n".join(lines)
    print(report)
    if not args.quick:
        # The analysis below the marker is written by hand and kept across runs.
        existing = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        analysis = existing.split(MARKER, 1)[1] if MARKER in existing else "\n"
        DOC.write_text(report + "\n" + MARKER + analysis, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
