"""Cost sharing to the yen: equal, population and usage shares; the remainder goes to the stated member."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from renkei_agreements.domain.cost_sharing import MemberBasis, Weights, share_costs
from renkei_common.domain_errors import RuleViolation

W = Weights


def test_ten_percent_equal_ninety_percent_population() -> None:
    members = [MemberBasis("062014", 247747), MemberBasis("062103", 62166)]
    shares = share_costs(
        cost_yen=100_000_000,
        weights=W(Decimal("0.1"), Decimal("0.9"), Decimal(0)),
        members=members,
        remainder_to="062014",
    )
    assert [s.share_yen for s in shares] == [76946740, 23053260]
    assert sum(s.share_yen for s in shares) == 100_000_000


def test_the_remainder_goes_to_the_stated_member() -> None:
    members = [MemberBasis(code) for code in ("062014", "062103", "062073")]
    shares = share_costs(
        cost_yen=100, weights=W(Decimal(1), Decimal(0), Decimal(0)), members=members, remainder_to="062103"
    )
    assert [s.share_yen for s in shares] == [33, 34, 33]


def test_usage_shares_use_the_usage_figures() -> None:
    members = [MemberBasis("062014", usage=Decimal("3")), MemberBasis("062103", usage=Decimal("1"))]
    shares = share_costs(
        cost_yen=1000, weights=W(Decimal(0), Decimal(0), Decimal(1)), members=members, remainder_to="062014"
    )
    assert [s.share_yen for s in shares] == [750, 250]


def refusal(
    *,
    cost_yen: int = 1000,
    weights: Weights = W(Decimal(1), Decimal(0), Decimal(0)),
    members: list[MemberBasis] | None = None,
    remainder_to: str = "062014",
) -> list[tuple[str, str]]:
    with pytest.raises(RuleViolation) as refused:
        share_costs(
            cost_yen=cost_yen,
            weights=weights,
            members=[MemberBasis("062014", 1, Decimal(1))] if members is None else members,
            remainder_to=remainder_to,
        )
    return [(v.field, v.rule) for v in refused.value.violations]


@pytest.mark.parametrize(
    ("weights", "members", "expected"),
    [
        (
            W(Decimal("0.5"), Decimal("0.4"), Decimal(0)),
            [MemberBasis("062014", 1)],
            [("weights", "weights_sum_to_one")],
        ),
        (
            W(Decimal(0), Decimal(0), Decimal(1)),
            [MemberBasis("062014")],
            [("members[0].usage", "usage_required")],
        ),
        (
            W(Decimal(0), Decimal(1), Decimal(0)),
            [MemberBasis("062014")],
            [("members[0].code", "population_required")],
        ),
        (
            W(Decimal(0), Decimal(1), Decimal(0)),
            [MemberBasis("062014", 0)],
            [("weights", "population_total_positive")],
        ),
        (
            W(Decimal(0), Decimal(1), Decimal(0)),
            [MemberBasis("062014", -5)],
            [("members[0].population", "non_negative")],
        ),
        (
            W(Decimal(0), Decimal(0), Decimal(1)),
            [MemberBasis("062014", usage=Decimal("-0.5"))],
            [("members[0].usage", "non_negative")],
        ),
        (
            W(Decimal(0), Decimal(0), Decimal(1)),
            [MemberBasis("062014", usage=Decimal("NaN"))],
            [("members[0].usage", "finite")],
        ),
        (
            W(Decimal("1.5"), Decimal("-0.5"), Decimal(0)),
            [MemberBasis("062014", 1)],
            [("weights.equal", "between_0_and_1"), ("weights.population", "between_0_and_1")],
        ),
        (  # negative weights that still sum to 1 are refused by the weight, not let through by the sum
            W(Decimal("0.5"), Decimal("0.7"), Decimal("-0.2")),
            [MemberBasis("062014", 1, Decimal(1))],
            [("weights.usage", "between_0_and_1")],
        ),
        (
            W(Decimal("NaN"), Decimal(0), Decimal(1)),
            [MemberBasis("062014", 1, Decimal(1))],
            [("weights.equal", "between_0_and_1")],
        ),
    ],
)
def test_bad_formulas_name_the_field_and_rule(
    weights: Weights, members: list[MemberBasis], expected: list[tuple[str, str]]
) -> None:
    assert refusal(weights=weights, members=members) == expected


def test_a_weight_of_exactly_0_or_1_is_accepted() -> None:
    shares = share_costs(
        cost_yen=10,
        weights=W(Decimal(0), Decimal(1), Decimal("0.0")),
        members=[MemberBasis("062014", 3), MemberBasis("062103", 1)],
        remainder_to="062014",
    )
    assert [s.share_yen for s in shares] == [
        8,
        2,
    ]  # 7.5 rounds down to 7, 2.5 to 2, the yen left goes to 062014


def test_a_negative_cost_is_refused() -> None:
    assert refusal(cost_yen=-1) == [("cost_yen", "non_negative")]


def test_a_cost_of_zero_gives_zero_shares() -> None:
    shares = share_costs(
        cost_yen=0,
        weights=W(Decimal(1), Decimal(0), Decimal(0)),
        members=[MemberBasis("062014"), MemberBasis("062103")],
        remainder_to="062103",
    )
    assert [s.share_yen for s in shares] == [0, 0]


def test_no_members_is_refused() -> None:
    assert refusal(members=[]) == [("members", "at_least_one")]


def test_a_member_listed_twice_is_refused_rather_than_given_the_remainder_twice() -> None:
    # 100 yen among [A, A, B] once became 34 + 34 + 33 = 101.
    members = [MemberBasis("062014"), MemberBasis("062103"), MemberBasis("062014")]
    assert refusal(cost_yen=100, members=members) == [("members[2].code", "distinct")]


def test_every_refusal_of_the_request_is_reported_at_once() -> None:
    assert refusal(
        cost_yen=-1,
        weights=W(Decimal("0.5"), Decimal(0), Decimal(0)),
        members=[MemberBasis("062014"), MemberBasis("062014")],
        remainder_to="011002",
    ) == [
        ("weights", "weights_sum_to_one"),
        ("cost_yen", "non_negative"),
        ("members[1].code", "distinct"),
        ("remainder_to", "member"),
    ]


def test_a_usage_total_of_zero_is_reported_along_with_population_errors() -> None:
    members = [MemberBasis("062014", None, Decimal(0)), MemberBasis("062103", 5, Decimal(0))]
    assert refusal(weights=W(Decimal(0), Decimal("0.5"), Decimal("0.5")), members=members) == [
        ("members[0].code", "population_required"),
        ("weights", "usage_total_positive"),
    ]


def test_a_member_with_no_population_or_no_usage_pays_only_the_equal_share() -> None:
    members = [
        MemberBasis("062014", 300, Decimal(4)),
        MemberBasis("062103", 0, Decimal(6)),
        MemberBasis("062073", 100, Decimal(0)),
    ]
    shares = share_costs(
        cost_yen=3000,
        weights=W(Decimal("0.1"), Decimal("0.5"), Decimal("0.4")),
        members=members,
        remainder_to="062014",
    )
    # equal 100 each; population 1125 / 0 / 375; usage 480 / 720 / 0
    assert [s.share_yen for s in shares] == [1705, 820, 475]
    assert [s.exact for s in shares] == [Fraction(1705), Fraction(820), Fraction(475)]


def test_the_remainder_member_must_be_a_member() -> None:
    assert refusal(remainder_to="062103") == [("remainder_to", "member")]


def test_the_remainder_may_go_to_the_last_member() -> None:
    members = [MemberBasis(code) for code in ("062014", "062103", "062073")]
    shares = share_costs(
        cost_yen=200, weights=W(Decimal(1), Decimal(0), Decimal(0)), members=members, remainder_to="062073"
    )
    assert [s.share_yen for s in shares] == [66, 66, 68]


@st.composite
def formulas(draw: st.DrawFn) -> tuple[int, Weights, list[MemberBasis]]:
    equal = draw(st.integers(0, 1000))
    population = draw(st.integers(0, 1000 - equal))
    weights = W(Decimal(equal) / 1000, Decimal(population) / 1000, Decimal(1000 - equal - population) / 1000)
    count = draw(st.integers(1, 12))
    members = [
        MemberBasis(f"{i:06d}", draw(st.integers(1, 4_000_000)), Decimal(draw(st.integers(1, 10**6))) / 10)
        for i in range(count)
    ]
    return draw(st.integers(0, 10**12)), weights, members


@given(formulas(), st.data())
def test_shares_always_sum_to_the_cost_and_round_down_except_the_remainder(
    formula: tuple[int, Weights, list[MemberBasis]], data: st.DataObject
) -> None:
    cost, weights, members = formula
    remainder_to = data.draw(st.sampled_from([m.code for m in members]))
    shares = share_costs(cost_yen=cost, weights=weights, members=members, remainder_to=remainder_to)
    assert sum(s.share_yen for s in shares) == cost
    assert sum(s.exact for s in shares) == Fraction(cost)
    for share in shares:
        floor = share.exact.numerator // share.exact.denominator
        if share.code == remainder_to:
            assert 0 <= share.share_yen - floor < len(members)
        else:
            assert share.share_yen == floor
