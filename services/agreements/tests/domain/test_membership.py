"""Membership periods: no overlap within an area, one 連携中枢都市圏 / 定住自立圏 per government at a time."""

from __future__ import annotations

from datetime import date

import pytest
from renkei_agreements.domain.errors import RuleViolation
from renkei_agreements.domain.membership import Membership, Period, check_new_members

APRIL, MARCH = date(2024, 4, 1), date(2025, 3, 31)


def member(
    code: str, since: date = APRIL, until: date | None = None, area: str = "a1", kind: str = "settlement"
):  # type: ignore[no-untyped-def]
    return Membership(code, "partner", Period(since, until), area, kind)


def test_periods_overlap_unless_one_ends_before_the_other_starts() -> None:
    assert Period(APRIL).overlaps(Period(date(2030, 1, 1)))
    assert not Period(APRIL, MARCH).overlaps(Period(date(2025, 4, 1)))
    assert Period(APRIL, MARCH).overlaps(Period(MARCH))
    assert Period(APRIL, MARCH).covers(MARCH) and not Period(APRIL, MARCH).covers(date(2025, 4, 1))


def test_a_member_of_another_area_of_the_same_type_at_the_same_time_is_refused() -> None:
    existing = [member("062103", area="other")]
    with pytest.raises(RuleViolation) as refused:
        check_new_members([("members[0]", member("062103"))], existing, area_id="a1", area_type="settlement")
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (
        "members[0].code",
        "one_area_per_type",
    )


def test_after_leaving_one_area_a_government_may_join_another() -> None:
    existing = [member("062103", until=MARCH, area="other")]
    check_new_members(
        [("", member("062103", since=date(2025, 4, 1)))], existing, area_id="a1", area_type="settlement"
    )


def test_wide_area_cooperation_may_overlap_freely() -> None:
    existing = [member("062103", area="other", kind="wide_area")]
    check_new_members(
        [("", member("062103", kind="wide_area"))], existing, area_id="a1", area_type="wide_area"
    )


def test_the_same_government_twice_at_once_in_one_area_is_refused() -> None:
    with pytest.raises(RuleViolation) as refused:
        check_new_members(
            [("members[0]", member("062103")), ("members[1]", member("062103"))],
            [],
            area_id="a1",
            area_type="settlement",
        )
    assert refused.value.violations[0].field == "members[1].code"


def test_until_cannot_precede_since() -> None:
    with pytest.raises(RuleViolation) as refused:
        check_new_members(
            [("", member("062103", until=date(2020, 1, 1)))], [], area_id="a1", area_type="settlement"
        )
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (
        "until",
        "until_not_before_since",
    )
