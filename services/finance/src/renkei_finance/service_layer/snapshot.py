"""Loads the engine's `Snapshot` from the projections (the same input for incremental, full and what-if)."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from typing import Any

from renkei_common.refdata import load_registry
from sqlalchemy import ColumnElement, Text, cast, or_, select, union
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
    so an incremental run costs what its cells need, not the whole nation. It takes four statements
    whatever the cells (areas with their members and populations, agreements with their parties, budgets
    with their vision's area, staffing costs with their dispatch's flag): on a loaded machine each round
    trip costs more than the rows it brings, so the narrowing is done in SQL and the joins in the database.
    """
    if recipients is not None:
        return await _load_narrowed(session, sorted(set(recipients)))
    populations = dict(_census_populations())
    for code, population in (await session.execute(select(Government.code, Government.population))).all():
        populations[code] = population
    # Plain column rows, not ORM objects: a national load is ~20,000 rows, and identity-mapped instances
    # cost several times the query.
    area_rows = (await session.execute(select(*_AREA_COLUMNS).order_by(AreaProjection.area_id))).all()
    members: dict[str, list[Member]] = defaultdict(list)
    for m in (await session.execute(select(*_MEMBER_COLUMNS))).all():
        members[m.area_id].append(Member(m.code, m.role, m.since, m.until))
    areas = [
        Area(a.area_id, a.area_type, a.name, tuple(a.centre_codes), tuple(members.get(a.area_id, ())))
        for a in area_rows
    ]
    return await _with_money(session, populations, areas, None, None)


_AREA_COLUMNS = (
    AreaProjection.area_id,
    AreaProjection.area_type,
    AreaProjection.name,
    AreaProjection.centre_codes,
)
_MEMBER_COLUMNS = (
    AreaMemberProjection.area_id,
    AreaMemberProjection.code,
    AreaMemberProjection.role,
    AreaMemberProjection.since,
    AreaMemberProjection.until,
)


def _names_a_centre(codes: list[str]) -> ColumnElement[bool]:
    # `centre_codes` is a JSON list of six-digit codes, stored as text in both dialects; a code quoted
    # as a JSON string matches exactly one element, so a text match is exact here.
    text_ = cast(AreaProjection.centre_codes, Text)
    return or_(*(text_.like(f'%"{code}"%') for code in codes))


async def _load_narrowed(session: AsyncSession, wanted: list[str]) -> Snapshot:
    budget_visions = select(VisionBudgetProjection.vision_id).where(
        VisionBudgetProjection.municipality_code.in_(wanted)
    )
    related = union(
        select(AreaMemberProjection.area_id).where(AreaMemberProjection.code.in_(wanted)),
        select(VisionProjection.area_id).where(VisionProjection.vision_id.in_(budget_visions)),
        select(AreaProjection.area_id).where(_names_a_centre(wanted)),
    ).subquery()
    rows = (
        await session.execute(
            select(
                *_AREA_COLUMNS,
                AreaMemberProjection.code,
                AreaMemberProjection.role,
                AreaMemberProjection.since,
                AreaMemberProjection.until,
                Government.code.label("government_code"),
                Government.population,
            )
            .outerjoin(AreaMemberProjection, AreaMemberProjection.area_id == AreaProjection.area_id)
            .outerjoin(Government, Government.code == AreaMemberProjection.code)
            .where(AreaProjection.area_id.in_(select(related.c.area_id)))
            .order_by(AreaProjection.area_id)
        )
    ).all()
    populations = dict(_census_populations())
    heads: dict[str, Any] = {}
    members: dict[str, list[Member]] = defaultdict(list)
    for r in rows:
        heads.setdefault(r.area_id, r)
        if r.code is not None:
            members[r.area_id].append(Member(r.code, r.role, r.since, r.until))
        if r.government_code is not None:
            populations[r.government_code] = r.population
    areas = [
        Area(a.area_id, a.area_type, a.name, tuple(a.centre_codes), tuple(members.get(a.area_id, ())))
        for a in heads.values()
    ]
    codes = set(wanted) | {m.code for area in areas for m in area.members}
    centres_apart = {c for area in areas for c in area.centre_codes} - codes
    if centres_apart:  # a centre that is not listed among its area's members: its population on its own
        query = select(Government.code, Government.population).where(
            Government.code.in_(sorted(centres_apart))
        )
        populations.update({code: population for code, population in (await session.execute(query)).all()})
        codes |= centres_apart
    return await _with_money(session, populations, areas, sorted(codes), wanted)


async def _with_money(
    session: AsyncSession,
    populations: dict[str, int | None],
    areas: list[Area],
    codes: list[str] | None,
    wanted: list[str] | None,
) -> Snapshot:
    """Agreements, budgets and staffing costs, all of them or those of `codes` (costs: of `wanted`)."""
    agreement_query = (
        select(
            AgreementProjection.agreement_id,
            AgreementProjection.in_force_on,
            AgreementProjection.terminated_on,
            AgreementPartyProjection.code,
        )
        .outerjoin(
            AgreementPartyProjection,
            AgreementPartyProjection.agreement_id == AgreementProjection.agreement_id,
        )
        .order_by(AgreementProjection.agreement_id)
    )
    budget_query = select(
        VisionBudgetProjection.project_id,
        VisionBudgetProjection.municipality_code,
        VisionBudgetProjection.fiscal_year,
        VisionBudgetProjection.amount_yen,
        VisionBudgetProjection.field,
        VisionBudgetProjection.bond_eligibility,
        VisionProjection.area_id,
    ).outerjoin(VisionProjection, VisionProjection.vision_id == VisionBudgetProjection.vision_id)
    # A cost of a flagged dispatch carries the day its agreement stopped covering it (see StaffingCost).
    cost_query = select(
        StaffingCostProjection.cost_id,
        StaffingCostProjection.employer_code,
        StaffingCostProjection.fiscal_year,
        StaffingCostProjection.eligible_yen,
        StaffingCostProjection.month,
        DispatchProjection.flag_terminated_on,
    ).outerjoin(DispatchProjection, DispatchProjection.dispatch_id == StaffingCostProjection.dispatch_id)
    if codes is not None and wanted is not None:
        bound = select(AgreementPartyProjection.agreement_id).where(AgreementPartyProjection.code.in_(codes))
        agreement_query = agreement_query.where(AgreementProjection.agreement_id.in_(bound))
        budget_query = budget_query.where(VisionBudgetProjection.municipality_code.in_(codes))
        cost_query = cost_query.where(StaffingCostProjection.employer_code.in_(wanted))
    agreement_rows: dict[str, tuple[date | None, date | None, set[str]]] = {}
    for a in (await session.execute(agreement_query)).all():
        entry = agreement_rows.setdefault(a.agreement_id, (a.in_force_on, a.terminated_on, set()))
        if a.code is not None:
            entry[2].add(a.code)
    agreements = [
        Agreement(agreement_id, frozenset(parties), in_force_on, terminated_on)
        for agreement_id, (in_force_on, terminated_on, parties) in agreement_rows.items()
    ]
    budgets = [
        Budget(
            area_id=b.area_id or "",
            project_id=b.project_id,
            municipality_code=b.municipality_code,
            fiscal_year=b.fiscal_year,
            amount_yen=b.amount_yen,
            field=b.field,
            bond_eligibility=b.bond_eligibility,
        )
        for b in (await session.execute(budget_query)).all()
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
