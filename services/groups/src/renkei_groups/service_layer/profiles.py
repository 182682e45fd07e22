"""Use cases of ordinance profiles: enact a version, read the versions, start from the shipped default."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation
from renkei_common.events.contracts import OrdinanceProfileEnacted
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_groups.adapters.orm import OrdinanceProfileRow
from renkei_groups.domain.profiles import (
    Activity,
    ArticleItem,
    MembershipRules,
    OrdinanceProfile,
    check_profile,
    default_profile,
)
from renkei_groups.service_layer.commands import EnactProfile
from renkei_groups.service_layer.governments import municipality
from renkei_groups.service_layer.mapping import fraction


def profile_from(command: EnactProfile, version: int) -> OrdinanceProfile:
    """The command over the shipped default: what the ordinance does not say, the law's defaults say."""
    base = default_profile(
        municipality_code=command.municipality_code,
        enacted_on=command.enacted_on,
        effective_on=command.effective_on,
    )
    rules = base.membership
    if (m := command.membership) is not None:
        try:
            rules = MembershipRules(
                min_resident_share=fraction(m.min_resident_share)
                if m.min_resident_share is not None
                else rules.min_resident_share,
                organisation_resident_share=fraction(m.organisation_resident_share)
                if m.organisation_resident_share is not None
                else rules.organisation_resident_share,
                min_members=m.min_members if m.min_members is not None else rules.min_members,
                required_organisation_kinds=m.required_organisation_kinds,
                min_required_kinds=m.min_required_kinds
                if m.min_required_kinds is not None
                else len(set(m.required_organisation_kinds)),
            )
        except ArithmeticError:
            raise RuleViolation("membership", "decimal_share", msg("groups.decimal_share_2")) from None
    return OrdinanceProfile(
        municipality_code=command.municipality_code,
        version=version,
        ordinance_title=command.ordinance_title,
        enacted_on=command.enacted_on,
        effective_on=command.effective_on,
        activities=tuple(Activity(a.code, a.label) for a in command.activities)
        if command.activities is not None
        else base.activities,
        membership=rules,
        article_items=base.article_items
        + tuple(ArticleItem(i.code, i.label) for i in command.additional_article_items),
        required_documents=command.required_documents
        if command.required_documents is not None
        else base.required_documents,
        report_due_days=base.report_due_days if command.report_due_days is None else command.report_due_days,
        coordination_answer_days=base.coordination_answer_days
        if command.coordination_answer_days is None
        else command.coordination_answer_days,
        judgement_items=command.judgement_items
        if command.judgement_items is not None
        else base.judgement_items,
    )


async def enact_profile(*, db: Database, actor: Actor, command: EnactProfile) -> OrdinanceProfileRow:
    """Record the next version of the caller's own ordinance; an earlier version is never changed."""
    municipality(command.municipality_code)
    async with unit_of_work(db, actor) as uow:
        uow.authorise([command.municipality_code], field="body.municipality_code", what="this municipality")
        latest = await uow.session.scalar(
            select(func.max(OrdinanceProfileRow.profile_version)).where(
                OrdinanceProfileRow.municipality_code == command.municipality_code
            )
        )
        profile = profile_from(command, (latest or 0) + 1)
        check_profile(profile)
        rules = profile.membership
        row = OrdinanceProfileRow(
            id=new_id(),
            municipality_code=profile.municipality_code,
            profile_version=profile.version,
            ordinance_title=profile.ordinance_title,
            enacted_on=profile.enacted_on,
            effective_on=profile.effective_on,
            min_resident_share=decimal_text(rules.min_resident_share),
            organisation_resident_share=decimal_text(rules.organisation_resident_share),
            min_members=rules.min_members,
            required_organisation_kinds=[k.value for k in rules.required_organisation_kinds],
            min_required_kinds=rules.min_required_kinds,
            activities=[{"code": a.code, "label": a.label} for a in profile.activities],
            article_items=[{"code": i.code, "label": i.label} for i in profile.article_items],
            required_documents=[d.value for d in profile.required_documents],
            judgement_items=list(profile.judgement_items),
            report_due_days=profile.report_due_days,
            coordination_answer_days=profile.coordination_answer_days,
        )
        uow.add(row, action="ordinance_profile.enacted")
        uow.emit(
            row,
            OrdinanceProfileEnacted(
                profile_id=row.id,
                municipality_code=row.municipality_code,
                profile_version=row.profile_version,
                ordinance_title=row.ordinance_title,
                enacted_on=row.enacted_on,
                effective_on=row.effective_on,
                min_resident_share=row.min_resident_share,
                min_members=row.min_members,
                required_organisation_kinds=list(rules.required_organisation_kinds),
                min_required_kinds=row.min_required_kinds,
                activity_codes=[a.code for a in profile.activities],
                article_items=[i.code for i in profile.article_items],
                required_documents=list(profile.required_documents),
                report_due_days=row.report_due_days,
                coordination_answer_days=row.coordination_answer_days,
            ),
        )
    return row


def decimal_text(share: Fraction) -> str:
    """A share read from a decimal string, written back as that decimal (at most 6 places)."""
    text = f"{Decimal(share.numerator) / Decimal(share.denominator):.6f}".rstrip("0").rstrip(".")
    return text or "0"


def shipped_default(*, municipality_code: str, on: date) -> OrdinanceProfile:
    municipality(municipality_code, field="municipality_code")
    return default_profile(municipality_code=municipality_code, enacted_on=on, effective_on=on)


async def get_profile(*, db: Database, profile_id: str) -> OrdinanceProfileRow:
    """Ordinances are public law: any authenticated caller reads them."""
    async with db.session() as session:
        return await load(session, OrdinanceProfileRow, profile_id, what="ordinance profile")


async def list_profiles(
    *, db: Database, municipality_code: str | None, cursor: str | None, limit: int
) -> tuple[list[OrdinanceProfileRow], str | None]:
    query = select(OrdinanceProfileRow)
    if municipality_code is not None:
        query = query.where(OrdinanceProfileRow.municipality_code == municipality_code)
    return await fetch_page(db, query, OrdinanceProfileRow.id, cursor=cursor, limit=limit)


async def versions_of(session: AsyncSession, municipality_code: str) -> list[OrdinanceProfileRow]:
    query = select(OrdinanceProfileRow).where(OrdinanceProfileRow.municipality_code == municipality_code)
    return list((await session.scalars(query)).all())
