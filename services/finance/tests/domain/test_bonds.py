"""Bond schedules against tables computed by hand."""

from __future__ import annotations

import pytest
from renkei_finance.domain.bonds import schedule


def test_equal_principal_without_grace() -> None:
    rows = schedule(1_000_000, term_years=5, grace_years=0, interest_rate="0.01", method="equal_principal")
    assert [(r.principal_yen, r.interest_yen, r.balance_after_yen) for r in rows] == [
        (200_000, 10_000, 800_000),
        (200_000, 8_000, 600_000),
        (200_000, 6_000, 400_000),
        (200_000, 4_000, 200_000),
        (200_000, 2_000, 0),
    ]


def test_level_payment_rounds_down_and_the_last_instalment_settles() -> None:
    # level = floor(1,000,000 × 0.1 × 1.21 / 0.21) = 576,190. Year 1: interest 100,000, principal 476,190,
    # balance 523,810. Year 2: interest 52,381, principal 523,810 (the rest), debt service 576,191.
    rows = schedule(1_000_000, term_years=2, grace_years=0, interest_rate="0.1", method="level_payment")
    assert [(r.principal_yen, r.interest_yen, r.debt_service_yen) for r in rows] == [
        (476_190, 100_000, 576_190),
        (523_810, 52_381, 576_191),
    ]


def test_grace_years_pay_interest_only_and_principal_sums_exactly() -> None:
    rows = schedule(999_999, term_years=4, grace_years=1, interest_rate="0.02", method="equal_principal")
    assert rows[0].principal_yen == 0 and rows[0].interest_yen == 19_999
    assert [r.principal_yen for r in rows[1:]] == [333_333, 333_333, 333_333]
    assert sum(r.principal_yen for r in rows) == 999_999 and rows[-1].balance_after_yen == 0


def test_interest_free_level_payment() -> None:
    rows = schedule(10, term_years=3, grace_years=0, interest_rate="0", method="level_payment")
    assert [r.principal_yen for r in rows] == [3, 3, 4]


@pytest.mark.parametrize(("term", "grace"), [(0, 0), (3, 3), (3, -1)])
def test_impossible_terms_are_refused(term: int, grace: int) -> None:
    with pytest.raises(ValueError):
        schedule(1, term_years=term, grace_years=grace, interest_rate="0.01", method="level_payment")
