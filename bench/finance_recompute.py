"""Finance engine benchmark: a full national recompute and per-recipient (incremental) recomputes.

    UV_PYTHON_DOWNLOADS=never .tools/bin/uv run python bench/finance_recompute.py [--quick]

Synthetic but plausible data: all 1,741 municipalities with their census populations, 38 metropolitan and
130 settlement areas centred on real designated/core cities and other cities, an agreement per member,
vision budgets for every member and FY (a tenth bond-eligible), 10,000 dispatches with a staffing cost
each (one in twenty flagged), 3 FYs; the database benches add 2,000 shared facilities
(`shared_facilities`). It times the engine alone (`compute`), which is what a recompute costs once the
snapshot is in memory, beside a baseline measured in the same run: building the same number of plain
dicts (the cost of touching every line once). Prints a Markdown table; one core, no database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from datetime import date

from renkei_common.refdata import load_registry
from renkei_finance.domain import engine
from renkei_finance.domain.engine import Agreement, Area, Budget, Member, Snapshot, StaffingCost, compute
from renkei_finance.domain.rules import default_rules

YEARS = (2024, 2025, 2026)
DISPATCHES = 10_000
FACILITIES = 2_000
FLAGGED_FROM = date(2025, 10, 1)


def shared_facilities(snapshot: Snapshot, seed: int = 11) -> list[tuple[str, str, int, int, dict[str, int]]]:
    """2,000 shared facilities (共同設置の施設), each of one area, with its cost and members' shares per FY.

    (facility id, area id, FY, cost, {member code: share}); shares by population, truncated below ¥1,000,
    the remainder to the centre, as agreements publishes them in `CostSharingAgreed`.
    """
    rng = random.Random(seed)
    rows = []
    for f in range(FACILITIES):
        area = snapshot.areas[f % len(snapshot.areas)]
        codes = sorted({m.code for m in area.members})
        weights = {code: snapshot.populations.get(code) or 1 for code in codes}
        total_weight = sum(weights.values())
        for fy in YEARS:
            cost = rng.randrange(10_000_000, 500_000_000)
            shares = {code: cost * w // total_weight // 1000 * 1000 for code, w in weights.items()}
            shares[area.centre_codes[0]] += cost - sum(shares.values())
            rows.append((f"fac-{f}", area.area_id, fy, cost, shares))
    return rows


def national_snapshot(seed: int = 7) -> Snapshot:
    rng = random.Random(seed)
    registry = load_registry()
    municipalities = registry.municipalities()
    big = [g for g in municipalities if g.designated_city or g.core_city]
    cities = [g for g in municipalities if g.kind.is_city and g not in big]
    others = [g for g in municipalities if g not in big]
    rng.shuffle(big)
    rng.shuffle(cities)
    areas, agreements, budgets = [], [], []
    used: set[str] = set()

    def add_area(kind: str, centre_code: str, size: int, n: int) -> None:
        prefecture = centre_code[:2]
        pool = [g.code for g in others if g.prefecture_code == prefecture and g.code not in used]
        members = rng.sample(pool, min(size, len(pool)))
        used.update(members)
        area_id = f"{kind}-{n}"
        since = date(2016, 4, 1)
        areas.append(
            Area(
                area_id,
                kind,
                f"{kind} {n}",
                (centre_code,),
                tuple(
                    [Member(centre_code, "centre", since), *(Member(c, "partner", since) for c in members)]
                ),
            )
        )
        for code in [centre_code, *members]:
            if code != centre_code:
                agreements.append(Agreement(f"ag-{area_id}-{code}", frozenset({centre_code, code}), since))
            for fy in YEARS:
                for project in range(2):
                    budgets.append(
                        Budget(
                            area_id,
                            f"p-{area_id}-{project}",
                            code,
                            fy,
                            rng.randrange(1_000_000, 40_000_000),
                            field="welfare" if project else rng.choice(["welfare", "outside_experts"]),
                            bond_eligibility="medical_welfare" if rng.random() < 0.1 else None,
                        )
                    )

    for n, centre in enumerate(big[:38]):
        used.add(centre.code)
        add_area("metropolitan", centre.code, 9, n)
    for n, centre in enumerate(cities[:130]):
        used.add(centre.code)
        add_area("settlement", centre.code, 4, n)
    prefectures = [g.code for g in registry.prefectures()]
    # One cost per dispatch (10,000): a monthly personnel cost; one dispatch in twenty was flagged (its
    # 連携協約 ended on 2025-09-30), so its costs from October 2025 are excluded.
    costs = [
        StaffingCost(
            f"c-{i}",
            rng.choice(prefectures),
            rng.choice(YEARS),
            rng.randrange(100_000, 900_000),
            month=rng.randrange(1, 13),
            covered_until=FLAGGED_FROM if i % 20 == 0 else None,
        )
        for i in range(DISPATCHES)
    ]
    return Snapshot(
        populations={g.code: g.population for g in registry},
        areas=areas,
        agreements=agreements,
        budgets=budgets,
        staffing_costs=costs,
    )


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 10
    snapshot = national_snapshot()
    rules = default_rules()
    lines = [line for fy in YEARS for line in compute(fy, snapshot, rules)]
    if hasattr(engine, "compute_years"):  # as a full run calls it; older code (a "before" run): per FY
        full = timed(lambda: engine.compute_years(YEARS, snapshot, rules), repeat)
    else:
        full = timed(lambda: [compute(fy, snapshot, rules) for fy in YEARS], repeat)
    baseline = timed(lambda: [dict(amount=i, key=str(i)) for i in range(len(lines))], repeat)
    rng = random.Random(1)
    recipients = sorted({line.recipient_code for line in lines})
    single = timed(
        lambda: compute(2025, snapshot, rules, recipients={rng.choice(recipients)}), 30 if args.quick else 200
    )
    print(
        f"data: {len(snapshot.areas)} areas, {len(snapshot.agreements)} agreements,"
        f" {len(snapshot.budgets)} budgets, {len(snapshot.staffing_costs)} staffing costs,"
        f" {len(YEARS)} FYs -> {len(lines)} lines\n"
    )
    print("| measurement | median ms | p99 ms | baseline (same run) |")
    print("| --- | ---: | ---: | --- |")
    print(
        f"| full national recompute, engine only, {len(YEARS)} FYs"
        f" | {statistics.median(full):.1f} | {p(full, 0.99):.1f}"
        f" | {statistics.median(baseline):.1f} ms to build {len(lines)} dicts |"
    )
    print(
        f"| one recipient, one FY (engine only) | {statistics.median(single):.2f} | {p(single, 0.99):.2f}"
        " | the snapshot is narrowed to its areas first (O(snapshot) filter) |"
    )


if __name__ == "__main__":
    main()
