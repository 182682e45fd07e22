"""Loads the engine's `Snapshot` from the projections (the same input for incremental, full and what-if).

Two ways, one meaning:

- the **national** load (a full recompute, what-if, the consistency check) reads every projection row
  as plain column rows, a few statements of ~20,000 rows;
- the **narrowed** load (an incremental run) reads only what the lines of some recipients can depend on,
  the rows the engine's own narrowing (`engine._restricted`) would keep, in **one statement**: each part
  (areas with their members and populations, agreements with their parties, budgets with their vision's
  area, staffing costs with their dispatch's flag, the rule overrides, and whatever the caller adds, such
  as the stored lines of the run's cells) is one JSON array in one row. A run's inputs are a few dozen
  rows; what costs is each round trip and each row object, not the SQL (docs/benchmarks-finance.md).

Both go through the same converters (`_areas_from`, `_agreements_from`, ...), which take a row as a
sequence of values, whether a result row or a JSON array.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar
from typing import cast as cast_

from renkei_common.refdata import load_registry
from sqlalchemy import (
    ARRAY,
    JSON,
    BindParameter,
    ColumnElement,
    Executable,
    Row,
    ScalarSelect,
    Select,
    String,
    Text,
    any_,
    bindparam,
    cast,
    exists,
    func,
    select,
    union,
    union_all,
)
from sqlalchemy import column as sql_column
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

Values = Sequence[Any]  # one row, as a result row or a JSON array


async def _rows(
    session: AsyncSession, statement: Executable, parameters: dict[str, Any] | None = None
) -> Sequence[Row[Any]]:
    """Rows of a column select, on the session's connection: Core, without the ORM's per-statement work."""
    return (await (await session.connection()).execute(statement, parameters)).all()


@functools.cache
def _census_populations() -> dict[str, int | None]:
    return {g.code: g.population for g in load_registry()}


def _day(value: date | str | None) -> date | None:
    """A date from a result row (a date) or from a JSON array (ISO text in both dialects)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


# --- the statements, built once --------------------------------------------------------------------

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
_AGREEMENTS = select(
    AgreementProjection.agreement_id,
    AgreementProjection.in_force_on,
    AgreementProjection.terminated_on,
    AgreementPartyProjection.code,
).outerjoin(
    AgreementPartyProjection,
    AgreementPartyProjection.agreement_id == AgreementProjection.agreement_id,
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
_RULE_OVERRIDES = select(
    RuleRowRecord.rule_id,
    RuleRowRecord.measure,
    RuleRowRecord.fy_from,
    RuleRowRecord.fy_to,
    RuleRowRecord.params,
    RuleRowRecord.source,
    RuleRowRecord.confidence,
    RuleRowRecord.note,
    RuleRowRecord.row_version,
).order_by(RuleRowRecord.rule_id)

# Parameters of the narrowed statement: `wanted`, the recipients, and `codes`: the wanted ones and, on a
# second round, the centres that are not members of their area (usually none).
T = TypeVar("T")
_WANTED: BindParameter[Any] = bindparam("wanted", expanding=True)
_CODES: BindParameter[Any] = bindparam("codes", expanding=True)
_CENTRE_PATTERNS = bindparam("centre_patterns", type_=ARRAY(Text))  # PostgreSQL: one LIKE pattern per code


def padded(values: Sequence[T]) -> list[T]:
    """`values`, the last one repeated up to the next power of two (none stays none).

    An `IN` list renders one placeholder per value, so each length is another statement text: on
    PostgreSQL another prepared statement, parsed and planned on its first use, tens of milliseconds on a
    busy server (the slowest runs of the end-to-end bench). Padded, a run's lists come in a handful of
    lengths, each prepared once per connection; a repeated value changes no `IN`'s result.
    """
    if not values:
        return []
    size = 1 << (len(values) - 1).bit_length()
    return [*values, *[values[-1]] * (size - len(values))]


def _related_areas(dialect: str) -> Select[Any]:
    """Ids of the areas `wanted` can depend on: where a wanted code is a member, where a wanted code's
    budget names the area's vision, or where a wanted code is a centre (an element of `centre_codes`).

    `centre_codes` is a JSON list of six-digit codes. On PostgreSQL it is matched as text, one LIKE per
    wanted code in one array parameter (a code quoted as a JSON string matches exactly one element), so
    that the statement's text does not depend on the number of codes; on SQLite by `json_each` and the
    expanding `IN` the other parts use. (Arrays for every list, `= ANY(:codes)`, were tried as well:
    one text, but a generic plan 3 times slower, ADR 0015.)
    """
    budget_visions = select(VisionBudgetProjection.vision_id).where(
        VisionBudgetProjection.municipality_code.in_(_WANTED)
    )
    if dialect == "postgresql":
        is_centre: ColumnElement[bool] = cast(AreaProjection.centre_codes, Text).like(any_(_CENTRE_PATTERNS))
    else:
        centre = func.json_each(AreaProjection.centre_codes).table_valued(sql_column("value", String))
        is_centre = exists(select(1).select_from(centre).where(centre.c.value.in_(_WANTED)))
    related = union(
        select(AreaMemberProjection.area_id).where(AreaMemberProjection.code.in_(_WANTED)),
        select(VisionProjection.area_id).where(VisionProjection.vision_id.in_(budget_visions)),
        select(AreaProjection.area_id).where(is_centre),
    ).subquery()
    return select(related.c.area_id)


def _as_json(statement: Select[Any], dialect: str) -> ScalarSelect[Any]:
    """The rows of `statement` as one JSON array of arrays: one value to read instead of a result set."""
    sub = statement.subquery()
    if dialect == "postgresql":
        return select(func.json_agg(func.json_build_array(*sub.c), type_=JSON)).scalar_subquery()
    # SQLite keeps JSON columns as text: json() nests them as arrays and objects, not as strings.
    columns = [func.json(c) if isinstance(c.type, JSON) else c for c in sub.c]
    return select(func.json_group_array(func.json_array(*columns), type_=JSON)).scalar_subquery()


@functools.lru_cache(maxsize=16)
def _narrowed(dialect: str, riders: tuple[tuple[str, Select[Any]], ...]) -> Select[Any]:
    """The one statement of a narrowed load, with the callers' extra parts: one compiled statement for
    any number of wanted codes (its lists expand at execution)."""
    related = _related_areas(dialect)
    areas = (
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
        .where(AreaProjection.area_id.in_(related))
    )
    # The codes whose agreements and budgets count: `codes` (the wanted ones, and on a second round the
    # centres that are not members of their area) and every member of their areas. Each side of the
    # unions below is an IN list on an index; an OR of the two would scan the tables.
    members = select(AreaMemberProjection.code).where(AreaMemberProjection.area_id.in_(related))
    bound = union(
        select(AgreementPartyProjection.agreement_id).where(AgreementPartyProjection.code.in_(_CODES)),
        select(AgreementPartyProjection.agreement_id).where(AgreementPartyProjection.code.in_(members)),
    )
    budgets = union_all(
        _BUDGETS.where(VisionBudgetProjection.municipality_code.in_(_CODES)),
        _BUDGETS.where(
            VisionBudgetProjection.municipality_code.in_(members),
            VisionBudgetProjection.municipality_code.not_in(_CODES),
        ),
    )
    parts: dict[str, Any] = {
        "areas": areas,
        # Population overrides of `codes` (members' come with the areas): a wanted or apart centre that is
        # not a member of its area still counts in the area's population.
        "populations": select(Government.code, Government.population).where(Government.code.in_(_CODES)),
        "agreements": _AGREEMENTS.where(AgreementProjection.agreement_id.in_(bound)),
        "budgets": budgets,
        "costs": _COSTS.where(StaffingCostProjection.employer_code.in_(_WANTED)),
        "rules": _RULE_OVERRIDES,
        **dict(riders),
    }
    return select(*(_as_json(part, dialect).label(name) for name, part in parts.items()))


# --- converters shared by both loads ----------------------------------------------------------------


def _areas_from(rows: Iterable[Values], populations: dict[str, int | None]) -> list[Area]:
    """Areas from (area_id, area_type, name, centre_codes, code, role, since, until, government_code,
    population) rows, one per member (code None: no member); population overrides go to `populations`."""
    heads: dict[str, Values] = {}
    members: dict[str, list[Member]] = defaultdict(list)
    for area_id, area_type, name, centres, code, role, since, until, government, population in rows:
        heads.setdefault(area_id, (area_id, area_type, name, centres))
        if code is not None:
            members[area_id].append(Member(code, role, cast_(date, _day(since)), _day(until)))
        if government is not None:
            populations[government] = population
    return [
        Area(area_id, area_type, name, tuple(centres), tuple(members.get(area_id, ())))
        for area_id, area_type, name, centres in (heads[k] for k in sorted(heads))
    ]


def _agreements_from(rows: Iterable[Values]) -> list[Agreement]:
    """Agreements from (agreement_id, in_force_on, terminated_on, party code) rows, one per party."""
    found: dict[str, tuple[date | None, date | None, set[str]]] = {}
    for agreement_id, in_force_on, terminated_on, code in rows:
        entry = found.setdefault(agreement_id, (_day(in_force_on), _day(terminated_on), set()))
        if code is not None:
            entry[2].add(code)
    return [
        Agreement(agreement_id, frozenset(parties), in_force_on, terminated_on)
        for agreement_id, (in_force_on, terminated_on, parties) in sorted(found.items())
    ]


def _budgets_from(rows: Iterable[Values]) -> list[Budget]:
    return [
        Budget(
            area_id=area_id or "",
            project_id=project_id,
            municipality_code=code,
            fiscal_year=fiscal_year,
            amount_yen=amount_yen,
            field=field,
            bond_eligibility=bond_eligibility,
        )
        for project_id, code, fiscal_year, amount_yen, field, bond_eligibility, area_id in rows
    ]


def _costs_from(rows: Iterable[Values]) -> list[StaffingCost]:
    return [
        StaffingCost(cost_id, employer, fiscal_year, eligible_yen, month=month, covered_until=_day(flagged))
        for cost_id, employer, fiscal_year, eligible_yen, month, flagged in rows
    ]


# --- the loads --------------------------------------------------------------------------------------


async def load_snapshot(session: AsyncSession, recipients: Collection[str] | None = None) -> Snapshot:
    """The projections as the engine reads them; with `recipients`, only what their lines can depend on."""
    if recipients is not None:
        return (await load_narrowed(session, recipients)).snapshot
    populations = dict(_census_populations())
    for r in await _rows(session, select(Government.code, Government.population)):
        populations[r.code] = r.population
    # Plain column rows, not ORM objects: a national load is ~20,000 rows, and identity-mapped instances
    # cost several times the query.
    members: dict[str, list[Values]] = defaultdict(list)
    for m in await _rows(session, select(*_MEMBER_COLUMNS)):
        members[m.area_id].append((m.code, m.role, m.since, m.until))
    area_rows = [
        (*area, *member, None, None)  # no population override here: all of them were read above
        for area in await _rows(session, select(*_AREA_COLUMNS))
        for member in members.get(area.area_id) or [(None, None, None, None)]
    ]
    return Snapshot(
        populations=populations,
        areas=_areas_from(area_rows, {}),
        agreements=_agreements_from(await _rows(session, _AGREEMENTS)),
        budgets=_budgets_from(await _rows(session, _BUDGETS)),
        staffing_costs=_costs_from(await _rows(session, _COSTS)),
    )


@dataclass(frozen=True)
class Narrowed:
    """What a narrowed load read: the snapshot, the rule book, and the callers' extra parts as rows."""

    snapshot: Snapshot
    rules: RuleBook
    riders: dict[str, list[list[Any]]]


async def load_narrowed(
    session: AsyncSession,
    recipients: Collection[str],
    riders: Sequence[tuple[str, Select[Any]]] = (),
    parameters: dict[str, Any] | None = None,
) -> Narrowed:
    """Everything the lines of `recipients` can depend on, and the rules, in one statement.

    `riders` are extra (name, select) parts read in the same statement (their rows come back as lists,
    in the select's column order); `parameters` are their bound values. A centre that is not listed
    among its area's members, which no area of the shipped data has, costs a second round.
    """
    wanted = sorted(set(recipients))
    dialect = session.get_bind().dialect.name
    statement = _narrowed(dialect, tuple(riders))
    values: dict[str, Any] = {"wanted": padded(wanted), "codes": padded(wanted)}
    if dialect == "postgresql":
        values["centre_patterns"] = [f'%"{code}"%' for code in wanted]
    values |= parameters or {}
    row = await _one(session, statement, values)
    populations = dict(_census_populations())
    areas = _areas_from(row["areas"], populations)
    listed = set(wanted) | {m.code for area in areas for m in area.members}
    apart = sorted({c for area in areas for c in area.centre_codes} - listed)
    if apart:  # read again, with those centres' own population, agreements and budgets
        row = await _one(session, statement, values | {"codes": padded(wanted + apart)})
    populations.update({code: population for code, population in row["populations"]})
    snapshot = Snapshot(
        populations=populations,
        areas=areas,
        agreements=_agreements_from(row["agreements"]),
        budgets=_budgets_from(row["budgets"]),
        staffing_costs=_costs_from(row["costs"]),
    )
    return Narrowed(snapshot, _book(row["rules"]), {name: row[name] for name, _ in riders})


async def _one(session: AsyncSession, statement: Select[Any], values: dict[str, Any]) -> dict[str, Any]:
    found = (await (await session.connection()).execute(statement, values)).one()
    return {name: value or [] for name, value in found._mapping.items()}  # json_agg of no row is null


def record_to_row(record: RuleRowRecord | Row[Any]) -> RuleRow:
    return _rule_row(
        (
            record.rule_id,
            record.measure,
            record.fy_from,
            record.fy_to,
            record.params,
            record.source,
            record.confidence,
            record.note,
            record.row_version,
        )
    )


def _rule_row(values: Values) -> RuleRow:
    rule_id, measure, fy_from, fy_to, params, source, confidence, note, row_version = values
    row = row_from_dict(
        {
            "rule_id": rule_id,
            "measure": measure,
            "fy_from": fy_from,
            "fy_to": fy_to,
            "params": params,
            "source": source,
            "confidence": confidence,
            "note": note,
        }
    )
    return replace(row, version=row_version)


async def load_rules(session: AsyncSession) -> RuleBook:
    """The shipped rows overlaid with the rows `national` added or overrode."""
    return _book(await _rows(session, _RULE_OVERRIDES))


def _book(overrides: Sequence[Values]) -> RuleBook:
    # A run reads the rules every time, and they change only when `national` puts a row: the book of the
    # same rows is built once. The key is every column the book is made of, so no stale book can match.
    key = json.dumps([list(r) for r in overrides], sort_keys=True, default=str)
    book = _BOOKS.get(key)
    if book is None:
        if len(_BOOKS) >= 8:
            _BOOKS.clear()
        book = _BOOKS[key] = default_rules().overlaid(_rule_row(r) for r in overrides)
    return book


_BOOKS: dict[str, RuleBook] = {}
