"""Worked examples of every measure at its FY boundaries; the amounts are computed by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest
from renkei_finance.domain.engine import (
    Agreement,
    Area,
    Budget,
    Line,
    Member,
    Snapshot,
    StaffingCost,
    compute,
)
from renkei_finance.domain.rules import Measure, default_rules

RULES = default_rules()
CORE, PARTNER, OTHER = "062014", "062103", "062057"  # 山形市, 天童市, 寒河江市


def area(area_type: str, *, members: tuple[Member, ...] | None = None) -> Area:
    return Area(
        area_id="area-1",
        area_type=area_type,
        name="圏域",
        centre_codes=(CORE,),
        members=members
        or (Member(CORE, "centre", date(2010, 4, 1)), Member(PARTNER, "partner", date(2010, 4, 1))),
    )


def agreement(in_force_on: date = date(2010, 4, 1), terminated_on: date | None = None) -> Agreement:
    return Agreement("ag-1", frozenset({CORE, PARTNER}), in_force_on, terminated_on)


def budget(code: str, fy: int, amount: int, *, field: str = "welfare", bond: str | None = None) -> Budget:
    return Budget("area-1", f"p-{field}", code, fy, amount, field=field, bond_eligibility=bond)


def snapshot(area_type: str = "metropolitan", **overrides: object) -> Snapshot:
    values: dict[str, object] = {
        "populations": {CORE: 241_000, PARTNER: 61_000, OTHER: 40_000},
        "areas": [area(area_type)],
        "agreements": [agreement()],
        "budgets": [],
    }
    values.update(overrides)
    return Snapshot(**values)  # type: ignore[arg-type]


def lines_of(fy: int, snap: Snapshot, measure: Measure, code: str | None = None) -> list[Line]:
    return [
        line
        for line in compute(fy, snap, RULES)
        if line.measure == measure.value and (code is None or line.recipient_code == code)
    ]


def amount(fy: int, snap: Snapshot, measure: Measure, code: str) -> int | None:
    found = lines_of(fy, snap, measure, code)
    assert len(found) <= 1
    return found[0].amount_yen if found else None


@pytest.mark.parametrize(
    ("fy", "expected", "rule_id"),
    [
        (2020, 15_000_000, "metropolitan_partner_special.fy2015"),
        (2021, 18_000_000, "metropolitan_partner_special.fy2021"),
    ],
)
def test_partner_cap_changes_between_fy2020_and_fy2021(fy: int, expected: int, rule_id: str) -> None:
    snap = snapshot(budgets=[budget(PARTNER, fy, 21_400_000)])
    (line,) = lines_of(fy, snap, Measure.METROPOLITAN_PARTNER_SPECIAL)
    assert (line.recipient_code, line.amount_yen, line.rule_id) == (PARTNER, expected, rule_id)
    assert line.arithmetic == f"min(21,400,000 × 1.0, cap {expected:,}) = {expected:,}"
    assert line.inputs["agreements"] == ["ag-1"] and not line.unconfirmed


@pytest.mark.parametrize(
    ("spending", "expected"), [(17_999_999, 17_999_999), (18_000_000, 18_000_000), (18_000_001, 18_000_000)]
)
def test_partner_amount_is_the_lower_of_spending_and_cap_at_the_edge(spending: int, expected: int) -> None:
    assert (
        amount(
            2024,
            snapshot(budgets=[budget(PARTNER, 2024, spending)]),
            Measure.METROPOLITAN_PARTNER_SPECIAL,
            PARTNER,
        )
        == expected
    )


def test_partner_without_spending_gets_a_zero_line_that_says_so() -> None:
    (line,) = lines_of(2024, snapshot(), Measure.METROPOLITAN_PARTNER_SPECIAL)
    assert line.amount_yen == 0 and line.arithmetic == "min(0 × 1.0, cap 18,000,000) = 0"


@pytest.mark.parametrize(("fy", "cap"), [(2013, 40_000_000), (2014, 85_000_000)])
def test_settlement_centre_cap_changes_between_fy2013_and_fy2014(fy: int, cap: int) -> None:
    snap = snapshot("settlement", budgets=[budget(CORE, fy, 100_000_000)])
    assert amount(fy, snap, Measure.SETTLEMENT_CENTRE_SPECIAL, CORE) == cap
    # A settlement area has no metropolitan measures.
    assert lines_of(fy, snap, Measure.METROPOLITAN_CORE_SPECIAL) == []


@pytest.mark.parametrize(
    ("fy", "cap"), [(2013, 10_000_000), (2014, 15_000_000), (2020, 15_000_000), (2021, 18_000_000)]
)
def test_settlement_neighbour_cap_by_fy(fy: int, cap: int) -> None:
    snap = snapshot("settlement", budgets=[budget(PARTNER, fy, 50_000_000)])
    assert amount(fy, snap, Measure.SETTLEMENT_NEIGHBOUR_SPECIAL, PARTNER) == cap


def test_metropolitan_measures_start_in_fy2015() -> None:
    snap = snapshot(budgets=[budget(PARTNER, 2014, 1_000_000), budget(PARTNER, 2015, 1_000_000)])
    assert amount(2014, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) is None
    assert amount(2015, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) == 1_000_000


@pytest.mark.parametrize(
    ("in_force_on", "first_fy"),
    [(date(2024, 4, 1), 2024), (date(2025, 3, 31), 2024), (date(2025, 4, 1), 2025)],
)
def test_the_first_fy_in_which_an_agreement_is_in_force_counts(in_force_on: date, first_fy: int) -> None:
    snap = snapshot(
        agreements=[agreement(in_force_on)],
        budgets=[budget(PARTNER, first_fy - 1, 5), budget(PARTNER, first_fy, 5)],
    )
    assert amount(first_fy - 1, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) is None
    assert amount(first_fy, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) == 5
    # Without a counted partner the centre has no area measure either.
    assert lines_of(first_fy - 1, snap, Measure.METROPOLITAN_CORE_SPECIAL) == []


@pytest.mark.parametrize(("terminated_on", "last_fy"), [(date(2026, 3, 31), 2025), (date(2026, 4, 1), 2026)])
def test_the_fy_after_a_termination_no_longer_counts(terminated_on: date, last_fy: int) -> None:
    snap = snapshot(agreements=[agreement(date(2020, 4, 1), terminated_on)])
    assert amount(last_fy, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) == 0
    assert amount(last_fy + 1, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) is None


def test_a_member_without_an_agreement_with_the_centre_does_not_count() -> None:
    members = (
        Member(CORE, "centre", date(2010, 4, 1)),
        Member(PARTNER, "partner", date(2010, 4, 1)),
        Member(OTHER, "partner", date(2010, 4, 1)),
    )
    snap = snapshot(areas=[area("metropolitan", members=members)])
    assert [line.recipient_code for line in lines_of(2024, snap, Measure.METROPOLITAN_PARTNER_SPECIAL)] == [
        PARTNER
    ]
    # ... nor in the area population of the ordinary-tax estimate.
    (line,) = lines_of(2024, snap, Measure.METROPOLITAN_CORE_ORDINARY)
    assert line.inputs["area_population"] == 241_000 + 61_000


def test_a_membership_ended_before_the_fy_does_not_count() -> None:
    members = (
        Member(CORE, "centre", date(2010, 4, 1)),
        Member(PARTNER, "partner", date(2010, 4, 1), date(2024, 3, 31)),
    )
    snap = snapshot(areas=[area("metropolitan", members=members)])
    assert amount(2023, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) == 0
    assert amount(2024, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) is None


def test_core_ordinary_tax_is_an_estimate_from_the_area_population() -> None:
    # The seed example: an area of 750,000 people, about ¥200 m. floor(750,000 × 266.67) = 200,002,500.
    snap = snapshot(populations={CORE: 700_000, PARTNER: 50_000})
    (line,) = lines_of(2024, snap, Measure.METROPOLITAN_CORE_ORDINARY)
    assert (line.recipient_code, line.amount_yen, line.estimate, line.unconfirmed) == (
        CORE,
        200_002_500,
        True,
        True,
    )
    assert line.arithmetic == "floor(area population 750,000 × 266.67 yen) = 200,002,500 (estimate)"


def test_core_special_measure_is_capped_at_120_million() -> None:
    snap = snapshot(budgets=[budget(CORE, 2024, 150_000_000)])
    (line,) = lines_of(2024, snap, Measure.METROPOLITAN_CORE_SPECIAL)
    assert (line.amount_yen, line.unconfirmed) == (120_000_000, True)


def test_outside_experts_are_capped_per_year_for_at_most_three_years() -> None:
    budgets = [budget(PARTNER, fy, 9_000_000, field="outside_experts") for fy in (2021, 2022, 2023, 2024)]
    snap = snapshot(budgets=budgets)
    assert [amount(fy, snap, Measure.OUTSIDE_EXPERTS, PARTNER) for fy in (2021, 2022, 2023, 2024)] == [
        7_000_000,
        7_000_000,
        7_000_000,
        0,
    ]
    # Expert spending is not the partner's ordinary eligible spending.
    assert amount(2021, snap, Measure.METROPOLITAN_PARTNER_SPECIAL, PARTNER) == 0


def test_specialists_start_in_fy2024_and_round_down() -> None:
    costs = [StaffingCost("c-1", "060003", 2023, 1_000_001), StaffingCost("c-2", "060003", 2024, 1_000_001)]
    snap = snapshot(staffing_costs=costs)
    assert amount(2023, snap, Measure.SPECIALISTS, "060003") is None
    (line,) = lines_of(2024, snap, Measure.SPECIALISTS)
    # floor(1,000,001 × 0.5) = 500,000: the half yen is dropped, as the rule names it.
    assert (line.amount_yen, line.unconfirmed) == (500_000, True)
    assert line.arithmetic == "floor(eligible costs 1,000,001 × 0.5) = 500,000"


def test_bond_debt_service_is_counted_from_the_year_after_issue() -> None:
    snap = snapshot("settlement", budgets=[budget(PARTNER, 2024, 10_000_000, bond="medical_welfare")])
    assert lines_of(2024, snap, Measure.BOND_INCLUSION) == []
    (line,) = lines_of(2025, snap, Measure.BOND_INCLUSION)
    # bond = 10,000,000 × 0.9 = 9,000,000; year 1 is a grace year: interest 9,000,000 × 0.005 = 45,000;
    # 30% of 45,000 = 13,500.
    assert (line.amount_yen, line.inputs["bond_yen"], line.inputs["debt_service_yen"]) == (
        13_500,
        9_000_000,
        45_000,
    )
    # Year 10 is the last; year 11 has nothing left to repay.
    assert len(lines_of(2034, snap, Measure.BOND_INCLUSION)) == 1
    assert lines_of(2035, snap, Measure.BOND_INCLUSION) == []


def test_settlement_bonds_only_in_their_three_fields() -> None:
    tourism = [budget(PARTNER, 2024, 10_000_000, bond="tourism")]
    assert lines_of(2025, snapshot("settlement", budgets=tourism), Measure.BOND_INCLUSION) == []
    assert len(lines_of(2025, snapshot("metropolitan", budgets=tourism), Measure.BOND_INCLUSION)) == 1


def test_recipients_restrict_the_lines() -> None:
    snap = snapshot(budgets=[budget(PARTNER, 2024, 1), budget(CORE, 2024, 1)])
    assert {line.recipient_code for line in compute(2024, snap, RULES, recipients={PARTNER})} == {PARTNER}


@pytest.mark.parametrize(
    ("month", "covered_until", "after_flag"),
    [
        (3, date(2026, 3, 1), True),  # March of FY2025 is in calendar 2026 and begins on the flag day
        (3, date(2026, 3, 2), False),  # March 1 was still covered
        (12, date(2026, 3, 1), False),
        (None, date(2025, 4, 1), True),  # no month: the FY's first day decides
        (None, date(2025, 4, 2), False),
        (4, None, False),  # never flagged
    ],
)
def test_a_cost_is_after_the_flag_when_its_period_begins_on_or_after_it(
    month: int | None, covered_until: date | None, after_flag: bool
) -> None:
    cost = StaffingCost("c-1", "060003", 2025, 100, month=month, covered_until=covered_until)
    assert cost.after_flag is after_flag


def test_costs_after_the_flag_leave_the_specialist_line_and_say_so() -> None:
    costs = [
        StaffingCost("c-1", "060003", 2025, 300_001, month=5, covered_until=date(2025, 7, 1)),
        StaffingCost("c-2", "060003", 2025, 200_000, month=7, covered_until=date(2025, 7, 1)),
    ]
    (line,) = compute(2025, Snapshot(staffing_costs=costs), default_rules())
    assert line.amount_yen == 150_000  # floor(300,001 × 0.5)
    assert line.inputs["eligible_costs_yen"] == 300_001
    assert line.inputs["excluded_after_flag_yen"] == 200_000
