"""Use cases of costs: personnel costs of a dispatch, and each employer's costs by FY split by eligibility."""

from __future__ import annotations

from dataclasses import dataclass

from renkei_common.access import ensure_can_read
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.contracts.staffing import StaffingCostRecorded
from renkei_common.persistence import load, new_id
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import CostRow, DispatchRow
from renkei_staffing.domain.costs import (
    PersonnelCost,
    Split,
    check_personnel_cost,
    personnel_eligibility,
    recruitment_eligibility,
    totals,
)
from renkei_staffing.domain.enums import CostKind
from renkei_staffing.domain.periods import Period
from renkei_staffing.service_layer import professions
from renkei_staffing.service_layer.commands import RecordPersonnelCost
from renkei_staffing.service_layer.dispatches import agreement_view, readers
from renkei_staffing.service_layer.recruitments import dispatches_in_fiscal_year


def _personnel(cost: CostRow) -> PersonnelCost:
    parts = cost.breakdown or {}
    return PersonnelCost(
        cost.fiscal_year,
        cost.month,
        int(parts.get("salary_yen", 0)),
        int(parts.get("allowances_yen", 0)),
        int(parts.get("social_insurance_yen", 0)),
    )


async def _personnel_split(session: AsyncSession, cost: PersonnelCost, dispatch: DispatchRow) -> Split:
    profession = await professions.profession(session, dispatch.profession_code)
    return personnel_eligibility(
        cost,
        covered_by_measure=profession.covered_by_measure if profession else False,
        dispatch_period=Period(dispatch.starts_on, dispatch.last_day),
        agreement=await agreement_view(session, dispatch.agreement_id),
    )


async def record_personnel_cost(
    *, db: Database, actor: Actor, dispatch_id: str, command: RecordPersonnelCost
) -> CostRow:
    """One cost line of the dispatch: its own aggregate, so that costs never contend with the dispatch."""
    cost = PersonnelCost(
        command.fiscal_year,
        command.month,
        command.salary_yen,
        command.allowances_yen,
        command.social_insurance_yen,
    )
    async with unit_of_work(db, actor) as uow:
        dispatch = await load(uow.session, DispatchRow, dispatch_id, what="dispatch")
        uow.authorise([dispatch.employer_code], field="path.dispatch_id", what="the employer")
        check_personnel_cost(cost, Period(dispatch.starts_on, dispatch.last_day))
        split = await _personnel_split(uow.session, cost, dispatch)
        row = uow.add(
            CostRow(
                id=new_id(),
                kind=CostKind.PERSONNEL,
                employer_code=dispatch.employer_code,
                profession_code=dispatch.profession_code,
                fiscal_year=cost.fiscal_year,
                month=cost.month,
                amount_yen=cost.total_yen,
                item=None,
                breakdown={
                    "salary_yen": cost.salary_yen,
                    "allowances_yen": cost.allowances_yen,
                    "social_insurance_yen": cost.social_insurance_yen,
                },
                recruitment_id=None,
                dispatch_id=dispatch.id,
                note=command.note,
            ),
            action="dispatch.cost_recorded",
        )
        uow.emit(
            row,
            StaffingCostRecorded(
                cost_id=row.id,
                kind=CostKind.PERSONNEL,
                employer_code=row.employer_code,
                profession_code=row.profession_code,
                fiscal_year=row.fiscal_year,
                month=row.month,
                amount_yen=row.amount_yen,
                salary_yen=cost.salary_yen,
                allowances_yen=cost.allowances_yen,
                social_insurance_yen=cost.social_insurance_yen,
                dispatch_id=dispatch.id,
                receiving_code=dispatch.receiving_code,
                agreement_id=dispatch.agreement_id,
                eligible_yen=split.eligible_yen,
                ineligible_yen=split.ineligible_yen,
                ineligible_reason=split.reason,
            ),
        )
    return row


async def list_dispatch_costs(*, db: Database, actor: Actor, dispatch_id: str) -> list[CostRow]:
    async with db.session() as session:
        dispatch = await load(session, DispatchRow, dispatch_id, what="dispatch")
        ensure_can_read(actor, readers(dispatch), what="dispatch")
        query = select(CostRow).where(CostRow.dispatch_id == dispatch.id).order_by(CostRow.id)
        return list((await session.scalars(query)).all())


@dataclass(frozen=True, slots=True)
class CostLine:
    cost_id: str
    kind: CostKind
    profession_code: str
    month: int | None
    amount_yen: int
    eligible_yen: int
    ineligible_yen: int
    ineligible_reason: str | None
    dispatch_id: str | None
    recruitment_id: str | None


@dataclass(frozen=True, slots=True)
class CostReport:
    employer_code: str
    fiscal_year: int
    eligible_yen: int
    ineligible_yen: int
    ineligible_by_reason: dict[str, int]
    lines: list[CostLine]


async def cost_report(*, db: Database, actor: Actor, employer_code: str, fiscal_year: int) -> CostReport:
    """Every cost of the employer in the FY, each yen eligible or ineligible with its reason, assessed now."""
    ensure_can_read(actor, [employer_code], what="employer's costs")
    async with db.session() as session:
        query = (
            select(CostRow)
            .where(CostRow.employer_code == employer_code, CostRow.fiscal_year == fiscal_year)
            .order_by(CostRow.id)
        )
        rows = list((await session.scalars(query)).all())
        dispatch_ids = {row.dispatch_id for row in rows if row.dispatch_id}
        dispatches = {
            d.id: d
            for d in (
                await session.scalars(select(DispatchRow).where(DispatchRow.id.in_(dispatch_ids)))
            ).all()
        }
        lines: list[CostLine] = []
        splits: list[Split] = []
        counts: dict[str, int] = {}
        for row in rows:
            if row.kind is CostKind.PERSONNEL and row.dispatch_id in dispatches:
                split = await _personnel_split(session, _personnel(row), dispatches[row.dispatch_id])
            else:
                if row.profession_code not in counts:
                    counts[row.profession_code] = await dispatches_in_fiscal_year(
                        session, employer_code, row.profession_code, fiscal_year
                    )
                profession = await professions.profession(session, row.profession_code)
                split = recruitment_eligibility(
                    row.amount_yen,
                    fiscal_year=fiscal_year,
                    covered_by_measure=profession.covered_by_measure if profession else False,
                    dispatches_in_fy=counts[row.profession_code],
                )
            splits.append(split)
            lines.append(
                CostLine(
                    cost_id=row.id,
                    kind=row.kind,
                    profession_code=row.profession_code,
                    month=row.month,
                    amount_yen=row.amount_yen,
                    eligible_yen=split.eligible_yen,
                    ineligible_yen=split.ineligible_yen,
                    ineligible_reason=split.reason.value if split.reason else None,
                    dispatch_id=row.dispatch_id,
                    recruitment_id=row.recruitment_id,
                )
            )
    eligible, ineligible, by_reason = totals(splits)
    return CostReport(employer_code, fiscal_year, eligible, ineligible, by_reason, lines)
