"""Cost sharing to the yen: equal, population and usage shares; the remainder goes to the stated member."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from renkei_agreements.domain.cost_sharing import MemberBasis, Weights, share_costs
from renkei_agreements.domain.errors import RuleViolation

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


@pytest.mark.parametrize(
    ("weights", "members", "field", "rule"),
    [
        (
            W(Decimal("0.5"), Decimal("0.4"), Decimal(0)),
            [MemberBasis("062014", 1)],
            "weights",
            "weights_sum_to_one",
        ),
        (
            W(Decimal(0), Decimal(0), Decimal(1)),
            [MemberBasis("062014")],
            "members[0].usage",
            "usage_required",
        ),
        (
            W(Decimal(0), Decimal(1), Decimal(0)),
            [MemberBasis("062014")],
            "members[0].code",
            "population_required",
        ),
        (
            W(Decimal(0), Decimal(1), Decimal(0)),
            [MemberBasis("062014", 0)],
            "weights",
            "population_total_positive",
        ),
        (
            W(Decimal("1.5"), Decimal("-0.5"), Decimal(0)),
            [MemberBasis("062014", 1)],
            "weights.equal",
            "between_0_and_1",
        ),
    ],
)
def test_bad_formulas_name_the_field(
    weights: Weights, members: list[MemberBasis], field: str, rule: str
) -> None:
    with pytest.raises(RuleViolation) as refused:
        share_costs(cost_yen=1000, weights=weights, members=members, remainder_to="062014")
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (field, rule)


def test_the_remainder_member_must_be_a_member() -> None:
    with pytest.raises(RuleViolation, match="not a member"):
        share_costs(
            cost_yen=1,
            weights=W(Decimal(1), Decimal(0), Decimal(0)),
            members=[MemberBasis("062014")],
            remainder_to="062103",
        )


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
