"""Loads the engine's `Snapshot` from the projections (the same input for incremental, full and what-if)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace

from renkei_common.refdata import load_registry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import (
    AgreementPartyProjection,
    AgreementProjection,
    AreaMemberProjection,
    AreaProjection,
    DispatchProjection,
    Government,
    RuleRowRecord,
    StaffingCostProjection,
    VisionBudgetProjection,
    VisionProjection,
)
from renkei_finance.domain.engine import Agreement, Area, Budget, Member, Snapshot, StaffingCost
from renkei_finance.domain.rules import RuleBook, RuleRow, default_rules, row_from_dict


@functools.cache
def _census_populations() -> dict[str, int | None]:
    return {g.code: g.population for g in load_registry()}


async def load_snapshot(session: AsyncSession, recipients: Collection[str] | None = None) -> Snapshot:
    """The projections as the engine reads them; with `recipients`, only what their lines can depend on.

    The narrowed load reads the same rows the engine's own narrowing (`engine._restricted`) would keep,
    so an incremental run costs what its cells need, not the whole nation.
    """
    populations = dict(_census_populations())
    for code, population in (await session.execute(select(Government.code, Government.population))).all():
        populations[code] = population
    # Plain column rows, not ORM objects: a national load is ~20,000 rows, and identity-mapped instances
    # cost several times the query.
    area_columns = (
        AreaProjection.area_id,
        AreaProjection.area_type,
        AreaProjection.name,
        AreaProjection.centre_codes,
    )
    area_rows = list((await session.execute(select(*area_columns).order_by(AreaProjection.area_id))).all())
    budget_query = select(
        VisionBudgetProjection.vision_id,
        VisionBudgetProjection.project_id,
        VisionBudgetProjection.municipality_code,
        VisionBudgetProjection.fiscal_year,
        VisionBudgetProjection.amount_yen,
        VisionBudgetProjection.field,
        VisionBudgetProjection.bond_eligibility,
    )
    party_query = select(AgreementPartyProjection.agreement_id, AgreementPartyProjection.code)
    # A cost of a flagged dispatch carries the day its agreement stopped covering it (see StaffingCost).
    cost_query = select(
        StaffingCostProjection.cost_id,
        StaffingCostProjection.employer_code,
        StaffingCostProjection.fiscal_year,
        StaffingCostProjection.eligible_yen,
        StaffingCostProjection.month,
        DispatchProjection.flag_terminated_on,
    ).outerjoin(DispatchProjection, DispatchProjection.dispatch_id == StaffingCostProjection.dispatch_id)
    member_query = select(
        AreaMemberProjection.area_id,
        AreaMemberProjection.code,
        AreaMemberProjection.role,
        AreaMemberProjection.since,
        AreaMemberProjection.until,
    )
    if recipients is not None:
        wanted = set(recipients)
        in_member = set(
            (
                await session.scalars(
                    select(AreaMemberProjection.area_id).where(AreaMemberProjection.code.in_(wanted))
                )
            ).all()
        )
        budget_visions = select(VisionBudgetProjection.vision_id).where(
            VisionBudgetProjection.municipality_code.in_(wanted)
        )
        budget_areas = set(
            (
                await session.scalars(
                    select(VisionProjection.area_id).where(VisionProjection.vision_id.in_(budget_visions))
                )
            ).all()
        )
        area_rows = [
            a
            for a in area_rows
            if a.area_id in in_member | budget_areas or not wanted.isdisjoint(a.centre_codes)
        ]
        area_ids = [a.area_id for a in area_rows]
        member_query = member_query.where(AreaMemberProjection.area_id.in_(area_ids))
        codes = set(wanted)
        for a in area_rows:
            codes.update(a.centre_codes)
        codes.update(
            (
                await session.scalars(
                    select(AreaMemberProjection.code).where(AreaMemberProjection.area_id.in_(area_ids))
                )
            ).all()
        )
        bound = select(AgreementPartyProjection.agreement_id).where(AgreementPartyProjection.code.in_(codes))
        party_query = party_query.where(AgreementPartyProjection.agreement_id.in_(bound))
        budget_query = budget_query.where(VisionBudgetProjection.municipality_code.in_(codes))
        cost_query = cost_query.where(StaffingCostProjection.employer_code.in_(wanted))
    members: dict[str, list[Member]] = defaultdict(list)
    for m in (await session.execute(member_query)).all():
        members[m.area_id].append(Member(m.code, m.role, m.since, m.until))
    areas = [
        Area(a.area_id, a.area_type, a.name, tuple(a.centre_codes), tuple(members.get(a.area_id, ())))
        for a in area_rows
    ]
    parties: dict[str, set[str]] = defaultdict(set)
    for p in (await session.execute(party_query)).all():
        parties[p.agreement_id].add(p.code)
    agreement_query = select(
        AgreementProjection.agreement_id, AgreementProjection.in_force_on, AgreementProjection.terminated_on
    ).order_by(AgreementProjection.agreement_id)
    if recipients is not None:
        agreement_query = agreement_query.where(AgreementProjection.agreement_id.in_(list(parties)))
    agreements = [
        Agreement(a.agreement_id, frozenset(parties.get(a.agreement_id, ())), a.in_force_on, a.terminated_on)
        for a in (await session.execute(agreement_query)).all()
    ]
    budget_rows = list((await session.execute(budget_query)).all())
    vision_ids = sorted({b.vision_id for b in budget_rows})
    vision_area = dict(
        (
            await session.execute(
                select(VisionProjection.vision_id, VisionProjection.area_id).where(
                    VisionProjection.vision_id.in_(vision_ids)
                )
            )
        ).all()
    )
    budgets = [
        Budget(
            area_id=vision_area.get(b.vision_id, ""),
            project_id=b.project_id,
            municipality_code=b.municipality_code,
            fiscal_year=b.fiscal_year,
            amount_yen=b.amount_yen,
            field=b.field,
            bond_eligibility=b.bond_eligibility,
        )
        for b in budget_rows
    ]
    costs = [
        StaffingCost(
            c.cost_id,
            c.employer_code,
            c.fiscal_year,
            c.eligible_yen,
            month=c.month,
            covered_until=c.flag_terminated_on,
        )
        for c in (await session.execute(cost_query)).all()
    ]
    return Snapshot(
        populations=populations, areas=areas, agreements=agreements, budgets=budgets, staffing_costs=costs
    )


def record_to_row(record: RuleRowRecord) -> RuleRow:
    row = row_from_dict(
        {
            "rule_id": record.rule_id,
            "measure": record.measure,
            "fy_from": record.fy_from,
            "fy_to": record.fy_to,
            "params": record.params,
            "source": record.source,
            "confidence": record.confidence,
            "note": record.note,
        }
    )
    return replace(row, version=record.row_version)


async def load_rules(session: AsyncSession) -> RuleBook:
    """The shipped rows overlaid with the rows `national` added or overrode."""
    overrides = (await session.scalars(select(RuleRowRecord))).all()
    return default_rules().overlaid(record_to_row(r) for r in overrides)
