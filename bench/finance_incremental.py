"""Finance through its database: a full national recompute, then one event at a time and its incremental run.

    UV_PYTHON_DOWNLOADS=never .tools/bin/uv run python bench/finance_incremental.py [--quick] [--postgres]

Loads the synthetic national data of `finance_recompute.py` into a fresh SQLite (or, with --postgres, a
PostgreSQL: DATABASE_URL's server or a private one) finance database (the
projections, as the consumers would have written them), runs a full recompute, then applies amended
agreements one by one through the real consumer runtime (inbox, typed handler, dirty marks) and runs the
incremental recompute after each. Baseline in the same run: the same events applied with a trivial handler
(inbox only). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Awaitable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar, cast

from renkei_common.db import CommonBase, Database
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.contracts import AgreementAmended, Party
from renkei_common.events.envelope import EventEnvelope
from renkei_common.refdata import load_registry
from renkei_common.testing.infra import PostgresServer
from renkei_finance.adapters.orm import (
    AgreementPartyProjection,
    AgreementProjection,
    AreaMemberProjection,
    AreaProjection,
    Base,
    CostShareProjection,
    CostSharingProjection,
    DispatchProjection,
    StaffingCostProjection,
    VisionBudgetProjection,
    VisionProjection,
)
from renkei_finance.consumers import REGISTRY
from renkei_finance.service_layer.recompute import recompute
from sqlalchemy import Table, insert
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from finance_recompute import YEARS, national_snapshot, shared_facilities
from pipeline_lib.infra import Infra


async def load(db: Database) -> list[tuple[str, str, str]]:
    """Write the snapshot as projection rows; returns (agreement id, centre, partner) of each agreement."""
    snapshot = national_snapshot()
    rng = random.Random(5)
    by_prefecture: dict[str, list[str]] = defaultdict(list)
    for g in load_registry().municipalities():
        by_prefecture[g.prefecture_code].append(g.code)
    now = datetime.now(UTC)
    meta = {"aggregate_version": 1, "tombstone": False, "last_event_id": "seed", "updated_at": now}
    agreements = []
    async with db.transaction() as session:
        for area in snapshot.areas:
            session.add(
                AreaProjection(
                    area_id=area.area_id,
                    area_type=area.area_type,
                    name=area.name,
                    centre_codes=list(area.centre_codes),
                    declared_on=date(2016, 4, 1),
                    **meta,
                )
            )
            session.add(
                VisionProjection(
                    vision_id=f"v-{area.area_id}",
                    area_id=area.area_id,
                    area_type=area.area_type,
                    title="ビジョン",
                    first_fiscal_year=YEARS[0],
                    last_fiscal_year=YEARS[-1],
                    adopted_on=date(2016, 4, 1),
                    **meta,
                )
            )
        await session.flush()  # no relationship() orders the inserts: parents first, by hand
        session.add_all(
            AreaMemberProjection(area_id=area.area_id, code=m.code, since=m.since, until=m.until, role=m.role)
            for area in snapshot.areas
            for m in area.members
        )
        for a in snapshot.agreements:
            centre, partner = sorted(a.party_codes)
            agreements.append((a.agreement_id, centre, partner))
            session.add(
                AgreementProjection(
                    agreement_id=a.agreement_id,
                    version=1,
                    kind="renkei_kyoyaku",
                    title="協約",
                    party_codes=sorted(a.party_codes),
                    area_id=None,
                    concluded_on=a.in_force_on,
                    in_force_on=a.in_force_on,
                    terminated_on=None,
                    status="in_force",
                    **meta,
                )
            )
        await session.flush()
        session.add_all(
            AgreementPartyProjection(agreement_id=a.agreement_id, code=code, role="party")
            for a in snapshot.agreements
            for code in a.party_codes
        )
        merged: dict[tuple[str, str, int, str], VisionBudgetProjection] = {}
        for b in snapshot.budgets:
            key = (f"v-{b.area_id}", b.project_id, b.fiscal_year, b.municipality_code)
            if key in merged:
                merged[key].amount_yen += b.amount_yen
                continue
            merged[key] = VisionBudgetProjection(
                vision_id=key[0],
                project_id=b.project_id,
                fiscal_year=b.fiscal_year,
                municipality_code=b.municipality_code,
                project_name="事業",
                field=b.field,
                bond_eligibility=b.bond_eligibility,
                amount_yen=b.amount_yen,
            )
        session.add_all(merged.values())
        dispatches = [
            {
                "dispatch_id": f"d-{c.cost_id}",
                "employer_code": c.employer_code,
                "receiving_code": rng.choice(by_prefecture[c.employer_code[:2]]),
                "agreement_id": "ag-dispatch",
                "profession_code": "public_health_nurse",
                "starts_on": date(2024, 4, 1),
                "ends_on": None,
                "ended_on": None,
                "status": "flagged" if c.covered_until else "active",
                "flag_terminated_on": c.covered_until,
                "flag_reason": "agreement_terminated" if c.covered_until else None,
                **meta,
            }
            for c in snapshot.staffing_costs
        ]
        costs = [
            {
                "cost_id": c.cost_id,
                "kind": "personnel",
                "employer_code": c.employer_code,
                "receiving_code": dispatch["receiving_code"],
                "fiscal_year": c.fiscal_year,
                "month": c.month,
                "amount_yen": c.eligible_yen,
                "eligible_yen": c.eligible_yen,
                "dispatch_id": dispatch["dispatch_id"],
                **meta,
            }
            for c, dispatch in zip(snapshot.staffing_costs, dispatches, strict=True)
        ]
        facilities = shared_facilities(snapshot)
        sharings = [
            {
                "shared_service_id": facility_id,
                "fiscal_year": fy,
                "name": "共同設置施設",
                "category": "facility",
                "area_id": area_id,
                "cost_yen": cost,
                "formula": {"population": 1, "truncate_below_yen": 1000, "remainder_to": "host"},
                "revision": 1,
                "agreed_on": date(fy, 3, 1),
                **meta,
            }
            for facility_id, area_id, fy, cost, _ in facilities
        ]
        shares = [
            {
                "shared_service_id": facility_id,
                "fiscal_year": fy,
                "municipality_code": code,
                "share_yen": share,
                "population": snapshot.populations.get(code),
                "usage": None,
            }
            for facility_id, _, fy, _, by_code in facilities
            for code, share in by_code.items()
        ]
        # Core inserts in chunks: tens of thousands of rows, and no ORM object is needed for any.
        for model, rows in (
            (DispatchProjection, dispatches),
            (StaffingCostProjection, costs),
            (CostSharingProjection, sharings),
            (CostShareProjection, shares),
        ):
            for start in range(0, len(rows), 2000):
                await session.execute(insert(cast(Table, model.__table__)), rows[start : start + 2000])
    if db.engine.dialect.name == "postgresql":  # fresh statistics, as autovacuum keeps them in service
        async with db.engine.connect() as conn:
            await (await conn.execution_options(isolation_level="AUTOCOMMIT")).exec_driver_sql("ANALYZE")
    return agreements


def amended(agreement: tuple[str, str, str], n: int, partner_bound: bool = True) -> EventEnvelope:
    """Version n + 1 of `agreement`; without `partner_bound`, the partner has left it (its lines go)."""
    agreement_id, centre, partner = agreement
    parties = [Party(code=centre, name=centre, role="party")]
    if partner_bound:
        parties.append(Party(code=partner, name=partner, role="party"))
    payload = AgreementAmended(
        agreement_id=agreement_id,
        agreement_version=n + 1,
        kind="renkei_kyoyaku",
        title=f"協約 第{n + 1}版",
        parties=parties,
        concluded_on=date(2016, 4, 1),
        in_force_on=date(2016, 4, 1),
        previous_version=n,
    )
    return EventEnvelope(
        type=payload.type_name(),
        source="agreements",
        subject=agreement_id,
        data=payload.model_dump(mode="json"),
        aggregate_version=n + 1,
    )


def _start_postgres(infra: Infra) -> None:
    """Only the PostgreSQL half of `Infra.start()`: this bench needs no Kafka."""
    if url := os.environ.get("DATABASE_URL"):
        infra.admin_url = make_url(url).set(drivername="postgresql+asyncpg").render_as_string(False)
        return
    infra.pg = PostgresServer()
    infra.pg.start()
    infra.admin_url = infra.pg.url


WARMUP = 20
T = TypeVar("T")


def p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main(quick: bool, postgres: bool, events: int) -> None:
    events = 20 if quick else events
    warmup = 0 if quick else WARMUP
    infra = Infra()
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'finance.db'}"
        if postgres:  # DATABASE_URL's server, or a private one
            _start_postgres(infra)
            url = await infra.new_database("bench_finc")
        db = Database(url)
        async with db.engine.begin() as conn:
            await conn.run_sync(CommonBase.metadata.create_all)
            await conn.run_sync(Base.metadata.create_all)
        agreements = await load(db)
        # The first full run writes every line; the next ones compare against them (a periodic or an
        # operator's full recompute), and change none.
        full_ms: list[float] = []
        for _ in range(1 if quick else 6):
            started = time.perf_counter()
            await recompute(db, fiscal_years=list(YEARS), full=True)
            full_ms.append((time.perf_counter() - started) * 1000)

        processor = EventProcessor(db=db, consumer="finance", handlers=REGISTRY.handlers)

        async def trivial(envelope: EventEnvelope, session: object) -> None:
            return None

        baseline = EventProcessor(
            db=db, consumer="baseline", handlers={AgreementAmended.type_name(): trivial}
        )
        rng = random.Random(3)
        samples: dict[str, tuple[list[float], list[float]]] = {
            k: ([], []) for k in ("trivial", "apply", "run")
        }
        first: dict[str, float] = {}
        left: set[str] = set()  # agreements whose partner the last event took out
        changed_runs = 0

        async def timed(name: str, step: Awaitable[T], n: int) -> T:
            # Wall time, and this process's CPU time (its threads included: aiosqlite's, the driver's),
            # which a loaded machine stretches far less than the wall time.
            wall, cpu = time.perf_counter(), time.process_time()
            result = await step
            if n < warmup:  # the first events compile and cache statements: reported apart
                first.setdefault(name, (time.perf_counter() - wall) * 1000)
                return result
            samples[name][0].append((time.perf_counter() - wall) * 1000)
            samples[name][1].append((time.process_time() - cpu) * 1000)
            return result

        for n in range(warmup + events):
            agreement = rng.choice(agreements)
            # Half the events take the partner out of its agreement or bring it back, so that lines
            # change (the run deletes or inserts lines, and emits AllocationsRecomputed); the other
            # half amend the text only, and the run finds nothing to change.
            if rng.random() < 0.5:
                left.symmetric_difference_update({agreement[0]})
            envelope = amended(agreement, n + 1, agreement[0] not in left)
            await timed("trivial", baseline.process(envelope, origin="bench"), n)
            await timed("apply", processor.process(envelope, origin="bench"), n)
            run = await timed("run", recompute(db, fiscal_years=list(YEARS)), n)
            changed_runs += n >= warmup and bool(run and run.changes)
        await db.dispose()
        infra.close()
    kind = "PostgreSQL" if postgres else "SQLite"
    busy = " ".join(f"{x:.1f}" for x in os.getloadavg())  # the machine is shared: say how busy it was
    print(
        f"{kind}, load average {busy}, {len(agreements)} agreements, {len(YEARS)} FYs, {events} events"
        f" after {warmup} warm-up ones; {changed_runs} runs changed lines\n"
    )
    print("| measurement | median ms | p99 ms | CPU ms median | CPU ms p99 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        "| full national recompute through the database, first (writes every line)"
        f" | {full_ms[0]:.0f} | — | — | — |"
    )
    if len(full_ms) > 1:
        again = full_ms[1:]
        print(
            f"| full national recompute through the database, again ({len(again)}×, no line changes)"
            f" | {statistics.median(again):.0f} | max {max(again):.0f} | — | — |"
        )
    rows = [
        ("baseline: event applied with a trivial handler (inbox only)", "trivial"),
        ("event applied with the real handler (projection + dirty marks)", "apply"),
        ("incremental run for that event (load, engine, diff, run, event)", "run"),
    ]
    for name, key in rows:
        wall, cpu = samples[key]
        print(
            f"| {name} | {statistics.median(wall):.2f} | {p(wall, 0.99):.2f}"
            f" | {statistics.median(cpu):.2f} | {p(cpu, 0.99):.2f} |"
        )
    if first:
        print("\nFirst event after start (statements compiled and prepared):", end="")
        print(" " + ", ".join(f"{key} {ms:.1f} ms" for key, ms in first.items()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--events", type=int, default=1000, help="timed events, after the warm-up ones")
    args = parser.parse_args()
    asyncio.run(main(args.quick, args.postgres, args.events))
