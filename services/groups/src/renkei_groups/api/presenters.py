"""Rows to responses, deciding what each reader is shown (members' personal data only to the group and
its municipality). Rows arrive as plain objects: the API layer never imports the ORM."""

from __future__ import annotations

from typing import Any

from renkei_common.auth import Actor

from renkei_groups.api.schemas.applications import (
    ApplicationPublic,
    FindingPublic,
    MemberPublic,
    MemberSummary,
)
from renkei_groups.api.schemas.profiles import LabelledCodePublic, MembershipRulesPublic, ProfilePublic
from renkei_groups.domain.profiles import OrdinanceProfile
from renkei_groups.service_layer.access import sees_personal_data
from renkei_groups.service_layer.profiles import decimal_text


def application_public(row: Any, actor: Actor, *, with_members: bool = True) -> ApplicationPublic:
    """`with_members` False: a list, which shows the summary only, even to the group and its municipality."""
    personal = sees_personal_data(actor, row)
    summary = row.member_summary
    return ApplicationPublic(
        id=row.id,
        municipality_code=row.municipality_code,
        status=row.status,
        name=row.name,
        office=row.office,
        area=row.area,
        activities=row.activities,
        article_items=row.article_items,
        documents=row.documents,
        revision=row.revision,
        member_summary=MemberSummary(**summary),
        representative=row.representative if personal else None,
        members=[MemberPublic.model_validate(m) for m in row.members] if personal and with_members else None,
        submitted_on=row.submitted_on,
        profile_id=row.profile_id,
        profile_version=row.profile_version,
        judgement_outcome=row.judgement_outcome,
        findings=[FindingPublic(**f) for f in row.judgement] if row.judgement is not None else None,
        decided_on=row.decided_on,
        decision_reasons=row.decision_reasons,
        designated_on=row.designated_on,
        revoked_on=row.revoked_on,
        created_at=row.created_at,
    )


def profile_row_public(row: Any) -> ProfilePublic:
    return ProfilePublic(
        id=row.id,
        municipality_code=row.municipality_code,
        profile_version=row.profile_version,
        ordinance_title=row.ordinance_title,
        enacted_on=row.enacted_on,
        effective_on=row.effective_on,
        activities=[LabelledCodePublic(**a) for a in row.activities],
        membership=MembershipRulesPublic.model_validate(row),
        article_items=[LabelledCodePublic(**i) for i in row.article_items],
        required_documents=row.required_documents,
        judgement_items=row.judgement_items,
        report_due_days=row.report_due_days,
        coordination_answer_days=row.coordination_answer_days,
        created_at=row.created_at,
    )


def profile_public(profile: OrdinanceProfile) -> ProfilePublic:
    """A domain profile (the shipped default), which has no row."""
    rules = profile.membership
    return ProfilePublic(
        id=None,
        municipality_code=profile.municipality_code,
        profile_version=profile.version,
        ordinance_title=profile.ordinance_title,
        enacted_on=profile.enacted_on,
        effective_on=profile.effective_on,
        activities=[LabelledCodePublic(code=a.code, label=a.label) for a in profile.activities],
        membership=MembershipRulesPublic(
            min_resident_share=decimal_text(rules.min_resident_share),
            organisation_resident_share=decimal_text(rules.organisation_resident_share),
            min_members=rules.min_members,
            required_organisation_kinds=list(rules.required_organisation_kinds),
            min_required_kinds=rules.min_required_kinds,
        ),
        article_items=[LabelledCodePublic(code=i.code, label=i.label) for i in profile.article_items],
        required_documents=list(profile.required_documents),
        judgement_items=list(profile.judgement_items),
        report_due_days=profile.report_due_days,
        coordination_answer_days=profile.coordination_answer_days,
    )
