"""Rows to domain values: the profile a row records, the facts an application states."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from renkei_groups.adapters.orm import GroupRow, OrdinanceProfileRow
from renkei_groups.domain.applications import ApplicationFacts, Member
from renkei_groups.domain.engine import Finding, Judgement
from renkei_groups.domain.kinds import DocumentKind, MemberKind, OrganisationKind, Outcome
from renkei_groups.domain.profiles import Activity, ArticleItem, MembershipRules, OrdinanceProfile

JST = ZoneInfo("Asia/Tokyo")


def today() -> date:
    """Today in Japan, where every date of this service is a municipal office's date."""
    return datetime.now(JST).date()


def fraction(text: str) -> Fraction:
    return Fraction(Decimal(text))


def profile_of(row: OrdinanceProfileRow) -> OrdinanceProfile:
    return OrdinanceProfile(
        municipality_code=row.municipality_code,
        version=row.profile_version,
        ordinance_title=row.ordinance_title,
        enacted_on=row.enacted_on,
        effective_on=row.effective_on,
        activities=tuple(Activity(a["code"], a["label"]) for a in row.activities),
        membership=MembershipRules(
            min_resident_share=fraction(row.min_resident_share),
            organisation_resident_share=fraction(row.organisation_resident_share),
            min_members=row.min_members,
            required_organisation_kinds=tuple(OrganisationKind(k) for k in row.required_organisation_kinds),
            min_required_kinds=row.min_required_kinds,
        ),
        article_items=tuple(ArticleItem(i["code"], i["label"]) for i in row.article_items),
        required_documents=tuple(DocumentKind(d) for d in row.required_documents),
        report_due_days=row.report_due_days,
        coordination_answer_days=row.coordination_answer_days,
        judgement_items=tuple(row.judgement_items),
    )


def facts_of(row: GroupRow) -> ApplicationFacts:
    return ApplicationFacts(
        members=tuple(
            Member(
                kind=MemberKind(m.kind),
                resident=m.resident,
                organisation_kind=OrganisationKind(m.organisation_kind) if m.organisation_kind else None,
                resident_share=fraction(m.resident_share) if m.resident_share is not None else None,
            )
            for m in row.members
        ),
        activity_codes=tuple(a["code"] for a in row.activities),
        article_items=frozenset(row.article_items),
        documents=frozenset(DocumentKind(d["kind"]) for d in row.documents),
    )


def judgement_of(row: GroupRow) -> Judgement | None:
    if row.judgement is None or row.profile_version is None:
        return None
    findings = tuple(Finding(f["requirement"], Outcome(f["outcome"]), f["reason"]) for f in row.judgement)
    return Judgement(row.municipality_code, row.profile_version, findings)
