"""The allocation engine: for one fiscal year, the allocation lines of every measure, each explaining its yen.

Plain Python over a `Snapshot` of the projections, so that the incremental worker, the full recompute,
the what-if simulation and the tests all run the same code. A line holds the recipient, the measure, the
FY, the amount in integer yen, the inputs it used, the rule row, the arithmetic in words and a flag when
the rule row is `unconfirmed`. Who counts in a FY:
- a member counts if its membership of the area shares a day with the FY and an agreement between it and
  a centre of the area is in force on some day of the FY (`in_force_on` ≤ FY end, and no termination
  before the FY starts): the FY after a termination, it no longer counts;
- a centre counts if at least one member counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Container, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from renkei_finance.domain.bonds import cached_schedule
from renkei_finance.domain.fiscal import fy_end, fy_start, overlaps
from renkei_finance.domain.money import times_rate_floor, yen
from renkei_finance.domain.rules import Measure, RuleBook, RuleRow

OUTSIDE_EXPERTS_FIELD = "outside_experts"
SETTLEMENT_BOND_FIELDS = frozenset({"medical_welfare", "industry", "public_transport"})


@dataclass(frozen=True)
class Member:
    code: str
    role: str
    since: date
    until: date | None = None


@dataclass(frozen=True)
class Area:
    area_id: str
    area_type: str  # metropolitan, settlement or wide_area
    name: str
    centre_codes: tuple[str, ...]
    members: tuple[Member, ...] = ()


@dataclass(frozen=True)
class Agreement:
    agreement_id: str
    party_codes: frozenset[str]
    in_force_on: date | None
    terminated_on: date | None = None

    def in_force_during(self, fiscal_year: int) -> bool:
        if self.in_force_on is None:
            return False  # only the termination is known: it never counted
        if self.terminated_on is not None and self.terminated_on < self.in_force_on:
            return False
        return self.in_force_on <= fy_end(fiscal_year) and (
            self.terminated_on is None or self.terminated_on >= fy_start(fiscal_year)
        )


@dataclass(frozen=True)
class Budget:
    """A vision project's budget for a municipality and FY; `area_id` is the vision's area."""

    area_id: str
    project_id: str
    municipality_code: str
    fiscal_year: int
    amount_yen: int
    field: str = ""
    bond_eligibility: str | None = None


@dataclass(frozen=True)
class StaffingCost:
    """A specialist's cost as staffing assessed it; `covered_until` is set once its dispatch was flagged.

    `covered_until` is the first day the 連携協約 no longer covers the dispatch (`DispatchFlagged`). The
    measure covers dispatches under a 連携協約 only, so a cost whose period (its month, or its FY when it
    has none) begins on or after that day counts as not eligible, whatever staffing assessed when it was
    recorded; a period that begins before it was covered on at least one day and counts, as in staffing.
    """

    cost_id: str
    employer_code: str
    fiscal_year: int
    eligible_yen: int
    month: int | None = None
    covered_until: date | None = None

    @property
    def period_start(self) -> date:
        if self.month is None:
            return fy_start(self.fiscal_year)
        return date(self.fiscal_year if self.month >= 4 else self.fiscal_year + 1, self.month, 1)

    @property
    def after_flag(self) -> bool:
        return self.covered_until is not None and self.period_start >= self.covered_until


@dataclass
class Snapshot:
    """What the engine reads: the projections (or a what-if copy of them)."""

    populations: Mapping[str, int | None] = field(default_factory=dict)
    areas: list[Area] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    staffing_costs: list[StaffingCost] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    fiscal_year: int
    recipient_code: str
    measure: str
    amount_yen: int
    rule_id: str
    arithmetic: str
    inputs: dict[str, Any]
    unconfirmed: bool
    estimate: bool = False
    key: str = ""  # tells apart several lines of one measure for one recipient (per area, per bond)

    @property
    def identity(self) -> tuple[int, str, str, str]:
        return (self.fiscal_year, self.recipient_code, self.measure, self.key)


def compute(
    fiscal_year: int, snapshot: Snapshot, rules: RuleBook, recipients: Collection[str] | None = None
) -> list[Line]:
    """Every line of `fiscal_year`, or only those of `recipients`; sorted by identity."""
    return compute_years([fiscal_year], snapshot, rules, recipients)[fiscal_year]


def compute_years(
    fiscal_years: Iterable[int],
    snapshot: Snapshot,
    rules: RuleBook,
    recipients: Collection[str] | None = None,
) -> dict[int, list[Line]]:
    """`compute` for several FYs: the snapshot is narrowed and indexed once for all of them."""
    wanted: Container[str] = _Everyone() if recipients is None else set(recipients)
    if recipients is not None:
        snapshot = _restricted(snapshot, set(recipients))
    index = _Index(snapshot)
    return {fy: _lines(fy, snapshot, index, rules, wanted, recipients is not None) for fy in fiscal_years}


def _lines(
    fiscal_year: int,
    snapshot: Snapshot,
    index: _Index,
    rules: RuleBook,
    wanted: Container[str],
    narrowed: bool,
) -> list[Line]:
    lines: list[Line] = []
    # An area's lines of other recipients are never built: the inputs of a wanted recipient's line
    # (its area's population, who counts) are computed whole, only the lines are left out.
    for area in snapshot.areas:
        if area.area_type == "metropolitan":
            lines += _metropolitan(fiscal_year, area, index, rules, wanted)
        elif area.area_type == "settlement":
            lines += _settlement(fiscal_year, area, index, rules, wanted)
    lines += _specialists(fiscal_year, snapshot, rules)
    lines += _bonds(fiscal_year, snapshot, index, rules, wanted)
    if narrowed:
        lines = [line for line in lines if line.recipient_code in wanted]
    return sorted(lines, key=lambda line: line.identity)


class _Everyone:
    """The recipients of a full recompute: every code is wanted."""

    def __contains__(self, code: object) -> bool:
        return True


def _restricted(snapshot: Snapshot, recipients: set[str]) -> Snapshot:
    """The part of the snapshot the lines of `recipients` can depend on (an incremental recompute's cost).

    Their areas (as centre or member) with everyone in them, the areas their budgets name, those codes'
    agreements and budgets, and the staffing costs they employ.
    """
    budget_areas = {b.area_id for b in snapshot.budgets if b.municipality_code in recipients}
    areas = [
        a
        for a in snapshot.areas
        if a.area_id in budget_areas
        or not recipients.isdisjoint(a.centre_codes)
        or any(m.code in recipients for m in a.members)
    ]
    codes = set(recipients)
    for area in areas:
        codes.update(area.centre_codes)
        codes.update(m.code for m in area.members)
    return Snapshot(
        populations=snapshot.populations,
        areas=areas,
        agreements=[a for a in snapshot.agreements if not codes.isdisjoint(a.party_codes)],
        budgets=[b for b in snapshot.budgets if b.municipality_code in codes],
        staffing_costs=[c for c in snapshot.staffing_costs if c.employer_code in recipients],
    )


class _Index:
    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.agreements_of: dict[str, list[Agreement]] = defaultdict(list)
        for agreement in snapshot.agreements:
            for code in agreement.party_codes:
                self.agreements_of[code].append(agreement)
        self.spending: dict[tuple[str, str, int], int] = defaultdict(int)
        self.expert_spending: dict[tuple[str, str, int], int] = defaultdict(int)
        self.expert_years: dict[str, set[int]] = defaultdict(set)
        for budget in snapshot.budgets:
            cell = (budget.area_id, budget.municipality_code, budget.fiscal_year)
            if budget.field == OUTSIDE_EXPERTS_FIELD:
                self.expert_spending[cell] += budget.amount_yen
                if budget.amount_yen > 0:
                    self.expert_years[budget.municipality_code].add(budget.fiscal_year)
            else:
                self.spending[cell] += budget.amount_yen

    def bound(self, code: str, centres: Iterable[str], fiscal_year: int) -> list[str]:
        """Ids of the agreements in force in the FY between `code` and one of `centres`."""
        centre_set = set(centres)
        return sorted(
            a.agreement_id
            for a in self.agreements_of.get(code, [])
            if a.in_force_during(fiscal_year) and not centre_set.isdisjoint(a.party_codes - {code})
        )

    def counted_members(self, area: Area, fiscal_year: int) -> dict[str, list[str]]:
        """Non-centre members that count in the FY, with the agreements that make them count."""
        counted: dict[str, list[str]] = {}
        for member in area.members:
            if member.code in area.centre_codes or not overlaps(fiscal_year, member.since, member.until):
                continue
            agreements = self.bound(member.code, area.centre_codes, fiscal_year)
            if agreements:
                counted[member.code] = sorted(set(counted.get(member.code, [])) | set(agreements))
        return counted


def _capped(
    fiscal_year: int,
    recipient: str,
    rule: RuleRow,
    spending: int,
    inputs: dict[str, Any],
    *,
    key: str,
) -> Line:
    rate, cap = str(rule.params["rate"]), int(rule.params["cap_yen"])
    scaled = times_rate_floor(spending, rate)
    amount = min(scaled, cap)
    words = f"min({yen(spending)} × {rate}, cap {yen(cap)}) = {yen(amount)}"
    return Line(
        fiscal_year=fiscal_year,
        recipient_code=recipient,
        measure=rule.measure.value,
        amount_yen=amount,
        rule_id=rule.rule_id,
        arithmetic=words,
        inputs={"eligible_spending_yen": spending, "rate": rate, "cap_yen": cap, **inputs},
        unconfirmed=rule.unconfirmed,
        key=key,
    )


def _metropolitan(
    fiscal_year: int, area: Area, index: _Index, rules: RuleBook, wanted: Container[str]
) -> list[Line]:
    counted = index.counted_members(area, fiscal_year)
    if not counted:
        return []
    lines: list[Line] = []
    ordinary = rules.find(Measure.METROPOLITAN_CORE_ORDINARY, fiscal_year)
    special = rules.find(Measure.METROPOLITAN_CORE_SPECIAL, fiscal_year)
    partner = rules.find(Measure.METROPOLITAN_PARTNER_SPECIAL, fiscal_year)
    populations = index.snapshot.populations
    area_codes = sorted(set(area.centre_codes) | set(counted))
    area_population = sum(populations.get(code) or 0 for code in area_codes)
    for centre in area.centre_codes:
        if centre not in wanted:
            continue
        if ordinary is not None:
            per_resident = str(ordinary.params["yen_per_resident"])
            amount = times_rate_floor(area_population, per_resident) // len(area.centre_codes)
            share = f" ÷ {len(area.centre_codes)} centres" if len(area.centre_codes) > 1 else ""
            lines.append(
                Line(
                    fiscal_year=fiscal_year,
                    recipient_code=centre,
                    measure=ordinary.measure.value,
                    amount_yen=amount,
                    rule_id=ordinary.rule_id,
                    arithmetic=(
                        f"floor(area population {yen(area_population)} × {per_resident} yen){share}"
                        f" = {yen(amount)} (estimate)"
                    ),
                    inputs={
                        "area_id": area.area_id,
                        "area_population": area_population,
                        "populations": {code: populations.get(code) for code in area_codes},
                        "yen_per_resident": per_resident,
                    },
                    unconfirmed=ordinary.unconfirmed,
                    estimate=True,
                    key=area.area_id,
                )
            )
        if special is not None:
            spending = index.spending.get((area.area_id, centre, fiscal_year), 0)
            lines.append(
                _capped(fiscal_year, centre, special, spending, {"area_id": area.area_id}, key=area.area_id)
            )
    if partner is not None:
        for code, agreements in sorted(counted.items()):
            if code not in wanted:
                continue
            spending = index.spending.get((area.area_id, code, fiscal_year), 0)
            inputs = {"area_id": area.area_id, "agreements": agreements}
            lines.append(_capped(fiscal_year, code, partner, spending, inputs, key=area.area_id))
    lines += _outside_experts(fiscal_year, area, [c for c in area_codes if c in wanted], index, rules)
    return lines


def _outside_experts(
    fiscal_year: int, area: Area, codes: list[str], index: _Index, rules: RuleBook
) -> list[Line]:
    rule = rules.find(Measure.OUTSIDE_EXPERTS, fiscal_year)
    if rule is None:
        return []
    cap, max_years = int(rule.params["cap_yen"]), int(rule.params["max_years"])
    lines = []
    for code in codes:
        spending = index.expert_spending.get((area.area_id, code, fiscal_year), 0)
        if spending <= 0:
            continue
        year = sorted(index.expert_years[code]).index(fiscal_year) + 1
        amount = min(spending, cap) if year <= max_years else 0
        words = (
            f"min({yen(spending)}, cap {yen(cap)}) = {yen(amount)} (year {year} of at most {max_years})"
            if year <= max_years
            else f"year {year} is beyond the {max_years} years of the measure: 0"
        )
        lines.append(
            Line(
                fiscal_year=fiscal_year,
                recipient_code=code,
                measure=rule.measure.value,
                amount_yen=amount,
                rule_id=rule.rule_id,
                arithmetic=words,
                inputs={"area_id": area.area_id, "eligible_spending_yen": spending, "year": year},
                unconfirmed=rule.unconfirmed,
                key=area.area_id,
            )
        )
    return lines


def _settlement(
    fiscal_year: int, area: Area, index: _Index, rules: RuleBook, wanted: Container[str]
) -> list[Line]:
    counted = index.counted_members(area, fiscal_year)
    if not counted:
        return []
    lines: list[Line] = []
    centre_rule = rules.find(Measure.SETTLEMENT_CENTRE_SPECIAL, fiscal_year)
    neighbour_rule = rules.find(Measure.SETTLEMENT_NEIGHBOUR_SPECIAL, fiscal_year)
    if centre_rule is not None:
        for centre in area.centre_codes:
            if centre not in wanted:
                continue
            spending = index.spending.get((area.area_id, centre, fiscal_year), 0)
            inputs = {"area_id": area.area_id, "neighbours": sorted(counted)}
            lines.append(_capped(fiscal_year, centre, centre_rule, spending, inputs, key=area.area_id))
    if neighbour_rule is not None:
        for code, agreements in sorted(counted.items()):
            if code not in wanted:
                continue
            spending = index.spending.get((area.area_id, code, fiscal_year), 0)
            inputs = {"area_id": area.area_id, "agreements": agreements}
            lines.append(_capped(fiscal_year, code, neighbour_rule, spending, inputs, key=area.area_id))
    return lines


def _specialists(fiscal_year: int, snapshot: Snapshot, rules: RuleBook) -> list[Line]:
    rule = rules.find(Measure.SPECIALISTS, fiscal_year)
    if rule is None:
        return []
    eligible: dict[str, int] = defaultdict(int)
    excluded: dict[str, int] = defaultdict(int)
    costs: dict[str, int] = defaultdict(int)
    for cost in snapshot.staffing_costs:
        if cost.fiscal_year == fiscal_year:
            eligible[cost.employer_code] += 0 if cost.after_flag else cost.eligible_yen
            excluded[cost.employer_code] += cost.eligible_yen if cost.after_flag else 0
            costs[cost.employer_code] += 1
    rate = str(rule.params["rate"])
    lines = []
    for employer, total in sorted(eligible.items()):
        amount = times_rate_floor(total, rate)
        inputs: dict[str, Any] = {"eligible_costs_yen": total, "cost_records": costs[employer], "rate": rate}
        if excluded[employer]:
            # Assessed eligible by staffing, but for a period after the agreement stopped covering it.
            inputs["excluded_after_flag_yen"] = excluded[employer]
        lines.append(
            Line(
                fiscal_year=fiscal_year,
                recipient_code=employer,
                measure=rule.measure.value,
                amount_yen=amount,
                rule_id=rule.rule_id,
                arithmetic=f"floor(eligible costs {yen(total)} × {rate}) = {yen(amount)}",
                inputs=inputs,
                unconfirmed=rule.unconfirmed,
            )
        )
    return lines


def _bonds(
    fiscal_year: int, snapshot: Snapshot, index: _Index, rules: RuleBook, wanted: Container[str]
) -> list[Line]:
    """30% of each year's debt service on bonds issued in earlier FYs, counted into the ordinary tax."""
    area_types = {a.area_id: a.area_type for a in snapshot.areas}
    lines = []
    for budget in snapshot.budgets:
        if (
            budget.municipality_code not in wanted
            or budget.bond_eligibility is None
            or budget.fiscal_year >= fiscal_year
            or budget.amount_yen <= 0
        ):
            continue
        area_type = area_types.get(budget.area_id)
        if area_type is None or (
            area_type == "settlement" and budget.bond_eligibility not in SETTLEMENT_BOND_FIELDS
        ):
            continue
        rule = rules.find(Measure.BOND_INCLUSION, budget.fiscal_year)  # the terms of the year of issue
        if rule is None:
            continue
        p = rule.params
        bond = times_rate_floor(budget.amount_yen, str(p["bond_ratio"]))
        instalments = cached_schedule(
            bond,
            term_years=int(p["term_years"]),
            grace_years=int(p["grace_years"]),
            interest_rate=str(p["interest_rate"]),
            method=str(p["method"]),
        )
        year = fiscal_year - budget.fiscal_year
        if year > len(instalments):
            continue
        service = instalments[year - 1].debt_service_yen
        ratio = str(p["inclusion_ratio"])
        amount = times_rate_floor(service, ratio)
        lines.append(
            Line(
                fiscal_year=fiscal_year,
                recipient_code=budget.municipality_code,
                measure=rule.measure.value,
                amount_yen=amount,
                rule_id=rule.rule_id,
                arithmetic=(
                    f"bond floor({yen(budget.amount_yen)} × {p['bond_ratio']}) = {yen(bond)}; "
                    f"year {year} debt service {yen(service)} × {ratio} = {yen(amount)}"
                ),
                inputs={
                    "project_id": budget.project_id,
                    "issued_fiscal_year": budget.fiscal_year,
                    "project_cost_yen": budget.amount_yen,
                    "bond_yen": bond,
                    "year": year,
                    "debt_service_yen": service,
                    "method": p["method"],
                },
                unconfirmed=rule.unconfirmed,
                key=f"{budget.project_id}:{budget.fiscal_year}",
            )
        )
    return lines
