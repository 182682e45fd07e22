"""A cost-sharing formula per cost class (建設費, 運営費, 維持管理費), its weights changing by fiscal year.

一部事務組合 and joint facilities share construction and operation by different keys, and change the keys over
time (e.g. 均等割 10% / 人口割 90% up to FY2026, then 20/80); each class is shared on its own, with the stated
rounding, so every class's shares sum to its cost and the members' totals sum to the whole cost, to the yen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import Message, msg

from renkei_agreements.domain.cost_sharing import (
    FIGURE,
    LABEL,
    Basis,
    MemberBasis,
    MemberShare,
    Rounding,
    basis_totals,
    cost_violations,
    member_violations,
    shares_of,
    weight_violations,
)


class CostClass(StrEnum):
    CONSTRUCTION = "construction"  # 建設費 (incl. 公債費 of the construction)
    OPERATION = "operation"  # 運営費
    MAINTENANCE = "maintenance"  # 維持管理費


CLASS_LABEL = {
    CostClass.CONSTRUCTION: "建設費",
    CostClass.OPERATION: "運営費",
    CostClass.MAINTENANCE: "維持管理費",
}
# How messages name a class: English as the request spells it, Japanese as the budget does.
CLASS_WORD: dict[CostClass, Message] = {
    CostClass.CONSTRUCTION: msg("agreements.cost_class.construction"),
    CostClass.OPERATION: msg("agreements.cost_class.operation"),
    CostClass.MAINTENANCE: msg("agreements.cost_class.maintenance"),
}


@dataclass(frozen=True)
class WeightPeriod:
    """The weights in force from `from_fy` to `to_fy`, both included; None is open-ended."""

    from_fy: int | None
    to_fy: int | None
    weights: Mapping[Basis, Decimal]

    def covers(self, fiscal_year: int) -> bool:
        return (self.from_fy is None or self.from_fy <= fiscal_year) and (
            self.to_fy is None or fiscal_year <= self.to_fy
        )


@dataclass(frozen=True)
class ClassFormula:
    cost_class: CostClass
    cost_yen: int
    schedule: tuple[WeightPeriod, ...]


@dataclass(frozen=True)
class ClassShares:
    cost_class: CostClass
    cost_yen: int
    period: WeightPeriod  # the one covering the fiscal year
    shares: list[MemberShare]
    totals: Mapping[Basis, Fraction]  # each weighted basis's sum over the members


def schedule_violations(schedule: Sequence[WeightPeriod], at: str) -> list[Violation]:
    """Periods in order of fiscal year, each range valid, with no gap and no overlap between them."""
    found: list[Violation] = []
    if not schedule:
        return [Violation(f"{at}schedule", "at_least_one", msg("agreements.cost.schedule_at_least_one"))]
    for i, period in enumerate(schedule):
        where = f"{at}schedule[{i}]"
        found += weight_violations(period.weights, f"{where}.")
        if period.from_fy is not None and period.to_fy is not None and period.from_fy > period.to_fy:
            found.append(
                Violation(
                    f"{where}.to_fy",
                    "fy_range_order",
                    msg("agreements.cost.fy_range_order", to_fy=period.to_fy, from_fy=period.from_fy),
                )
            )
        if i == 0:
            continue
        previous = schedule[i - 1]
        if previous.to_fy is None or period.from_fy is None or period.from_fy <= previous.to_fy:
            found.append(
                Violation(
                    f"{where}.from_fy",
                    "schedule_no_overlap",
                    msg(
                        "agreements.cost.schedule_no_overlap",
                        from_fy=period.from_fy,
                        previous_to_fy=previous.to_fy,
                    ),
                )
            )
        elif period.from_fy != previous.to_fy + 1:
            found.append(
                Violation(
                    f"{where}.from_fy",
                    "schedule_no_gap",
                    msg("agreements.cost.schedule_no_gap", first=previous.to_fy + 1, last=period.from_fy - 1),
                )
            )
    return found


def share_formula(
    *,
    fiscal_year: int,
    classes: Sequence[ClassFormula],
    members: Sequence[MemberBasis],
    remainder_to: str,
    rounding: Rounding,
) -> list[ClassShares]:
    """Each class's shares for `fiscal_year`, or a RuleViolation naming every bad field and its rule."""
    violations = member_violations(members, remainder_to)
    if not classes:
        violations.append(Violation("classes", "at_least_one", msg("agreements.cost.classes_at_least_one")))
    seen: set[CostClass] = set()
    periods: list[WeightPeriod | None] = []
    for i, cost_class in enumerate(classes):
        at = f"classes[{i}]."
        if cost_class.cost_class in seen:
            violations.append(
                Violation(
                    f"{at}cost_class",
                    "distinct",
                    msg("agreements.cost.listed_twice", item=CLASS_WORD[cost_class.cost_class]),
                )
            )
        seen.add(cost_class.cost_class)
        violations += cost_violations(cost_class.cost_yen, at)
        problems = schedule_violations(cost_class.schedule, at)
        violations += problems
        period = next((p for p in cost_class.schedule if p.covers(fiscal_year)), None)
        if period is None and not problems:
            violations.append(
                Violation(
                    f"{at}schedule", "fy_covered", msg("agreements.cost.fy_covered", fiscal_year=fiscal_year)
                )
            )
        periods.append(period)
    if violations:
        raise RuleViolation(violations=violations)
    # Missing figures are reported once, however many classes weight their basis.
    weighted: dict[Basis, Decimal] = {}
    weights_field: dict[Basis, str] = {}
    for i, (cost_class, period) in enumerate(zip(classes, periods, strict=True)):
        assert period is not None  # checked above
        for basis, weight in period.weights.items():
            if weight and basis not in weighted:
                weighted[basis] = weight
                weights_field[basis] = f"classes[{i}].schedule[{cost_class.schedule.index(period)}].weights"
    totals = basis_totals(weighted, members, weights_field)
    result = []
    for cost_class, period in zip(classes, periods, strict=True):
        assert period is not None
        used = {basis: total for basis, total in totals.items() if period.weights.get(basis)}
        shares = shares_of(
            cost_yen=cost_class.cost_yen,
            weights=period.weights,
            members=members,
            totals=used,
            remainder_to=remainder_to,
            rounding=rounding,
        )
        result.append(ClassShares(cost_class.cost_class, cost_class.cost_yen, period, shares, used))
    return result


def member_totals(classes: Sequence[ClassShares]) -> dict[str, int]:
    """Each member's share of the whole cost: the sum of its class shares."""
    totals: dict[str, int] = {}
    for cost_class in classes:
        for share in cost_class.shares:
            totals[share.code] = totals.get(share.code, 0) + share.share_yen
    return totals


def arithmetic(
    shared: ClassShares, member: MemberBasis, share: MemberShare, *, rounding: Rounding, host: bool
) -> str:
    """The share in words: each basis's exact part, their sum, then the stated rounding or the remainder.

    e.g. `均等割 0.1 × 1,000,000 ÷ 3 = 33,333.33 + 人口割 0.9 × 1,000,000 × 247,747 ÷ 309,913 = 719,463.82
    = 752,797.15 → 752,000 (amounts under ¥1,000 truncated)`
    """
    terms = []
    for basis, part in share.parts.items():
        weight = shared.period.weights[basis]
        if basis is Basis.EQUAL:
            ratio = f"÷ {len(shared.shares)}"
        else:
            figure = Fraction(getattr(member, FIGURE[basis]) or 0)
            ratio = f"× {_number(figure)} ÷ {_number(shared.totals[basis])}"
        terms.append(f"{LABEL[basis]} {weight} × {shared.cost_yen:,} {ratio} = {_number(part)}")
    if host:
        ending = "the remainder: the cost less the other members' shares"
    elif rounding is Rounding.TRUNCATE_UNDER_1000:
        ending = "amounts under ¥1,000 truncated"
    else:
        ending = "fractions of a yen truncated"
    total = terms[0] if len(terms) == 1 else f"{' + '.join(terms)} = {_number(share.exact)}"
    return f"{total} → {share.share_yen:,} ({ending})"


def _number(value: Fraction) -> str:
    """A figure with thousands separators, to 2 decimal places (四捨五入, as people check it) unless whole."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{rounded:,}"
