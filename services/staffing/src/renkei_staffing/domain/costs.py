"""Costs in integer yen: personnel costs per month or FY of a dispatch, recruitment costs, and eligibility.

Each yen is either eligible for the special allocation tax or ineligible with one reason. The coverage
rate (措置率) and any caps are unconfirmed; finance applies them to the eligible total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg

from renkei_staffing.domain.agreements_view import AgreementView
from renkei_staffing.domain.enums import IneligibleReason
from renkei_staffing.domain.periods import Period, calendar_month_of, fiscal_year_period, month_period

FIRST_FISCAL_YEAR = 2024  # 令和6年度
MAX_YEN = 10**13  # as the shared `Yen` request type


@dataclass(frozen=True, slots=True)
class PersonnelCost:
    """人件費 of one month (month 1–12) or of a whole FY (month None)."""

    fiscal_year: int
    month: int | None
    salary_yen: int
    allowances_yen: int
    social_insurance_yen: int

    @property
    def total_yen(self) -> int:
        return self.salary_yen + self.allowances_yen + self.social_insurance_yen

    @property
    def period(self) -> Period:
        if self.month is None:
            return fiscal_year_period(self.fiscal_year)
        return month_period(*calendar_month_of(self.fiscal_year, self.month))


def check_amounts(amounts: dict[str, int]) -> None:
    violations = [
        Violation(field, "yen_non_negative", msg("staffing.yen_non_negative"))
        for field, value in amounts.items()
        if isinstance(value, bool) or not isinstance(value, int) or value < 0
    ]
    violations += [
        Violation(field, "yen_at_most", msg("staffing.yen_at_most", MAX_YEN=MAX_YEN))
        for field, value in amounts.items()
        if isinstance(value, int) and value > MAX_YEN
    ]
    if violations:
        raise RuleViolation(violations=violations)


def check_personnel_cost(cost: PersonnelCost, dispatch_period: Period) -> None:
    """A personnel cost must fall in a month or FY that shares a day with the dispatch."""
    check_amounts(
        {
            "salary_yen": cost.salary_yen,
            "allowances_yen": cost.allowances_yen,
            "social_insurance_yen": cost.social_insurance_yen,
        }
    )
    if cost.month is not None and not 1 <= cost.month <= 12:
        raise RuleViolation("month", "month_range", msg("staffing.month_range"))
    if cost.total_yen == 0:
        raise RuleViolation("salary_yen", "total_positive", msg("staffing.total_positive"))
    if not cost.period.overlaps(dispatch_period):
        raise RuleViolation(
            "month" if cost.month else "fiscal_year", "within_dispatch", msg("staffing.within_dispatch")
        )


@dataclass(frozen=True, slots=True)
class Split:
    eligible_yen: int
    ineligible_yen: int
    reason: IneligibleReason | None


def _split(total: int, reason: IneligibleReason | None) -> Split:
    return Split(0, total, reason) if reason else Split(total, 0, None)


def personnel_eligibility(
    cost: PersonnelCost, *, covered_by_measure: bool, dispatch_period: Period, agreement: AgreementView | None
) -> Split:
    """The whole cost is eligible, or ineligible for the first reason that applies."""
    reason: IneligibleReason | None = None
    if cost.fiscal_year < FIRST_FISCAL_YEAR:
        reason = IneligibleReason.BEFORE_FY2024
    elif not covered_by_measure:
        reason = IneligibleReason.PROFESSION_SEPARATE_MEASURE
    elif not cost.period.overlaps(dispatch_period):
        reason = IneligibleReason.OUTSIDE_DISPATCH
    elif agreement is None or not agreement.in_force_on_any_day_of(
        cost.period.intersection(dispatch_period) or cost.period
    ):
        reason = IneligibleReason.NO_AGREEMENT_IN_FORCE
    return _split(cost.total_yen, reason)


def recruitment_eligibility(
    amount_yen: int, *, fiscal_year: int, covered_by_measure: bool, dispatches_in_fy: int
) -> Split:
    """募集経費 qualify if the employer dispatches someone under a 連携協約 that FY (an assumption)."""
    reason: IneligibleReason | None = None
    if fiscal_year < FIRST_FISCAL_YEAR:
        reason = IneligibleReason.BEFORE_FY2024
    elif not covered_by_measure:
        reason = IneligibleReason.PROFESSION_SEPARATE_MEASURE
    elif dispatches_in_fy == 0:
        reason = IneligibleReason.NO_DISPATCH_IN_FISCAL_YEAR
    return _split(amount_yen, reason)


def totals(splits: Iterable[Split]) -> tuple[int, int, dict[str, int]]:
    """Eligible yen, ineligible yen, and ineligible yen by reason."""
    eligible = ineligible = 0
    by_reason: dict[str, int] = {}
    for split in splits:
        eligible += split.eligible_yen
        ineligible += split.ineligible_yen
        if split.reason is not None:
            by_reason[split.reason.value] = by_reason.get(split.reason.value, 0) + split.ineligible_yen
    return eligible, ineligible, by_reason
