"""Use cases of applications: the group drafts and submits; the municipality reviews, designates or rejects.

The ordinance engine judges an application by the profile in force on its submission date; the judgement
is stored with the application, so a later amendment of the ordinance never changes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from renkei_common.auth import Actor, ensure_can_write
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.errors import FieldError, Forbidden
from renkei_common.events.contracts import (
    FindingSummary,
    GroupApplicationDecided,
    GroupApplicationDrafted,
    GroupApplicationReviewed,
    GroupApplicationSubmitted,
    GroupDesignated,
)
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now
from renkei_common.refdata import is_valid_code
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.interfaces import ORMOption

from renkei_groups.adapters.orm import GroupMemberRow, GroupRow, OrdinanceProfileRow, PublicNoticeRow
from renkei_groups.domain import lifecycle
from renkei_groups.domain.applications import Member, check_members
from renkei_groups.domain.engine import judge
from renkei_groups.domain.kinds import ApplicationStatus, MemberKind, NoticeKind
from renkei_groups.domain.profiles import profile_in_force
from renkei_groups.service_layer.access import (
    ensure_can_read_group,
    ensure_group_writer,
    sees_personal_data,
    visible_groups,
)
from renkei_groups.service_layer.commands import Decide, DraftApplication, SubmitApplication, Withdraw
from renkei_groups.service_layer.governments import municipality
from renkei_groups.service_layer.mapping import facts_of, fraction, judgement_of, profile_of, today
from renkei_groups.service_layer.profiles import versions_of


def group_view(row: GroupRow) -> dict[str, object]:
    """What the audit log keeps of a group: its own columns and member count, no member's personal data."""
    return {
        "status": row.status,
        "name": row.name,
        "office": row.office,
        "municipality_code": row.municipality_code,
        "revision": row.revision,
        "members": row.member_summary["members"],
        "profile_version": row.profile_version,
        "judgement_outcome": row.judgement_outcome,
        "decided_on": row.decided_on,
        "designated_on": row.designated_on,
        "revoked_on": row.revoked_on,
    }


def _members(command: DraftApplication) -> list[GroupMemberRow]:
    domain = []
    for i, m in enumerate(command.members):
        try:
            share = fraction(m.resident_share) if m.resident_share is not None else None
        except ArithmeticError:
            raise RuleViolation(
                f"members[{i}].resident_share", "decimal_share", msg("groups.decimal_share")
            ) from None
        domain.append(Member(m.kind, m.resident, m.organisation_kind, share))
    check_members(tuple(domain))
    return [
        GroupMemberRow(
            position=i,
            kind=m.kind,
            name=m.name,
            resident=m.resident if m.kind is MemberKind.individual else False,
            organisation_kind=m.organisation_kind,
            resident_share=m.resident_share,
            address=m.address,
            contact=m.contact,
        )
        for i, m in enumerate(command.members)
    ]


def _apply_draft(row: GroupRow, command: DraftApplication) -> None:
    row.name, row.office, row.area = command.name, command.office, command.area
    row.representative = {
        "name": command.representative.name,
        "address": command.representative.address,
        "contact": command.representative.contact,
    }
    row.activities = [{"code": a.code, "description": a.description} for a in command.activities]
    row.article_items = sorted(set(command.article_items))
    row.documents = [
        {"kind": d.kind.value, "title": d.title, "reference": d.reference} for d in command.documents
    ]
    row.members = _members(command)
    organisations = [m for m in row.members if m.kind is MemberKind.organisation]
    row.member_summary = {
        "members": len(row.members),
        "organisations": len(organisations),
        "organisation_kinds": sorted(
            {m.organisation_kind.value for m in organisations if m.organisation_kind}
        ),
    }


def _drafted(row: GroupRow) -> GroupApplicationDrafted:
    return GroupApplicationDrafted(
        group_id=row.id,
        municipality_code=row.municipality_code,
        name=row.name,
        revision=row.revision,
        member_count=row.member_summary["members"],
        organisation_member_count=row.member_summary["organisations"],
    )


async def draft_application(*, db: Database, actor: Actor, command: DraftApplication) -> GroupRow:
    """A group (its org is its id) opens its application to its municipality."""
    ensure_can_write(actor)
    if not actor.has_role("group"):
        message = msg("groups.group_role")
        raise Forbidden(message, errors=[FieldError(field="role", rule="group_role", message=message)])
    if is_valid_code(actor.org):
        # A group's org must never be mistaken for a government's 団体コード in access checks.
        raise RuleViolation(
            "org", "group_org_not_a_government_code", msg("groups.group_org_not_a_government_code")
        )
    municipality(command.municipality_code, field="municipality_code")
    async with unit_of_work(db, actor) as uow:
        if await uow.session.get(GroupRow, actor.org) is not None:
            raise StateConflict(
                msg("groups.one_application_per_group", actor_org=actor.org), rule="one_application_per_group"
            )
        row = GroupRow(
            id=actor.org,
            municipality_code=command.municipality_code,
            status=ApplicationStatus.draft,
            revision=1,
        )
        _apply_draft(row, command)
        uow.add(row, action="group.application_drafted", view=group_view)
        uow.emit(row, _drafted(row))
    return row


WITH_MEMBERS = (selectinload(GroupRow.members),)


async def _for_group(uow: UnitOfWork, group_id: str, *, if_match: str | None, action: str) -> GroupRow:
    row = await uow.load(GroupRow, group_id, what="group", options=WITH_MEMBERS)
    ensure_group_writer(uow.actor, row.id)
    return uow.change(row, if_match=if_match, action=action, view=group_view)


async def for_municipality(
    uow: UnitOfWork,
    group_id: str,
    *,
    if_match: str | None,
    action: str,
    options: Sequence[ORMOption] = WITH_MEMBERS,
) -> GroupRow:
    """The group, locked and changed by its own municipality (403 naming path.group_id otherwise)."""
    return await uow.load_for_change(
        GroupRow,
        group_id,
        if_match=if_match,
        action=action,
        writers=lambda g: [g.municipality_code],
        field="path.group_id",
        what="the group's municipality",
        view=group_view,
        options=options,
    )


async def update_draft(
    *, db: Database, actor: Actor, group_id: str, command: DraftApplication, if_match: str | None
) -> GroupRow:
    async with unit_of_work(db, actor) as uow:
        row = await _for_group(uow, group_id, if_match=if_match, action="group.application_edited")
        lifecycle.ensure_editable(row.status)
        if command.municipality_code != row.municipality_code:
            municipality(command.municipality_code)
            row.municipality_code = command.municipality_code
        _apply_draft(row, command)
        row.revision += 1
        uow.emit(row, _drafted(row))
    return row


async def reopen(*, db: Database, actor: Actor, group_id: str, if_match: str | None) -> GroupRow:
    """A new draft after a rejection, withdrawal or revocation; the earlier decision stays in the audit log,
    the events and the notices, and the new application is judged afresh when submitted."""
    async with unit_of_work(db, actor) as uow:
        row = await _for_group(uow, group_id, if_match=if_match, action="group.application_reopened")
        row.status = lifecycle.next_status(row.status, "reopen")
        for cleared in (
            "submitted_on",
            "profile_id",
            "profile_version",
            "judgement",
            "judgement_outcome",
            "reviewed_at",
            "decided_on",
            "decision_reasons",
            "designated_on",
            "revoked_on",
        ):
            setattr(row, cleared, None)
        row.revision += 1
        uow.emit(row, _drafted(row))
    return row


async def submit_application(
    *, db: Database, actor: Actor, group_id: str, command: SubmitApplication, if_match: str | None
) -> GroupRow:
    """Submitted on a date, and from then on governed by the ordinance in force that day."""
    submitted_on = command.submitted_on or today()
    if submitted_on > today():
        raise RuleViolation("submitted_on", "not_in_future", msg("groups.not_in_future"))
    async with unit_of_work(db, actor) as uow:
        row = await _for_group(uow, group_id, if_match=if_match, action="group.application_submitted")
        row.status = lifecycle.next_status(row.status, "submit")
        versions = await versions_of(uow.session, row.municipality_code)
        governing = profile_in_force([profile_of(v) for v in versions], submitted_on)
        profile_row = next(v for v in versions if v.profile_version == governing.version)
        row.submitted_on, row.profile_id, row.profile_version = (
            submitted_on,
            profile_row.id,
            governing.version,
        )
        uow.emit(
            row,
            GroupApplicationSubmitted(
                group_id=row.id,
                municipality_code=row.municipality_code,
                name=row.name,
                submitted_on=submitted_on,
                profile_version=governing.version,
                member_count=row.member_summary["members"],
                organisation_member_count=row.member_summary["organisations"],
            ),
        )
    return row


async def start_review(*, db: Database, actor: Actor, group_id: str, if_match: str | None) -> GroupRow:
    """The municipality takes the application up; the ordinance checks run automatically."""
    async with unit_of_work(db, actor) as uow:
        row = await for_municipality(uow, group_id, if_match=if_match, action="group.review_started")
        row.status = lifecycle.next_status(row.status, "start_review")
        assert row.profile_id is not None
        profile_row = await load(uow.session, OrdinanceProfileRow, row.profile_id, what="ordinance profile")
        judgement = judge(facts_of(row), profile_of(profile_row))
        row.judgement = [
            {"requirement": f.requirement, "outcome": f.outcome.value, "reason": f.reason}
            for f in judgement.findings
        ]
        row.judgement_outcome, row.reviewed_at = judgement.outcome.value, now()
        uow.emit(
            row,
            GroupApplicationReviewed(
                group_id=row.id,
                municipality_code=row.municipality_code,
                profile_version=judgement.profile_version,
                outcome=judgement.outcome,
                findings=[
                    FindingSummary(requirement=f.requirement, outcome=f.outcome) for f in judgement.findings
                ],
            ),
        )
    return row


def notice(row: GroupRow, kind: NoticeKind, number: str, on: object, summary: str) -> PublicNoticeRow:
    return PublicNoticeRow(
        id=new_id(),
        group_id=row.id,
        municipality_code=row.municipality_code,
        kind=kind,
        notice_number=number,
        noticed_on=on,
        group_name=row.name,
        office=row.office,
        area=row.area,
        summary=summary,
        created_at=now(),
    )


async def designate(
    *, db: Database, actor: Actor, group_id: str, command: Decide, if_match: str | None
) -> GroupRow:
    """指定 by the mayor, with its 告示; refused while a requirement is shown not met."""
    lifecycle.ensure_reasons(command.reasons)
    if not (command.notice_number and command.notice_number.strip()):
        raise RuleViolation("notice_number", "notice_number_given", msg("groups.notice_number_given"))
    async with unit_of_work(db, actor) as uow:
        row = await for_municipality(uow, group_id, if_match=if_match, action="group.designated")
        row.status = lifecycle.next_status(row.status, "designate")
        lifecycle.ensure_designable(judgement_of(row))
        _ensure_after_submission(row, command.decided_on, "decided_on")
        row.decided_on = row.designated_on = command.decided_on
        row.decision_reasons = command.reasons
        uow.session.add(
            notice(row, NoticeKind.designation, command.notice_number, command.decided_on, "指定")
        )
        uow.emit(
            row,
            GroupDesignated(
                group_id=row.id,
                municipality_code=row.municipality_code,
                name=row.name,
                office=row.office,
                area=row.area,
                activity_codes=[a["code"] for a in row.activities],
                profile_version=row.profile_version or 0,
                designated_on=command.decided_on,
                notice_number=command.notice_number,
                member_count=row.member_summary["members"],
            ),
        )
    return row


def _ensure_after_submission(row: GroupRow, on: object, field: str) -> None:
    if row.submitted_on is not None and on < row.submitted_on:  # type: ignore[operator]
        raise RuleViolation(
            field,
            "not_before_submission",
            msg("groups.not_before_submission", row_submitted_on=row.submitted_on),
        )


async def reject(
    *, db: Database, actor: Actor, group_id: str, command: Decide, if_match: str | None
) -> GroupRow:
    lifecycle.ensure_reasons(command.reasons)
    async with unit_of_work(db, actor) as uow:
        row = await for_municipality(uow, group_id, if_match=if_match, action="group.rejected")
        row.status = lifecycle.next_status(row.status, "reject")
        _ensure_after_submission(row, command.decided_on, "decided_on")
        row.decided_on, row.decision_reasons = command.decided_on, command.reasons
        uow.emit(row, _decided(row, command.reasons))
    return row


async def withdraw(
    *, db: Database, actor: Actor, group_id: str, command: Withdraw, if_match: str | None
) -> GroupRow:
    async with unit_of_work(db, actor) as uow:
        row = await _for_group(uow, group_id, if_match=if_match, action="group.withdrawn")
        row.status = lifecycle.next_status(row.status, "withdraw")
        row.decided_on = command.withdrawn_on or today()
        uow.emit(row, _decided(row, None))
    return row


def _decided(row: GroupRow, reasons: str | None) -> GroupApplicationDecided:
    assert row.decided_on is not None
    return GroupApplicationDecided(
        group_id=row.id,
        municipality_code=row.municipality_code,
        status=row.status,
        decided_on=row.decided_on,
        reasons=reasons,
    )


async def get_group(*, db: Database, actor: Actor, group_id: str) -> GroupRow:
    """The group; its members are loaded only for the readers who may see them."""
    async with db.session() as session:
        row = await load(session, GroupRow, group_id, what="group")
        ensure_can_read_group(actor, row)
        if sees_personal_data(actor, row):
            await session.refresh(row, ["members"])
    return row


async def list_groups(
    *,
    db: Database,
    actor: Actor,
    municipality_code: str | None,
    status: ApplicationStatus | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[GroupRow], str | None]:
    query = select(GroupRow).where(visible_groups(actor))
    if municipality_code is not None:
        query = query.where(GroupRow.municipality_code == municipality_code)
    if status is not None:
        query = query.where(GroupRow.status == status)
    return await fetch_page(db, query, GroupRow.id, cursor=cursor, limit=limit)
