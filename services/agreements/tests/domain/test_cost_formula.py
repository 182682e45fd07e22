"""Cost sharing per cost class: FY schedules of weights, every basis, and the stated truncation to ¥1,000."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from renkei_agreements.domain.cost_formula import (
    ClassFormula,
    CostClass,
    WeightPeriod,
    arithmetic,
    member_totals,
    share_formula,
)
from renkei_agreements.domain.cost_sharing import Basis, MemberBasis, Rounding
from renkei_common.domain_errors import RuleViolation

E, P, U, F, T = Basis.EQUAL, Basis.POPULATION, Basis.USAGE, Basis.FISCAL_NEED, Basis.TONNAGE
HOST, B, C = "062014", "062103", "062073"
THOUSAND = Rounding.TRUNCATE_UNDER_1000


def period(frm: int | None = None, to: int | None = None, **weights: str) -> WeightPeriod:
    return WeightPeriod(frm, to, {Basis(name): Decimal(value) for name, value in weights.items()})


def always(**weights: str) -> tuple[WeightPeriod, ...]:
    return (period(**weights),)


def operation(cost: int, *schedule: WeightPeriod) -> ClassFormula:
    return ClassFormula(CostClass.OPERATION, cost, schedule)


def share(
    classes: list[ClassFormula],
    members: list[MemberBasis],
    *,
    fy: int = 2025,
    rounding: Rounding = THOUSAND,
    remainder_to: str = HOST,
) -> list[list[int]]:
    result = share_formula(
        fiscal_year=fy, classes=classes, members=members, remainder_to=remainder_to, rounding=rounding
    )
    return [[s.share_yen for s in c.shares] for c in result]


def refusal(classes: list[ClassFormula], members: list[MemberBasis], fy: int = 2025) -> list[tuple[str, str]]:
    with pytest.raises(RuleViolation) as refused:
        share(classes, members, fy=fy)
    return [(v.field, v.rule) for v in refused.value.violations]


EQUALS = [MemberBasis(HOST), MemberBasis(B), MemberBasis(C)]


def test_each_share_is_truncated_to_1000_yen_and_the_host_takes_the_rest() -> None:
    # 1,000,000 ÷ 3 = 333,333.33 each: the others pay 333,000, the host 1,000,000 − 666,000.
    assert share([operation(1_000_000, *always(equal="1"))], EQUALS) == [[334_000, 333_000, 333_000]]


def test_the_host_may_be_listed_anywhere() -> None:
    assert share([operation(1_000_000, *always(equal="1"))], EQUALS, remainder_to=C) == [
        [333_000, 333_000, 334_000]
    ]


def test_a_cost_under_1000_yen_falls_wholly_on_the_host() -> None:
    assert share([operation(999, *always(equal="1"))], EQUALS) == [[999, 0, 0]]


def test_a_share_of_exactly_1000_is_kept_and_one_yen_less_is_truncated() -> None:
    assert share([operation(3000, *always(equal="1"))], EQUALS) == [[1000, 1000, 1000]]
    assert share([operation(2997, *always(equal="1"))], EQUALS) == [[2997, 0, 0]]  # 999 each


def test_truncation_to_the_yen_is_still_the_default_rounding() -> None:
    assert share([operation(1_000_000, *always(equal="1"))], EQUALS, rounding=Rounding.FLOOR_TO_YEN) == [
        [333_334, 333_333, 333_333]
    ]


def test_a_member_with_zero_population_pays_only_its_equal_part() -> None:
    members = [MemberBasis(HOST, 300), MemberBasis(B, 0), MemberBasis(C, 100)]
    # equal 0.1: 40,000 each; population 0.9 of 1,200,000: 810,000 / 0 / 270,000.
    assert share([operation(1_200_000, *always(equal="0.1", population="0.9"))], members) == [
        [850_000, 40_000, 310_000]
    ]


def test_all_zero_populations_are_refused_naming_the_weights_that_need_them() -> None:
    members = [MemberBasis(HOST, 0), MemberBasis(B, 0)]
    construction = ClassFormula(CostClass.CONSTRUCTION, 1000, always(equal="1"))
    assert refusal([construction, operation(1000, *always(population="1"))], members) == [
        ("classes[1].schedule[0].weights", "population_total_positive")
    ]


def test_standard_fiscal_need_and_cumulative_tonnage_are_bases() -> None:
    members = [
        MemberBasis(HOST, fiscal_need_yen=30_000_000_000, tonnage=Decimal("1500.5")),
        MemberBasis(B, fiscal_need_yen=10_000_000_000, tonnage=Decimal("499.5")),
    ]
    # fiscal need 3 : 1 of 4,000,000; tonnage 1500.5 : 499.5 of 4,000,000, exactly 3,001,000 : 999,000
    assert share([operation(8_000_000, *always(fiscal_need="0.5", tonnage="0.5"))], members) == [
        [6_001_000, 1_999_000]
    ]


def test_a_weighted_basis_needs_every_members_figure_and_names_it() -> None:
    members = [MemberBasis(HOST, 10, fiscal_need_yen=1), MemberBasis(B, 10, tonnage=Decimal(1))]
    assert refusal([operation(1000, *always(fiscal_need="0.5", tonnage="0.5"))], members) == [
        ("members[1].fiscal_need_yen", "fiscal_need_required"),
        ("members[0].tonnage", "tonnage_required"),
    ]


def test_a_figure_needed_by_two_classes_is_reported_once() -> None:
    construction = ClassFormula(CostClass.CONSTRUCTION, 1000, always(tonnage="1"))
    members = [MemberBasis(HOST, tonnage=Decimal(1)), MemberBasis(B)]
    assert refusal([construction, operation(1000, *always(tonnage="1"))], members) == [
        ("members[1].tonnage", "tonnage_required")
    ]


def test_a_figure_of_an_unweighted_basis_is_not_needed() -> None:
    members = [MemberBasis(HOST, 1), MemberBasis(B, 1)]
    assert share([operation(2000, *always(equal="0.5", population="0.5", tonnage="0"))], members) == [
        [1000, 1000]
    ]


TEN_NINETY_THEN_TWENTY_EIGHTY = (
    period(None, 2026, equal="0.1", population="0.9"),
    period(2027, None, equal="0.2", population="0.8"),
)
TWO = [MemberBasis(HOST, 3), MemberBasis(B, 1)]


@pytest.mark.parametrize(
    ("fy", "expected"),
    [
        # 10/90: 50,000 + 675,000 and 50,000 + 225,000
        (2026, [[725_000, 275_000]]),
        # 20/80: 100,000 + 600,000 and 100,000 + 200,000
        (2027, [[700_000, 300_000]]),
    ],
)
def test_the_weights_of_the_period_covering_the_fiscal_year_apply(fy: int, expected: list[list[int]]) -> None:
    assert share([operation(1_000_000, *TEN_NINETY_THEN_TWENTY_EIGHTY)], TWO, fy=fy) == expected


@pytest.mark.parametrize(
    ("schedule", "fy", "expected"),
    [
        (
            (period(2020, 2024, equal="1"), period(2026, None, equal="1")),
            2025,
            [("classes[0].schedule[1].from_fy", "schedule_no_gap")],
        ),
        (
            (period(2020, 2025, equal="1"), period(2025, None, equal="1")),
            2025,
            [("classes[0].schedule[1].from_fy", "schedule_no_overlap")],
        ),
        (  # an open end before another period overlaps it
            (period(2020, None, equal="1"), period(2026, None, equal="1")),
            2025,
            [("classes[0].schedule[1].from_fy", "schedule_no_overlap")],
        ),
        ((period(2026, 2025, equal="1"),), 2025, [("classes[0].schedule[0].to_fy", "fy_range_order")]),
        ((period(2026, None, equal="1"),), 2025, [("classes[0].schedule", "fy_covered")]),
        ((period(None, 2024, equal="1"),), 2025, [("classes[0].schedule", "fy_covered")]),
        ((), 2025, [("classes[0].schedule", "at_least_one")]),
        (
            (period(None, 2026, equal="0.5", population="0.4"),),
            2025,
            [("classes[0].schedule[0].weights", "weights_sum_to_one")],
        ),
        (
            (period(None, None, equal="1.5", usage="-0.5"),),
            2025,
            [
                ("classes[0].schedule[0].weights.equal", "between_0_and_1"),
                ("classes[0].schedule[0].weights.usage", "between_0_and_1"),
            ],
        ),
    ],
)
def test_bad_schedules_name_the_field_and_rule(
    schedule: tuple[WeightPeriod, ...], fy: int, expected: list[tuple[str, str]]
) -> None:
    assert refusal([operation(1000, *schedule)], TWO, fy=fy) == expected


def test_a_single_year_period_is_accepted_at_both_edges() -> None:
    schedule = (
        period(None, 2024, equal="1"),
        period(2025, 2025, population="1"),
        period(2026, None, equal="1"),
    )
    assert share([operation(4000, *schedule)], TWO, fy=2025) == [[3000, 1000]]
    assert share([operation(4000, *schedule)], TWO, fy=2026) == [[2000, 2000]]


def test_classes_are_shared_each_by_its_own_formula_and_the_totals_sum_to_the_whole_cost() -> None:
    members = [MemberBasis(HOST, 247_747), MemberBasis(B, 62_166), MemberBasis(C, 29_000)]
    classes = [
        ClassFormula(CostClass.CONSTRUCTION, 300_000_000, always(equal="0.5", population="0.5")),
        operation(123_456_789, *TEN_NINETY_THEN_TWENTY_EIGHTY),
    ]
    result = share_formula(
        fiscal_year=2025, classes=classes, members=members, remainder_to=HOST, rounding=THOUSAND
    )
    assert [sum(s.share_yen for s in c.shares) for c in result] == [300_000_000, 123_456_789]
    assert sum(member_totals(result).values()) == 423_456_789
    for cost_class in result:
        assert [s.share_yen % 1000 for s in cost_class.shares[1:]] == [0, 0]


def test_cost_classes_are_distinct_and_at_least_one() -> None:
    twice = [operation(1000, *always(equal="1")), operation(1000, *always(equal="1"))]
    assert refusal(twice, TWO) == [("classes[1].cost_class", "distinct")]
    assert refusal([], TWO) == [("classes", "at_least_one")]
    assert refusal([operation(-1, *always(equal="1"))], TWO) == [("classes[0].cost_yen", "non_negative")]


def test_the_arithmetic_states_each_basis_the_sum_and_the_rounding() -> None:
    members = [MemberBasis(HOST, 3), MemberBasis(B, 1)]
    (result,) = share_formula(
        fiscal_year=2025,
        classes=[operation(1_000_001, *always(equal="0.1", population="0.9"))],
        members=members,
        remainder_to=HOST,
        rounding=THOUSAND,
    )
    assert arithmetic(result, members[1], result.shares[1], rounding=THOUSAND, host=False) == (
        "均等割 0.1 × 1,000,001 ÷ 2 = 50,000.05 + 人口割 0.9 × 1,000,001 × 1 ÷ 4 = 225,000.23"
        " = 275,000.28 → 275,000 (amounts under ¥1,000 truncated)"
    )
    assert arithmetic(result, members[0], result.shares[0], rounding=THOUSAND, host=True).endswith(
        "= 725,000.73 → 725,001 (the remainder: the cost less the other members' shares)"
    )


@st.composite
def formulas(draw: st.DrawFn) -> tuple[list[ClassFormula], list[MemberBasis]]:
    classes = []
    for cost_class in draw(st.lists(st.sampled_from(list(CostClass)), min_size=1, max_size=3, unique=True)):
        equal = draw(st.integers(0, 100))
        population = draw(st.integers(0, 100 - equal))
        fiscal_need = draw(st.integers(0, 100 - equal - population))
        tonnage = 100 - equal - population - fiscal_need
        weights = {
            E: Decimal(equal) / 100,
            P: Decimal(population) / 100,
            F: Decimal(fiscal_need) / 100,
            T: Decimal(tonnage) / 100,
        }
        classes.append(
            ClassFormula(cost_class, draw(st.integers(0, 10**11)), (WeightPeriod(None, None, weights),))
        )
    members = [
        MemberBasis(
            f"{i:06d}",
            draw(st.integers(1, 4_000_000)),
            None,
            draw(st.integers(1, 10**12)),
            Decimal(draw(st.integers(1, 10**7))) / 10,
        )
        for i in range(draw(st.integers(1, 12)))
    ]
    return classes, members


@given(formulas(), st.data())
def test_every_class_sums_to_its_cost_and_only_the_host_pays_an_amount_under_1000(
    formula: tuple[list[ClassFormula], list[MemberBasis]], data: st.DataObject
) -> None:
    classes, members = formula
    host = data.draw(st.sampled_from([m.code for m in members]))
    result = share_formula(
        fiscal_year=2025, classes=classes, members=members, remainder_to=host, rounding=THOUSAND
    )
    for given_class, shared in zip(classes, result, strict=True):
        assert sum(s.share_yen for s in shared.shares) == given_class.cost_yen
        assert sum(s.exact for s in shared.shares) == Fraction(given_class.cost_yen)
        for s in shared.shares:
            if s.code == host:
                assert s.share_yen >= s.exact  # it takes what the others' truncation cut off
            else:
                assert s.share_yen % 1000 == 0 and 0 <= s.exact - s.share_yen < 1000
    assert sum(member_totals(result).values()) == sum(c.cost_yen for c in classes)
