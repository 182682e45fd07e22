"""Costs: fiscal years April–March, personnel eligibility per yen with its reason, amounts in yen."""

from __future__ import annotations

from datetime import date

import pytest
from renkei_common.domain_errors import RuleViolation
from renkei_staffing.domain.agreements_view import AgreementView
from renkei_staffing.domain.costs import (
    PersonnelCost,
    check_personnel_cost,
    personnel_eligibility,
    recruitment_eligibility,
    totals,
)
from renkei_staffing.domain.enums import IneligibleReason
from renkei_staffing.domain.periods import Period, fiscal_year_of, months_of
from renkei_staffing.domain.redaction import may_see_personal_data, pseudonym

DISPATCH = Period(date(2024, 4, 1), date(2025, 3, 31))
AGREEMENT = AgreementView("a", "renkei_kyoyaku", frozenset({"290009", "294497"}), date(2024, 4, 1))


def cost(fy: int = 2024, month: int | None = 5) -> PersonnelCost:
    return PersonnelCost(fy, month, 300_000, 50_000, 45_000)


def test_fiscal_year_edges() -> None:
    assert fiscal_year_of(date(2025, 3, 31)) == 2024
    assert fiscal_year_of(date(2025, 4, 1)) == 2025
    assert cost(2024, 3).period == Period(date(2025, 3, 1), date(2025, 3, 31))
    assert cost(2024, 4).period == Period(date(2024, 4, 1), date(2024, 4, 30))
    assert cost(2024, None).period == Period(date(2024, 4, 1), date(2025, 3, 31))
    assert list(months_of(Period(date(2024, 12, 31), date(2025, 1, 1)))) == [(2024, 12), (2025, 1)]


def test_personnel_cost_eligible_or_ineligible_with_reason() -> None:
    split = personnel_eligibility(
        cost(), covered_by_measure=True, dispatch_period=DISPATCH, agreement=AGREEMENT
    )
    assert (split.eligible_yen, split.ineligible_yen, split.reason) == (395_000, 0, None)
    digital = personnel_eligibility(
        cost(), covered_by_measure=False, dispatch_period=DISPATCH, agreement=AGREEMENT
    )
    assert (digital.eligible_yen, digital.reason) == (0, IneligibleReason.PROFESSION_SEPARATE_MEASURE)
    early = personnel_eligibility(
        cost(2023), covered_by_measure=True, dispatch_period=DISPATCH, agreement=AGREEMENT
    )
    assert early.reason is IneligibleReason.BEFORE_FY2024
    ended = AgreementView("a", "renkei_kyoyaku", AGREEMENT.party_codes, date(2024, 4, 1), date(2024, 5, 1))
    # terminated on 1 May: April is still covered, May is not
    assert (
        personnel_eligibility(
            cost(2024, 4), covered_by_measure=True, dispatch_period=DISPATCH, agreement=ended
        ).reason
        is None
    )
    assert (
        personnel_eligibility(
            cost(2024, 5), covered_by_measure=True, dispatch_period=DISPATCH, agreement=ended
        ).reason
        is IneligibleReason.NO_AGREEMENT_IN_FORCE
    )
    eligible, ineligible, by_reason = totals([split, digital, early])
    assert (eligible, ineligible) == (395_000, 790_000)
    assert by_reason == {"profession_separate_measure": 395_000, "before_fy2024": 395_000}


def test_recruitment_costs_need_a_dispatch_in_the_year() -> None:
    assert (
        recruitment_eligibility(
            1_000, fiscal_year=2024, covered_by_measure=True, dispatches_in_fy=1
        ).eligible_yen
        == 1_000
    )
    none = recruitment_eligibility(1_000, fiscal_year=2024, covered_by_measure=True, dispatches_in_fy=0)
    assert none.reason is IneligibleReason.NO_DISPATCH_IN_FISCAL_YEAR and none.ineligible_yen == 1_000


def test_personnel_cost_checks() -> None:
    check_personnel_cost(cost(2024, 4), DISPATCH)
    with pytest.raises(RuleViolation) as exc:
        check_personnel_cost(PersonnelCost(2024, 5, -1, 0, 0), DISPATCH)
    assert [(v.field, v.rule) for v in exc.value.violations] == [("salary_yen", "yen_non_negative")]
    with pytest.raises(RuleViolation) as exc:
        check_personnel_cost(cost(2025, 4), DISPATCH)  # April 2025 is after the dispatch
    assert [(v.field, v.rule) for v in exc.value.violations] == [("month", "within_dispatch")]
    with pytest.raises(RuleViolation) as exc:
        check_personnel_cost(PersonnelCost(2024, 13, 1, 0, 0), DISPATCH)
    assert exc.value.violations[0].rule == "month_range"


def test_personal_data_visible_to_employer_and_receiver_during_the_dispatch_only() -> None:
    dispatches = [("294497", DISPATCH)]
    args = {"employer_code": "290009", "active_dispatches": dispatches}
    assert may_see_personal_data("290009", today=date(2030, 1, 1), **args)  # type: ignore[arg-type]
    assert may_see_personal_data("294497", today=date(2025, 3, 31), **args)  # type: ignore[arg-type]
    assert not may_see_personal_data("294497", today=date(2025, 4, 1), **args)  # type: ignore[arg-type]
    assert not may_see_personal_data("292010", today=date(2024, 6, 1), **args)  # type: ignore[arg-type]
    assert pseudonym("s-1") == pseudonym("s-1") != pseudonym("s-2")
