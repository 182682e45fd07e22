"""Ordinance profiles: the default, self-contradictions refused by field and rule, the one in force."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_groups.domain.kinds import DocumentKind, OrganisationKind
from renkei_groups.domain.profiles import (
    BASE_ARTICLE_ITEMS,
    ArticleItem,
    check_profile,
    default_profile,
    profile_in_force,
)

DEFAULT = default_profile(
    municipality_code="341002", enacted_on=date(2025, 3, 28), effective_on=date(2025, 4, 1)
)


def refusals(profile) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleViolation) as caught:
        check_profile(profile)
    return [(v.field, v.rule) for v in caught.value.violations]


def test_the_default_profile_is_consistent_and_carries_the_law_s_requirements() -> None:
    check_profile(DEFAULT)
    assert DEFAULT.membership.min_resident_share == Fraction(1, 2)
    assert {i.code for i in DEFAULT.article_items} == set(BASE_ARTICLE_ITEMS)
    assert {"open_membership", "democratic_decision_making", "financial_disclosure"} <= set(
        BASE_ARTICLE_ITEMS
    )
    assert "area_cleaning" in DEFAULT.activity_codes()


@pytest.mark.parametrize(
    ("share", "ok"),
    [(Fraction(1), True), (Fraction(1, 1000), True), (Fraction(1001, 1000), False), (Fraction(0), False)],
)
def test_a_resident_share_is_above_zero_and_at_most_one(share: Fraction, ok: bool) -> None:
    profile = replace(DEFAULT, membership=replace(DEFAULT.membership, min_resident_share=share))
    if ok:
        check_profile(profile)
    else:
        assert refusals(profile) == [("membership.min_resident_share", "share_in_range")]


def test_a_minimum_of_zero_members_is_refused_and_one_is_accepted() -> None:
    check_profile(replace(DEFAULT, membership=replace(DEFAULT.membership, min_members=1)))
    profile = replace(DEFAULT, membership=replace(DEFAULT.membership, min_members=0))
    assert refusals(profile) == [("membership.min_members", "at_least_one_member")]


def test_required_kinds_need_a_count_between_one_and_the_listed_kinds() -> None:
    kinds = (OrganisationKind.disaster_prevention, OrganisationKind.crime_prevention)
    ok = replace(DEFAULT.membership, required_organisation_kinds=kinds, min_required_kinds=2)
    check_profile(replace(DEFAULT, membership=ok))
    too_many = replace(ok, min_required_kinds=3)
    assert refusals(replace(DEFAULT, membership=too_many)) == [
        ("membership.min_required_kinds", "within_listed_kinds")
    ]
    none = replace(ok, min_required_kinds=0)
    assert refusals(replace(DEFAULT, membership=none)) == [
        ("membership.min_required_kinds", "at_least_one_kind")
    ]


def test_dates_articles_documents_and_cycles_are_checked_together() -> None:
    profile = replace(
        DEFAULT,
        enacted_on=date(2024, 9, 1),
        effective_on=date(2024, 9, 25),
        article_items=(*DEFAULT.article_items[1:], ArticleItem("youth", "青年の参画")),
        required_documents=(DocumentKind.budget, DocumentKind.budget),
        report_due_days=0,
        coordination_answer_days=366,
    )
    assert refusals(profile) == [
        ("effective_on", "law_in_force"),
        ("article_items", "base_items"),
        ("required_documents", "distinct"),
        ("required_documents", "articles_required"),
        ("report_due_days", "days_in_range"),
        ("coordination_answer_days", "days_in_range"),
    ]
    check_profile(replace(DEFAULT, effective_on=date(2024, 9, 26), enacted_on=date(2024, 9, 26)))
    assert refusals(replace(DEFAULT, effective_on=date(2025, 3, 27))) == [
        ("effective_on", "not_before_enactment")
    ]


def test_the_profile_in_force_is_the_latest_effective_by_the_date() -> None:
    amended = replace(DEFAULT, version=2, enacted_on=date(2025, 9, 30), effective_on=date(2025, 10, 1))
    assert profile_in_force([DEFAULT, amended], date(2025, 9, 30)).version == 1
    assert profile_in_force([DEFAULT, amended], date(2025, 10, 1)).version == 2
    with pytest.raises(StateConflict) as caught:
        profile_in_force([DEFAULT, amended], date(2025, 3, 31))
    assert caught.value.rule == "ordinance_in_force"
