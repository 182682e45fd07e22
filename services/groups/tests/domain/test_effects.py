"""Effects of designation: leases never overlap on the same part, coordination requests fall overdue."""

from __future__ import annotations

from datetime import date

import pytest
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_groups.domain.effects import (
    Lease,
    Period,
    advance_coordination,
    check_contract,
    check_support,
    coordination_overdue,
    ensure_no_overlap,
)
from renkei_groups.domain.kinds import CoordinationStatus as C
from renkei_groups.domain.kinds import SupportKind

FY2025 = Period(date(2025, 4, 1), date(2026, 3, 31))
ROOM = Lease("health-centre", "2F 多目的室", FY2025, 0)


def test_a_lease_touching_the_last_day_overlaps_and_the_next_day_does_not() -> None:
    existing = [("L1", ROOM)]
    with pytest.raises(StateConflict) as caught:
        ensure_no_overlap(
            Lease("health-centre", " 2F  多目的室", Period(date(2026, 3, 31), date(2026, 4, 30)), 0), existing
        )
    assert caught.value.rule == "lease_overlap" and caught.value.details["conflicting_lease_id"] == "L1"
    ensure_no_overlap(
        Lease("health-centre", "2F 多目的室", Period(date(2026, 4, 1), date(2027, 3, 31)), 0), existing
    )


def test_other_parts_and_assets_are_free_but_the_whole_asset_covers_every_part() -> None:
    existing = [("L1", ROOM)]
    ensure_no_overlap(Lease("health-centre", "1F 調理室", FY2025, 1000), existing)
    ensure_no_overlap(Lease("park", "2F 多目的室", FY2025, 1000), existing)
    with pytest.raises(StateConflict):
        ensure_no_overlap(Lease("health-centre", None, FY2025, 1000), existing)


def test_lease_input_is_checked_by_field() -> None:
    with pytest.raises(RuleViolation) as caught:
        ensure_no_overlap(Lease("a", None, Period(date(2025, 4, 2), date(2025, 4, 1)), 0), [])
    assert caught.value.violations[0].field == "period.end"
    with pytest.raises(RuleViolation) as negative:
        ensure_no_overlap(Lease("a", None, FY2025, -1), [])
    assert negative.value.violations[0].rule == "rent_not_negative"
    ensure_no_overlap(Lease("a", None, Period(date(2025, 4, 1), date(2025, 4, 1)), 0), [])


def test_support_amounts() -> None:
    check_support(SupportKind.grant, 1)
    check_support(SupportKind.information, None)
    for kind, amount, rule in (
        (SupportKind.grant, 0, "grant_amount_positive"),
        (SupportKind.grant, None, "grant_amount_positive"),
        (SupportKind.information, 5, "information_has_no_amount"),
    ):
        with pytest.raises(RuleViolation) as caught:
            check_support(kind, amount)
        assert (caught.value.violations[0].field, caught.value.violations[0].rule) == ("amount_yen", rule)


def test_contracts_are_worth_at_least_a_yen() -> None:
    check_contract(1, FY2025)
    with pytest.raises(RuleViolation) as caught:
        check_contract(0, FY2025)
    assert caught.value.violations[0].rule == "amount_positive"


def test_coordination_requests_move_forward_and_fall_overdue_after_the_answer_period() -> None:
    advance_coordination(C.received, C.in_coordination, answer=None, answered_on=None)
    with pytest.raises(StateConflict):
        advance_coordination(C.answered, C.in_coordination, answer=None, answered_on=None)
    with pytest.raises(RuleViolation) as caught:
        advance_coordination(C.in_coordination, C.answered, answer=" ", answered_on=None)
    assert [v.field for v in caught.value.violations] == ["answer", "answered_on"]
    received = date(2025, 5, 1)
    assert not coordination_overdue(C.received, received, 30, date(2025, 5, 31))
    assert coordination_overdue(C.in_coordination, received, 30, date(2025, 6, 1))
    assert not coordination_overdue(C.answered, received, 30, date(2026, 1, 1))
