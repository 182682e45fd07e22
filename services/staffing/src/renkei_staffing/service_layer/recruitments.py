"""Use cases of recruitment campaigns (募集): the employer opens one, updates headcounts, records costs."""

from __future__ import annotations

from typing import Any

from renkei_common.access import ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation
from renkei_common.events.contracts.staffing import RecruitmentUpdated, StaffingCostRecorded
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import CostRow, DispatchRow, RecruitmentRow
from renkei_staffing.domain.costs import check_amounts, recruitment_eligibility
from renkei_staffing.domain.enums import CostKind
from renkei_staffing.domain.periods import fiscal_year_period
from renkei_staffing.service_layer import professions
from renkei_staffing.service_layer.commands import OpenRecruitment, RecordRecruitmentCost, UpdateRecruitment
from renkei_staffing.service_layer.common import government, registry


def _check_headcounts(sought: int, hired: int) -> None:
    if hired > sought:
        raise RuleViolation("headcount_hired", "hired_at_most_sought", msg("staffing.hired_at_most_sought"))


def _event(row: RecruitmentRow) -> RecruitmentUpdated:
    return RecruitmentUpdated(
        recruitment_id=row.id,
        employer_code=row.employer_code,
        profession_code=row.profession_code,
        fiscal_year=row.fiscal_year,
        headcount_sought=row.headcount_sought,
        headcount_hired=row.headcount_hired,
    )


async def open_recruitment(*, db: Database, actor: Actor, command: OpenRecruitment) -> RecruitmentRow:
    _check_headcounts(command.headcount_sought, command.headcount_hired)
    async with unit_of_work(db, actor) as uow:
        uow.authorise([command.employer_code], field="body.employer_code", what="the employer")
        government(await registry(uow.session), command.employer_code, "employer_code")
        if await professions.profession(uow.session, command.profession_code) is None:
            raise RuleViolation(
                "profession_code",
                "known_profession",
                msg("staffing.known_profession_2", profession_code=command.profession_code),
            )
        row = uow.add(
            RecruitmentRow(
                id=new_id(),
                employer_code=command.employer_code,
                profession_code=command.profession_code,
                fiscal_year=command.fiscal_year,
                title=command.title,
                headcount_sought=command.headcount_sought,
                headcount_hired=command.headcount_hired,
            ),
            action="recruitment.opened",
        )
        uow.emit(row, _event(row))
    return row


async def update_recruitment(
    *, db: Database, actor: Actor, recruitment_id: str, command: UpdateRecruitment, if_match: str | None
) -> RecruitmentRow:
    async with unit_of_work(db, actor) as uow:
        row = await uow.load_for_change(
            RecruitmentRow,
            recruitment_id,
            if_match=if_match,
            action="recruitment.updated",
            writers=lambda r: [r.employer_code],
            field="path.recruitment_id",
            what="the employer",
        )
        sought = row.headcount_sought if command.headcount_sought is None else command.headcount_sought
        hired = row.headcount_hired if command.headcount_hired is None else command.headcount_hired
        _check_headcounts(sought, hired)
        row.headcount_sought, row.headcount_hired = sought, hired
        uow.emit(row, _event(row))
    return row


async def dispatches_in_fiscal_year(
    session: AsyncSession, employer_code: str, profession_code: str, fiscal_year: int
) -> int:
    """Dispatches of this employer and profession sharing a day with the FY (ended ones count)."""
    fy = fiscal_year_period(fiscal_year)
    query = select(func.count()).where(
        DispatchRow.employer_code == employer_code,
        DispatchRow.profession_code == profession_code,
        DispatchRow.starts_on <= fy.end,
        func.coalesce(DispatchRow.ended_on, DispatchRow.ends_on) >= fy.start,
    )
    return int((await session.execute(query)).scalar_one())


async def record_recruitment_cost(
    *, db: Database, actor: Actor, recruitment_id: str, command: RecordRecruitmentCost
) -> CostRow:
    """One cost line: a new aggregate of its own, so that costs never contend with headcount updates."""
    check_amounts({"amount_yen": command.amount_yen})
    if command.amount_yen == 0:
        raise RuleViolation("amount_yen", "total_positive", msg("staffing.total_positive"))
    async with unit_of_work(db, actor) as uow:
        row = await load(uow.session, RecruitmentRow, recruitment_id, what="recruitment")
        uow.authorise([row.employer_code], field="path.recruitment_id", what="the employer")
        profession = await professions.profession(uow.session, row.profession_code)
        count = await dispatches_in_fiscal_year(
            uow.session, row.employer_code, row.profession_code, row.fiscal_year
        )
        split = recruitment_eligibility(
            command.amount_yen,
            fiscal_year=row.fiscal_year,
            covered_by_measure=profession.covered_by_measure if profession else False,
            dispatches_in_fy=count,
        )
        cost = uow.add(
            CostRow(
                id=new_id(),
                kind=CostKind.RECRUITMENT,
                employer_code=row.employer_code,
                profession_code=row.profession_code,
                fiscal_year=row.fiscal_year,
                month=None,
                amount_yen=command.amount_yen,
                item=command.item,
                breakdown=None,
                recruitment_id=row.id,
                dispatch_id=None,
                note=command.note,
            ),
            action="recruitment.cost_recorded",
        )
        uow.emit(
            cost,
            StaffingCostRecorded(
                cost_id=cost.id,
                kind=CostKind.RECRUITMENT,
                employer_code=cost.employer_code,
                profession_code=cost.profession_code,
                fiscal_year=cost.fiscal_year,
                amount_yen=cost.amount_yen,
                item=command.item,
                recruitment_id=row.id,
                eligible_yen=split.eligible_yen,
                ineligible_yen=split.ineligible_yen,
                ineligible_reason=split.reason,
            ),
        )
    return cost


def _readers(row: RecruitmentRow) -> list[str]:
    return [row.employer_code]


async def get_recruitment(
    *, db: Database, actor: Actor, recruitment_id: str
) -> tuple[RecruitmentRow, list[CostRow]]:
    async with db.session() as session:
        row = await load(session, RecruitmentRow, recruitment_id, what="recruitment")
        ensure_can_read(actor, _readers(row), what="recruitment")
        query = select(CostRow).where(CostRow.recruitment_id == row.id).order_by(CostRow.id)
        return row, list((await session.scalars(query)).all())


async def list_recruitments(
    *, db: Database, actor: Actor, fiscal_year: int | None, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    query = select(RecruitmentRow).where(visible(actor, [RecruitmentRow.employer_code]))
    if fiscal_year is not None:
        query = query.where(RecruitmentRow.fiscal_year == fiscal_year)
    return await fetch_page(db, query, RecruitmentRow.id, cursor=cursor, limit=limit)
