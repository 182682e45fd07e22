"""Membership periods: no overlap within an area, one 連携中枢都市圏 / 定住自立圏 per government at a time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from renkei_agreements.domain.membership import Membership, Period, check_new_members
from renkei_common.domain_errors import RuleViolation

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


DAY = date(2024, 4, 1)


def check(new: list[tuple[str, Membership]], existing: list[Membership], kind: str = "settlement") -> None:
    check_new_members(new, existing, area_id="a1", area_type=kind)


def refusal(new: list[tuple[str, Membership]], existing: list[Membership], kind: str = "settlement"):  # type: ignore[no-untyped-def]
    with pytest.raises(RuleViolation) as refused:
        check(new, existing, kind)
    return [(v.field, v.rule) for v in refused.value.violations]


def test_an_overlap_with_an_existing_row_of_the_same_area_is_refused() -> None:
    existing = [member("062103", since=date(2024, 4, 1))]
    assert refusal([("members[0]", member("062103", since=date(2024, 10, 1)))], existing) == [
        ("members[0].code", "overlapping_membership")
    ]


def test_an_existing_row_of_another_government_is_no_clash() -> None:
    check([("members[0]", member("062103"))], [member("062073"), member("062081", area="other")])


def test_a_backdated_row_must_end_before_the_existing_one_begins() -> None:
    existing = [member("062103", since=date(2025, 4, 1))]
    check([("members[0]", member("062103", since=date(2023, 4, 1), until=date(2025, 3, 31)))], existing)
    touching = member("062103", since=date(2023, 4, 1), until=date(2025, 4, 1))
    assert refusal([("members[0]", touching)], existing) == [("members[0].code", "overlapping_membership")]
    open_ended = member("062103", since=date(2023, 4, 1))
    assert refusal([("members[0]", open_ended)], existing) == [("members[0].code", "overlapping_membership")]


def test_until_may_equal_since_but_not_precede_it() -> None:
    check([("members[0]", member("062103", since=DAY, until=DAY))], [])
    assert refusal([("members[0]", member("062103", since=DAY, until=DAY - timedelta(days=1)))], []) == [
        ("members[0].until", "until_not_before_since")
    ]


def test_a_one_day_membership_blocks_exactly_that_day() -> None:
    existing = [member("062103", since=DAY, until=DAY)]
    check([("", member("062103", since=DAY + timedelta(days=1)))], existing)
    check([("", member("062103", since=date(2024, 1, 1), until=DAY - timedelta(days=1)))], existing)
    assert refusal([("", member("062103", since=DAY, until=DAY))], existing) == [
        ("code", "overlapping_membership")
    ]
    assert refusal([("", member("062103", since=date(2024, 1, 1), until=DAY))], existing) == [
        ("code", "overlapping_membership")
    ]


def test_a_one_day_period_overlaps_and_covers_only_its_day() -> None:
    one = Period(DAY, DAY)
    assert (
        one.covers(DAY)
        and not one.covers(DAY - timedelta(days=1))
        and not one.covers(DAY + timedelta(days=1))
    )
    assert one.overlaps(Period(DAY)) and Period(DAY).overlaps(one)
    assert not one.overlaps(Period(DAY + timedelta(days=1))) and not Period(DAY + timedelta(days=1)).overlaps(
        one
    )
    assert not one.overlaps(Period(date(2024, 1, 1), DAY - timedelta(days=1)))
    assert not Period(date(2024, 1, 1), DAY - timedelta(days=1)).overlaps(one)


@pytest.mark.parametrize("kind", ["metropolitan", "settlement"])
def test_exclusivity_holds_for_metropolitan_and_settlement_areas(kind: str) -> None:
    existing = [member("062103", area="other", kind=kind)]
    assert refusal([("members[0]", member("062103", kind=kind))], existing, kind) == [
        ("members[0].code", "one_area_per_type")
    ]


def test_a_member_of_a_settlement_area_may_join_a_metropolitan_one() -> None:
    check(
        [("members[0]", member("062103", kind="metropolitan"))],
        [member("062103", area="other")],
        "metropolitan",
    )


def test_the_refusal_names_the_other_area_and_when_the_membership_began() -> None:
    existing = [member("062103", since=date(2020, 4, 1), area="yamagata", kind="metropolitan")]
    with pytest.raises(RuleViolation) as refused:
        check([("members[0]", member("062103", kind="metropolitan"))], existing, "metropolitan")
    assert refused.value.violations[0].message == (
        "062103 is already a member of another metropolitan area (yamagata) from 2020-04-01"
    )


def test_a_clash_here_and_in_another_area_are_both_reported() -> None:
    existing = [member("062103"), member("062103", area="other")]
    assert refusal([("members[0]", member("062103"))], existing) == [
        ("members[0].code", "overlapping_membership"),
        ("members[0].code", "one_area_per_type"),
    ]


def test_the_same_government_twice_in_one_request_may_follow_itself() -> None:
    first = member("062103", since=DAY, until=DAY)
    check([("members[0]", first), ("members[1]", member("062103", since=DAY + timedelta(days=1)))], [])
