"""Use cases of supervision: annual reports and overdue ones, requests, corrective orders, revocation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from renkei_common.access import ensure_can_read, ensure_government_writer
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.events.contracts import AnnualReportFiled, GroupDesignationRevoked, SupervisionActIssued
from renkei_common.i18n import msg
from renkei_common.persistence import new_id, now
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select

from renkei_groups.adapters.orm import AnnualReportRow, ContractRow, GroupRow, LeaseRow, SupervisionActRow
from renkei_groups.domain import lifecycle, supervision
from renkei_groups.domain.kinds import ApplicationStatus, NoticeKind
from renkei_groups.domain.profiles import profile_in_force
from renkei_groups.service_layer.access import ensure_group_writer
from renkei_groups.service_layer.applications import for_municipality, group_view, notice
from renkei_groups.service_layer.commands import FileReport, IssueSupervisionAct, Revoke
from renkei_groups.service_layer.effects import designated_group_for_municipality, record_effect
from renkei_groups.service_layer.mapping import profile_of, today
from renkei_groups.service_layer.profiles import versions_of


async def file_report(
    *, db: Database, actor: Actor, group_id: str, command: FileReport, if_match: str | None
) -> AnnualReportRow:
    """The group's annual report for a fiscal year, once per year."""
    async with unit_of_work(db, actor) as uow:
        group = await uow.load(GroupRow, group_id, what="group")
        ensure_group_writer(actor, group.id)
        lifecycle.ensure_designated(group.status, effect="an annual report")
        uow.change(group, if_match=if_match, action="group.annual_report_filed", view=group_view)
        filed = await uow.session.scalar(
            select(AnnualReportRow.id).where(
                AnnualReportRow.group_id == group.id, AnnualReportRow.fiscal_year == command.fiscal_year
            )
        )
        if filed is not None:
            raise StateConflict(
                msg("groups.one_report_per_year", fiscal_year=command.fiscal_year),
                rule="one_report_per_year",
            )
        row = AnnualReportRow(
            id=new_id(),
            group_id=group.id,
            fiscal_year=command.fiscal_year,
            filed_on=command.filed_on or today(),
            summary=command.summary,
            recorded_at=now(),
        )
        record_effect(
            uow,
            group,
            row,
            AnnualReportFiled(
                group_id=group.id,
                municipality_code=group.municipality_code,
                report_id=row.id,
                fiscal_year=row.fiscal_year,
                filed_on=row.filed_on,
            ),
        )
    return row


@dataclass(frozen=True)
class OverdueReport:
    group_id: str
    group_name: str
    fiscal_year: int
    due_on: date


async def overdue_reports(
    *, db: Database, actor: Actor, municipality_code: str, on: date | None
) -> list[OverdueReport]:
    """Designated groups of the municipality whose annual report is past due on `on` (default today)."""
    ensure_can_read(actor, [municipality_code], what="municipality's groups")
    on = on or today()
    async with db.session() as session:
        groups = (
            await session.scalars(
                select(GroupRow).where(
                    GroupRow.municipality_code == municipality_code,
                    GroupRow.status == ApplicationStatus.designated,
                )
            )
        ).all()
        versions = [profile_of(v) for v in await versions_of(session, municipality_code)]
        filed: dict[str, set[int]] = {}
        reports = select(AnnualReportRow).where(AnnualReportRow.group_id.in_([g.id for g in groups]))
        for report in (await session.scalars(reports)).all():
            filed.setdefault(report.group_id, set()).add(report.fiscal_year)
    if not groups or not versions:
        return []
    due_days = profile_in_force(versions, on).report_due_days
    return [
        OverdueReport(g.id, g.name, fy, due_on)
        for g in sorted(groups, key=lambda g: g.id)
        if g.designated_on is not None
        for fy, due_on in supervision.overdue_reports(g.designated_on, on, due_days, filed.get(g.id, set()))
    ]


async def issue_act(
    *, db: Database, actor: Actor, group_id: str, command: IssueSupervisionAct, if_match: str | None
) -> SupervisionActRow:
    """報告の求め or 措置命令, by the group's municipality, while the group is designated."""
    if command.due_on is not None and command.due_on < command.issued_on:
        raise RuleViolation("due_on", "due_not_before_issue", msg("groups.due_not_before_issue"))
    async with unit_of_work(db, actor) as uow:
        group = await designated_group_for_municipality(
            uow, group_id, if_match=if_match, action=f"group.{command.kind.value}", effect="supervision"
        )
        row = SupervisionActRow(
            id=new_id(),
            group_id=group.id,
            municipality_code=group.municipality_code,
            kind=command.kind,
            issued_on=command.issued_on,
            due_on=command.due_on,
            summary=command.summary,
            recorded_at=now(),
        )
        record_effect(
            uow,
            group,
            row,
            SupervisionActIssued(
                group_id=group.id,
                municipality_code=group.municipality_code,
                act_id=row.id,
                kind=row.kind,
                issued_on=row.issued_on,
                due_on=row.due_on,
                summary=row.summary,
            ),
        )
    return row


@dataclass(frozen=True)
class Revocation:
    group: GroupRow
    active_leases: list[LeaseRow]
    active_contracts: list[ContractRow]


async def revoke(
    *, db: Database, actor: Actor, group_id: str, command: Revoke, if_match: str | None
) -> Revocation:
    """指定の取消し with reasons and a 告示; the leases and contracts still running are listed for review."""
    ensure_government_writer(actor)
    lifecycle.ensure_reasons(command.reasons)
    async with unit_of_work(db, actor) as uow:
        group = await for_municipality(
            uow, group_id, if_match=if_match, action="group.designation_revoked", options=()
        )
        group.status = lifecycle.next_status(group.status, "revoke")
        group.revoked_on, group.decision_reasons = command.revoked_on, command.reasons
        leases = list(
            (
                await uow.session.scalars(
                    select(LeaseRow)
                    .where(LeaseRow.group_id == group.id, LeaseRow.end_on >= command.revoked_on)
                    .order_by(LeaseRow.id)
                )
            ).all()
        )
        contracts = list(
            (
                await uow.session.scalars(
                    select(ContractRow)
                    .where(ContractRow.group_id == group.id, ContractRow.end_on >= command.revoked_on)
                    .order_by(ContractRow.id)
                )
            ).all()
        )
        uow.session.add(
            notice(group, NoticeKind.revocation, command.notice_number, command.revoked_on, "指定の取消し")
        )
        uow.emit(
            group,
            GroupDesignationRevoked(
                group_id=group.id,
                municipality_code=group.municipality_code,
                revoked_on=command.revoked_on,
                reasons=command.reasons,
                notice_number=command.notice_number,
                active_lease_ids=[r.id for r in leases],
                active_contract_ids=[c.id for c in contracts],
            ),
        )
    return Revocation(group, leases, contracts)
