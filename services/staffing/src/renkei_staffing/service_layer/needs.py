"""Use cases of needs: a municipality states what it lacks; candidates are ranked with their explanation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.events.contracts.staffing import NeedStated
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import DispatchRow, NeedRow, SpecialistRow
from renkei_staffing.domain.enums import NeedStatus
from renkei_staffing.domain.matching import (
    CONTINUITY_POINTS,
    LICENCE_MARGIN_POINTS,
    SAME_PREFECTURE_POINTS,
    Candidate,
    NeedSpec,
    margin_thresholds,
    rank,
)
from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import Profession
from renkei_staffing.domain.redaction import pseudonym
from renkei_staffing.service_layer import professions
from renkei_staffing.service_layer.access import ensure_municipality, ensure_reader
from renkei_staffing.service_layer.commands import StateNeed
from renkei_staffing.service_layer.common import government, registry
from renkei_staffing.service_layer.specialists import to_specialist

MAX_CANDIDATES = 100


def need_event(row: NeedRow) -> NeedStated:
    return NeedStated(
        need_id=row.id,
        municipality_code=row.municipality_code,
        profession_code=row.profession_code,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        workload_percent=row.workload_percent,
        status=row.status,
    )


async def state_need(*, db: Database, actor: Actor, command: StateNeed) -> NeedRow:
    ensure_municipality(actor, command.municipality_code, field="body.municipality_code")
    Period.checked(command.starts_on, command.ends_on, field="ends_on")
    async with unit_of_work(db, actor) as uow:
        municipality = government(await registry(uow.session), command.municipality_code, "municipality_code")
        if not municipality.is_municipality:
            raise RuleViolation("municipality_code", "is_municipality", msg("staffing.is_municipality"))
        if await professions.profession(uow.session, command.profession_code) is None:
            raise RuleViolation(
                "profession_code",
                "known_profession",
                msg("staffing.known_profession_2", profession_code=command.profession_code),
            )
        row = uow.add(
            NeedRow(
                id=new_id(),
                municipality_code=command.municipality_code,
                profession_code=command.profession_code,
                starts_on=command.starts_on,
                ends_on=command.ends_on,
                workload_percent=command.workload_percent,
                description=command.description,
                status=NeedStatus.OPEN,
                dispatch_id=None,
                closed_at=None,
            ),
            action="need.stated",
        )
        uow.emit(row, need_event(row))
    return row


async def cancel_need(*, db: Database, actor: Actor, need_id: str, if_match: str | None) -> NeedRow:
    async with unit_of_work(db, actor) as uow:
        row = await uow.load(NeedRow, need_id, what="need")
        ensure_municipality(actor, row.municipality_code, field="path.need_id")
        uow.change(row, if_match=if_match, action="need.cancelled")
        if row.status is not NeedStatus.OPEN:
            raise StateConflict(msg("staffing.need_open_2", row_status=row.status), rule="need_open")
        row.status, row.closed_at = NeedStatus.CANCELLED, now()
        uow.emit(row, need_event(row))
    return row


async def get_need(*, db: Database, actor: Actor, need_id: str) -> NeedRow:
    ensure_reader(actor)
    async with db.session() as session:
        return await load(session, NeedRow, need_id, what="need")


async def list_needs(
    *,
    db: Database,
    actor: Actor,
    municipality_code: str | None,
    status: NeedStatus | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], str | None]:
    ensure_reader(actor)
    query = select(NeedRow)
    if municipality_code:
        query = query.where(NeedRow.municipality_code == municipality_code)
    if status is not None:
        query = query.where(NeedRow.status == status)
    return await fetch_page(db, query, NeedRow.id, cursor=cursor, limit=limit)


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    candidate: Candidate
    display_name: str  # the name for the employer itself, a pseudonym for everyone else
    profession_code: str


async def dispatch_history(
    session: AsyncSession,
    specialist_ids: list[str],
    period: Period,
    municipality_code: str,
    profession_code: str,
) -> tuple[dict[str, list[Period]], dict[str, list[str]]]:
    """In one query, per specialist: its dispatch periods overlapping `period` (an early end shortens them),
    and whether it was dispatched to this municipality in this profession before (continuity)."""
    last_day = func.coalesce(DispatchRow.ended_on, DispatchRow.ends_on)
    query = select(
        DispatchRow.specialist_id,
        DispatchRow.starts_on,
        last_day,
        DispatchRow.receiving_code,
        DispatchRow.profession_code,
    ).where(DispatchRow.specialist_id.in_(specialist_ids))
    booked: dict[str, list[Period]] = {}
    served: dict[str, list[str]] = {}
    for specialist_id, starts_on, ends_on, receiving_code, profession in (await session.execute(query)).all():
        if starts_on <= period.end and ends_on >= period.start:
            booked.setdefault(specialist_id, []).append(Period(starts_on, ends_on))
        if receiving_code == municipality_code and profession == profession_code:
            served[specialist_id] = [municipality_code]
    return booked, served


def _top_query(need: NeedRow, profession: Profession, period: Period, limit: int) -> Select[Any]:
    """The ids of the `limit` best available specialists, ranked by the database as `domain.matching` ranks.

    The hard requirements become filters (the licence window stands in for the licences), the points
    become CASE expressions (the margin as date steps, `margin_thresholds`), and the order is the
    domain's: score, then margin points, then id.
    """
    specialist = SpecialistRow
    last_day = func.coalesce(DispatchRow.ended_on, DispatchRow.ends_on)
    booked = (
        select(DispatchRow.id)
        .where(
            DispatchRow.specialist_id == specialist.id,
            DispatchRow.starts_on <= period.end,
            last_day >= period.start,
        )
        .exists()
    )
    served = (
        select(DispatchRow.id)
        .where(
            DispatchRow.specialist_id == specialist.id,
            DispatchRow.receiving_code == need.municipality_code,
            DispatchRow.profession_code == need.profession_code,
        )
        .exists()
    )
    filters = [
        specialist.profession_code == need.profession_code,
        specialist.employed_from <= period.start,
        specialist.employed_until >= period.end,
        ~booked,
    ]
    margin: ColumnElement[int] = literal(LICENCE_MARGIN_POINTS)
    if profession.required_licences:
        until = specialist.licence_valid_until
        filters += [
            or_(specialist.licence_valid_from.is_(None), specialist.licence_valid_from <= period.start),
            or_(until.is_(None), until >= period.end),
        ]
        margin = case(
            (until.is_(None), LICENCE_MARGIN_POINTS),
            *((until >= day, points) for points, day in margin_thresholds(period.end)),
            else_=0,
        )
    score = (
        case((served, CONTINUITY_POINTS), else_=0)
        + case(
            (
                func.substr(specialist.employer_code, 1, 2) == need.municipality_code[:2],
                SAME_PREFECTURE_POINTS,
            ),
            else_=0,
        )
        + margin
    )
    return (
        select(specialist.id)
        .where(*filters)
        .order_by(score.desc(), margin.desc(), specialist.id)
        .limit(limit)
    )


async def candidates(
    *, db: Database, actor: Actor, need_id: str, limit: int
) -> tuple[NeedRow, list[RankedCandidate]]:
    """Available specialists for the need, best first; only the employer sees its own staff's names.

    The database picks the best `limit` (a profession may have thousands of specialists); the domain then
    checks each of them against its full licences and bookings and explains its rank factor by factor.
    """
    ensure_reader(actor)
    async with db.session() as session:
        need = await load(session, NeedRow, need_id, what="need")
        profession = await professions.profession(session, need.profession_code)
        if profession is None:  # a need is only stated for a known profession; keep the read total anyway
            return need, []
        period = Period(need.starts_on, need.ends_on)
        ids = list((await session.scalars(_top_query(need, profession, period, limit))).all())
        rows = list((await session.scalars(select(SpecialistRow).where(SpecialistRow.id.in_(ids)))).all())
        booked, history = await dispatch_history(
            session, ids, period, need.municipality_code, need.profession_code
        )
    ranked = rank(
        NeedSpec(need.municipality_code, profession, period),
        (to_specialist(row) for row in rows),
        booked,
        history,
        limit=limit,
    )
    names = {row.id: row.name for row in rows if row.employer_code == actor.org}
    return need, [
        RankedCandidate(
            candidate=c,
            display_name=names.get(c.specialist_id) or pseudonym(c.specialist_id),
            profession_code=need.profession_code,
        )
        for c in ranked
    ]
