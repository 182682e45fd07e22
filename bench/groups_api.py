"""Groups API benchmark: its main reads and writes beside the agreements baseline, in the same run.

    .tools/bin/uv run python bench/groups_api.py          # 10 s a scenario; docs/benchmarks-groups.md
    .tools/bin/uv run python bench/groups_api.py --quick  # 2 s a scenario, writes nothing

The method is that of bench/agreements_api.py, whose machinery this reuses. Each service runs as a real
process (`python -m renkei_<service> serve`, one uvicorn worker) on its own fresh PostgreSQL database. The
load comes from 50 closed-loop clients, each authenticated with a dev JWT. CPU seconds come from /proc. The
baseline is the agreements service's auth-only endpoint (`GET /v1/requirement-rules`). It runs in the same
run as the groups scenarios, so the ratio to it can be compared between runs on a noisy, shared machine.
The groups scenarios also have their own no-database endpoint (the shipped default profile).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import uvloop
from renkei_common.testing.infra import PostgresServer
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
from agreements_api import (
    BASELINE,
    CLIENTS,
    MARKER,
    Request,
    Result,
    Service,
    create_database,
    headers,
    run,
)

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks-groups.md"
TENDO = "062103"
EVENT_WRITE = "POST /v1/groups/{id}/supports (GroupSupportGranted outbox + audit)"
APPLICATION = {
    "municipality_code": TENDO,
    "office": "天童市中部公民館",
    "area": "天童中部地区",
    "representative": {"name": "代表者", "address": "天童市", "contact": "000"},
    "members": [
        {"kind": "organisation", "name": "町内会", "organisation_kind": "neighbourhood_association",
         "resident_share": "0.9"},
        {"kind": "organisation", "name": "PTA", "organisation_kind": "pta", "resident_share": "0.8"},
        *[{"kind": "individual", "name": f"会員{i}", "resident": i % 3 != 0} for i in range(20)],
    ],
    "activities": [{"code": "area_cleaning"}, {"code": "watching_over"}],
    "article_items": [
        "purpose", "name", "area", "office", "membership", "representative", "meetings", "assets",
        "democratic_decision_making", "open_membership", "officer_election", "financial_disclosure",
    ],
    "documents": [
        {"kind": k, "title": k}
        for k in ("articles", "member_list", "activity_plan", "budget", "financial_statement")
    ],
}  # fmt: skip


class GroupsService(Service):
    """The groups service as a separate uvicorn process (the agreements harness, another module)."""

    def start(self) -> None:
        subprocess.run(
            [sys.executable, "-m", "renkei_groups", "migrate"],
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.process = subprocess.Popen([sys.executable, "-m", "renkei_groups", "serve"], env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the groups service did not become ready")


async def seed(http: httpx.AsyncClient) -> list[str]:
    """An ordinance of 天童市 and one designated group per client, each with a no-bid contract."""
    city = headers(TENDO)
    profile = {
        "municipality_code": TENDO,
        "ordinance_title": "条例",
        "enacted_on": "2025-03-01",
        "effective_on": "2025-04-01",
    }
    (await http.post("/v1/ordinance-profiles", headers=city, json=profile)).raise_for_status()
    groups = []
    for i in range(CLIENTS):
        group = f"BENCH-{i:03d}"
        mine = headers(group, "group")
        base = f"/v1/applications/{group}"
        steps = (
            ("/v1/applications", mine, {**APPLICATION, "name": f"ベンチ協議会{i}"}),
            (f"{base}/submission", mine, {"submitted_on": "2025-05-01"}),
            (f"{base}/review", city, None),
            (f"{base}/designation", city,
             {"decided_on": "2025-06-01", "reasons": "要件充足", "notice_number": f"第{i}号"}),
            (
                f"/v1/groups/{group}/contracts",
                city,
                {"subject": "公園管理", "amount_yen": 100_000 + i, "fiscal_year": 2025,
                 "start_on": "2025-07-01", "end_on": "2026-03-31", "awarded_on": "2025-06-20"},
            ),
        )  # fmt: skip
        for url, who, body in steps:
            (await http.post(url, headers=who, json=body)).raise_for_status()
        groups.append(group)
    return groups


def baseline_scenario(agreements_base: str) -> tuple[str, str, Request, str]:
    me = headers(TENDO)

    async def list_rules(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get("/v1/requirement-rules", headers=me)

    return (f"agreements {BASELINE}", "read", list_rules, agreements_base)


def scenarios(groups: list[str]) -> list[tuple[str, str, Request]]:
    city = headers(TENDO)
    prefecture = headers("060003", "prefecture")

    async def default_profile(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get(f"/v1/ordinance-profiles/default?municipality_code={TENDO}", headers=city)

    async def get_application(http: httpx.AsyncClient, client: int) -> httpx.Response:
        return await http.get(f"/v1/applications/{groups[client]}", headers=city)

    async def list_applications(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get("/v1/applications?limit=10", headers=prefecture)

    async def public_notices(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get("/v1/public/notices?limit=10")

    async def ocds_release_package(http: httpx.AsyncClient, _: int) -> httpx.Response:
        return await http.get(f"/v1/public/ocds/release-package?municipality_code={TENDO}&limit=10")

    async def grant_support(http: httpx.AsyncClient, client: int) -> httpx.Response:
        body = {
            "kind": "grant",
            "fiscal_year": 2025,
            "purpose": "活動費",
            "granted_on": "2025-07-01",
            "amount_yen": 1000,
        }
        return await http.post(f"/v1/groups/{groups[client]}/supports", headers=city, json=body)

    async def grant_lease(http: httpx.AsyncClient, _: int) -> httpx.Response:
        # A fresh asset each time: the overlap check and the asset's lock without ever conflicting.
        body = {"asset_id": uuid.uuid4().hex, "asset_name": "公民館", "start_on": "2025-07-01",
                "end_on": "2026-03-31", "rent_yen": 0}  # fmt: skip
        return await http.post(f"/v1/groups/{groups[_ % len(groups)]}/leases", headers=city, json=body)

    return [
        ("GET /v1/ordinance-profiles/default (auth, no database)", "read", default_profile),
        ("GET /v1/applications/{id} (22 members)", "read", get_application),
        ("GET /v1/applications?limit=10 (prefecture)", "read", list_applications),
        ("GET /v1/public/notices?limit=10 (no token, ETag)", "read", public_notices),
        ("GET /v1/public/ocds/release-package (10 releases)", "read", ocds_release_package),
        (EVENT_WRITE, "write", grant_support),
        ("POST /v1/groups/{id}/leases (asset lock + overlap check + event)", "write", grant_lease),
    ]


async def main_async(seconds: float, admin_url: str, pg_pid: int | None) -> list[Result]:
    agreements = Service(await create_database(admin_url, f"bench_agreements_{uuid.uuid4().hex[:8]}"))
    groups = GroupsService(await create_database(admin_url, f"bench_groups_{uuid.uuid4().hex[:8]}"))
    agreements.start()
    groups.start()
    results = []
    try:
        assert agreements.process is not None and groups.process is not None
        async with httpx.AsyncClient(base_url=groups.base, timeout=30) as http:
            seeded = await seed(http)
        name, kind, request, base = baseline_scenario(agreements.base)
        pids = {"server": agreements.process.pid, "postgres": pg_pid or agreements.process.pid}
        results.append(await run(name, kind, request, base, seconds, pids))
        pids = {"server": groups.process.pid, "postgres": pg_pid or groups.process.pid}
        for name, kind, request in scenarios(seeded):
            results.append(await run(name, kind, request, groups.base, seconds, pids))
        return results
    finally:
        groups.stop()
        agreements.stop()


def report(results: list[Result], seconds: float) -> str:
    baseline = results[0]
    write = next((r for r in results if r.name == EVENT_WRITE), None)
    ratios = [f"- `{r.name}`: **{r.rate / baseline.rate:.2f}×** the baseline's req/s" for r in results[1:]]
    lines = [
        "# Groups API benchmark",
        "",
        f"`bench/groups_api.py`, {seconds:.0f} s per scenario after 1 s of warm-up, {CLIENTS} concurrent "
        f"clients (closed loop), one uvicorn worker per service, PostgreSQL, {os.cpu_count()} CPUs "
        f"({platform.processor() or platform.machine()}), Python {platform.python_version()}. "
        "The load generator, the services and PostgreSQL share the same CPUs. The first row is the "
        "agreements service's auth-only baseline, measured in the same run.",
        "",
        "| scenario | kind | req/s | p50 ms | p99 ms | errors | CPU server / postgres / client / other "
        "| server CPU ms/req | one-core ceiling req/s |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|",
        *[r.row() for r in results],
        "",
        "Against the baseline of the same run:",
        "",
        *ratios,
        "",
    ]
    if write is not None and write.requests and baseline.requests:
        per = (baseline.cpu["server"] / baseline.requests) / (write.cpu["server"] / write.requests)
        lines += [f"By server CPU per request, the write with its event is {per:.2f}× the baseline.", ""]
    return "\n".join(lines)


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
        # uvloop, as uvicorn uses it: the generator shares the CPUs, so its own overhead counts.
        results = uvloop.run(main_async(seconds, admin_url, pg_pid))
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
