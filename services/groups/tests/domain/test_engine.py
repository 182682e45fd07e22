"""The ordinance engine: each requirement gives a finding, at each threshold's edge, profile by profile."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from renkei_groups.domain.applications import ApplicationFacts, Member
from renkei_groups.domain.engine import judge
from renkei_groups.domain.kinds import DocumentKind, MemberKind, OrganisationKind, Outcome
from renkei_groups.domain.profiles import BASE_ARTICLE_ITEMS, default_profile, profile_in_force

HIROSHIMA, TENDO = "341002", "062103"
RESIDENT = Member(MemberKind.individual, resident=True)
VISITOR = Member(MemberKind.individual, resident=False)


def org(kind: OrganisationKind, share: str) -> Member:
    return Member(MemberKind.organisation, organisation_kind=kind, resident_share=Fraction(share))


def facts(*members: Member, activities: tuple[str, ...] = ("area_cleaning",)) -> ApplicationFacts:
    return ApplicationFacts(
        members=members,
        activity_codes=activities,
        article_items=frozenset(BASE_ARTICLE_ITEMS),
        documents=frozenset(DocumentKind),
    )


def finding(judgement, requirement: str):  # type: ignore[no-untyped-def]
    return next(f for f in judgement.findings if f.requirement == requirement)


def share_profile(share: Fraction, min_members: int = 2):  # type: ignore[no-untyped-def]
    base = default_profile(
        municipality_code=TENDO, enacted_on=date(2025, 1, 10), effective_on=date(2025, 4, 1)
    )
    return replace(
        base, membership=replace(base.membership, min_resident_share=share, min_members=min_members)
    )


LMO_KINDS = (
    OrganisationKind.disaster_prevention,
    OrganisationKind.crime_prevention,
    OrganisationKind.welfare_commissioners,
    OrganisationKind.womens_association,
    OrganisationKind.seniors_club,
)


def hiroshima_profile():  # type: ignore[no-untyped-def]
    """広島市-style: which area organisations take part, not a percentage of residents."""
    base = default_profile(
        municipality_code=HIROSHIMA, enacted_on=date(2025, 3, 28), effective_on=date(2025, 4, 1)
    )
    rules = replace(base.membership, required_organisation_kinds=LMO_KINDS, min_required_kinds=3)
    return replace(base, membership=rules)


def test_the_resident_share_at_its_edge() -> None:
    profile = share_profile(Fraction(2, 3))
    at_edge = judge(facts(RESIDENT, RESIDENT, VISITOR), profile)
    below = judge(facts(RESIDENT, VISITOR, VISITOR), profile)
    assert finding(at_edge, "membership.min_resident_share").outcome is Outcome.met
    refused = finding(below, "membership.min_resident_share")
    assert refused.outcome is Outcome.not_met and "1 of 3 members" in refused.reason


def test_the_member_count_at_its_edge() -> None:
    profile = share_profile(Fraction(1, 2), min_members=3)
    assert (
        finding(judge(facts(RESIDENT, RESIDENT, RESIDENT), profile), "membership.min_members").outcome
        is Outcome.met
    )
    short = finding(judge(facts(RESIDENT, RESIDENT), profile), "membership.min_members")
    assert short.outcome is Outcome.not_met and "2 members" in short.reason


def test_a_group_made_of_member_organisations_counts_organisations_mainly_of_residents() -> None:
    group = facts(
        org(OrganisationKind.neighbourhood_association, "1"),
        org(OrganisationKind.pta, "0.5"),  # exactly half: mainly residents at the default threshold
        org(OrganisationKind.npo, "0.49"),
        org(OrganisationKind.social_welfare_council, "0.2"),
    )
    judgement = judge(group, share_profile(Fraction(1, 2)))
    assert finding(judgement, "membership.min_resident_share").outcome is Outcome.met  # 2 of 4
    stricter = judge(group, share_profile(Fraction(3, 4)))
    assert finding(stricter, "membership.min_resident_share").outcome is Outcome.not_met


def test_two_municipalities_judge_the_same_group_differently() -> None:
    group = facts(
        org(OrganisationKind.neighbourhood_association, "0.9"),
        org(OrganisationKind.disaster_prevention, "1"),
        org(OrganisationKind.crime_prevention, "1"),
        org(OrganisationKind.npo, "0.1"),
    )
    in_tendo = judge(group, share_profile(Fraction(1, 2)))
    in_hiroshima = judge(group, hiroshima_profile())
    assert in_tendo.outcome is Outcome.needs_judgement  # only the always-judged cooperation item remains
    assert in_hiroshima.outcome is Outcome.not_met
    kinds = finding(in_hiroshima, "membership.required_organisation_kinds")
    assert kinds.outcome is Outcome.not_met and "2 of the listed kinds" in kinds.reason
    with_club = replace(group, members=(*group.members, org(OrganisationKind.seniors_club, "1")))
    assert (
        finding(judge(with_club, hiroshima_profile()), "membership.required_organisation_kinds").outcome
        is Outcome.met
    )


def test_a_profile_amended_between_two_applications_judges_each_by_its_own_date() -> None:
    first = share_profile(Fraction(1, 2))
    amended = replace(first, version=2, enacted_on=date(2025, 9, 1), effective_on=date(2025, 10, 1))
    amended = replace(amended, membership=replace(amended.membership, min_resident_share=Fraction(3, 4)))
    group = facts(RESIDENT, RESIDENT, VISITOR)
    early = judge(group, profile_in_force([first, amended], date(2025, 9, 30)))
    late = judge(group, profile_in_force([first, amended], date(2025, 10, 1)))
    assert (early.profile_version, late.profile_version) == (1, 2)
    assert finding(early, "membership.min_resident_share").outcome is Outcome.met
    assert finding(late, "membership.min_resident_share").outcome is Outcome.not_met


def test_activities_articles_and_documents_each_give_a_finding() -> None:
    profile = share_profile(Fraction(1, 2))
    unlisted = judge(facts(RESIDENT, RESIDENT, activities=("festival",)), profile)
    assert finding(unlisted, "activities.qualifying").outcome is Outcome.needs_judgement
    nothing = judge(facts(RESIDENT, RESIDENT, activities=()), profile)
    assert finding(nothing, "activities.qualifying").outcome is Outcome.not_met
    lacking = replace(
        facts(RESIDENT, RESIDENT),
        article_items=frozenset(BASE_ARTICLE_ITEMS) - {"open_membership"},
        documents=frozenset({DocumentKind.articles}),
    )
    judgement = judge(lacking, profile)
    assert finding(judgement, "articles.open_membership").outcome is Outcome.not_met
    assert finding(judgement, "documents.budget").outcome is Outcome.not_met
    assert finding(judgement, "documents.articles").outcome is Outcome.met
    assert judgement.outcome is Outcome.not_met
