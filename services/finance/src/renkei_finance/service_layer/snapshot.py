"""Loads the engine's `Snapshot` from the projections (the same input for incremental, full and what-if)."""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from typing import cast as cast_

from renkei_common.refdata import load_registry
from sqlalchemy import (
    BindParameter,
    Executable,
    Row,
    Select,
    Table,
    Text,
    bindparam,
    cast,
    or_,
    select,
    union,
)
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


async def _rows(
    session: AsyncSession, statement: Executable, parameters: dict[str, Any] | None = None
) -> Sequence[Row[Any]]:
    """Rows of a column select, on the session's connection: Core, without the ORM's per-statement work."""
    return (await (await session.connection()).execute(statement, parameters)).all()


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
    for r in await _rows(session, select(Government.code, Government.population)):
        populations[r.code] = r.population
    # Plain column rows, not ORM objects: a national load is ~20,000 rows, and identity-mapped instances
    # cost several times the query.
    area_rows = await _rows(session, select(*_AREA_COLUMNS).order_by(AreaProjection.area_id))
    members: dict[str, list[Member]] = defaultdict(list)
    for m in await _rows(session, select(*_MEMBER_COLUMNS)):
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


# The statements are built once, with expanding parameters: an incremental run is a handful of small
# queries, and building a select with its IN lists costs more than SQLite takes to answer it.
_CODES: BindParameter[Any] = bindparam("codes", expanding=True)
_WANTED: BindParameter[Any] = bindparam("wanted", expanding=True)


@functools.lru_cache(maxsize=16)
def _narrowed_areas(centre_patterns: int) -> Select[Any]:
    """The areas `wanted` can depend on with their members and population overrides, for so many codes.

    An area counts when a wanted code is a member, when a wanted code's budget names its vision, or when
    a wanted code is its centre. `centre_codes` is a JSON list of six-digit codes, stored as text in both
    dialects; a code quoted as a JSON string matches exactly one element, so a text match (one LIKE per
    code, parameters `c0`, `c1`, ...) is exact here.
    """
    budget_visions = select(VisionBudgetProjection.vision_id).where(
        VisionBudgetProjection.municipality_code.in_(_WANTED)
    )
    centre_text = cast(AreaProjection.centre_codes, Text)
    related = union(
        select(AreaMemberProjection.area_id).where(AreaMemberProjection.code.in_(_WANTED)),
        select(VisionProjection.area_id).where(VisionProjection.vision_id.in_(budget_visions)),
        select(AreaProjection.area_id).where(
            or_(*(centre_text.like(bindparam(f"c{i}")) for i in range(centre_patterns)))
        ),
    ).subquery()
    return (
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


_POPULATIONS_OF = select(Government.code, Government.population).where(Government.code.in_(_CODES))


async def _load_narrowed(session: AsyncSession, wanted: list[str]) -> Snapshot:
    centres = {f"c{i}": f'%"{code}"%' for i, code in enumerate(wanted)}
    rows = await _rows(session, _narrowed_areas(len(wanted)), {"wanted": wanted, **centres})
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
        apart = await _rows(session, _POPULATIONS_OF, {"codes": sorted(centres_apart)})
        populations.update({r.code: r.population for r in apart})
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
    narrowed = codes is not None and wanted is not None
    queries = _MONEY_OF if narrowed else _MONEY
    parameters = {"codes": codes, "wanted": wanted} if narrowed else {}
    agreement_query, budget_query, cost_query = queries
    agreement_rows: dict[str, tuple[date | None, date | None, set[str]]] = {}
    for a in await _rows(session, agreement_query, parameters):
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
        for b in await _rows(session, budget_query, parameters)
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
        for c in await _rows(session, cost_query, parameters)
    ]
    return Snapshot(
        populations=populations, areas=areas, agreements=agreements, budgets=budgets, staffing_costs=costs
    )


_AGREEMENTS = (
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
_BUDGETS = select(
    VisionBudgetProjection.project_id,
    VisionBudgetProjection.municipality_code,
    VisionBudgetProjection.fiscal_year,
    VisionBudgetProjection.amount_yen,
    VisionBudgetProjection.field,
    VisionBudgetProjection.bond_eligibility,
    VisionProjection.area_id,
).outerjoin(VisionProjection, VisionProjection.vision_id == VisionBudgetProjection.vision_id)
# A cost of a flagged dispatch carries the day its agreement stopped covering it (see StaffingCost).
_COSTS = select(
    StaffingCostProjection.cost_id,
    StaffingCostProjection.employer_code,
    StaffingCostProjection.fiscal_year,
    StaffingCostProjection.eligible_yen,
    StaffingCostProjection.month,
    DispatchProjection.flag_terminated_on,
).outerjoin(DispatchProjection, DispatchProjection.dispatch_id == StaffingCostProjection.dispatch_id)
_MONEY = (_AGREEMENTS, _BUDGETS, _COSTS)
_MONEY_OF = (  # agreements with a party among `codes`, budgets of `codes`, staffing costs of `wanted`
    _AGREEMENTS.where(
        AgreementProjection.agreement_id.in_(
            select(AgreementPartyProjection.agreement_id).where(AgreementPartyProjection.code.in_(_CODES))
        )
    ),
    _BUDGETS.where(VisionBudgetProjection.municipality_code.in_(_CODES)),
    _COSTS.where(StaffingCostProjection.employer_code.in_(_WANTED)),
)


def record_to_row(record: RuleRowRecord | Row[Any]) -> RuleRow:
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
    overrides = await _rows(session, select(*cast_table(RuleRowRecord).c).order_by(RuleRowRecord.rule_id))
    # A run reads the rules every time, and they change only when `national` puts a row: the book of the
    # same rows is built once. The key is every column the book is made of, so no stale book can match.
    key = tuple(
        (
            r.rule_id,
            r.row_version,
            r.measure,
            r.fy_from,
            r.fy_to,
            json.dumps(r.params, sort_keys=True),
            r.source,
            r.confidence,
            r.note,
        )
        for r in overrides
    )
    book = _BOOKS.get(key)
    if book is None:
        if len(_BOOKS) >= 8:
            _BOOKS.clear()
        book = _BOOKS[key] = default_rules().overlaid(record_to_row(r) for r in overrides)
    return book


_BOOKS: dict[tuple[tuple[Any, ...], ...], RuleBook] = {}


def cast_table(model: type[Any]) -> Table:
    return cast_(Table, model.__table__)
