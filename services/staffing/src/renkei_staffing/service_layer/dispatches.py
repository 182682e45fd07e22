"""Use cases of dispatches (派遣): valid only under a 連携協約 in force over the whole period."""

from __future__ import annotations

from typing import Any

from renkei_common.access import ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.events.contracts.staffing import DispatchEnded, SpecialistDispatched
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import AgreementProjection, DispatchRow, NeedRow, SpecialistRow
from renkei_staffing.domain.agreements_view import AgreementView
from renkei_staffing.domain.dispatch_rules import DispatchPlan, ensure_dispatch_valid
from renkei_staffing.domain.enums import DispatchStatus, NeedStatus
from renkei_staffing.domain.periods import Period
from renkei_staffing.service_layer import professions
from renkei_staffing.service_layer.commands import DispatchSpecialist, EndDispatch
from renkei_staffing.service_layer.common import government, registry
from renkei_staffing.service_layer.needs import need_event
from renkei_staffing.service_layer.specialists import to_specialist


async def agreement_view(session: AsyncSession, agreement_id: str) -> AgreementView | None:
    """The projected agreement, or None if this service never saw it in force."""
    row = await session.get(AgreementProjection, agreement_id)
    if row is None or row.in_force_on is None or row.kind is None:
        return None
    return AgreementView(
        id=row.agreement_id,
        kind=row.kind,
        party_codes=frozenset(row.party_codes),
        in_force_on=row.in_force_on,
        terminated_on=row.terminated_on,
    )


async def double_bookings(
    session: AsyncSession, specialist_id: str, period: Period, *, excluding: str | None = None
) -> list[str]:
    last_day = func.coalesce(DispatchRow.ended_on, DispatchRow.ends_on)
    query = select(DispatchRow.id).where(
        DispatchRow.specialist_id == specialist_id,
        DispatchRow.starts_on <= period.end,
        last_day >= period.start,
    )
    if excluding:
        query = query.where(DispatchRow.id != excluding)
    return list((await session.scalars(query.order_by(DispatchRow.id))).all())


async def _fill_need(uow: UnitOfWork, need_id: str, dispatch: DispatchRow) -> None:
    need = await load(uow.session, NeedRow, need_id, what="need", for_update=True)
    if need.municipality_code != dispatch.receiving_code or need.profession_code != dispatch.profession_code:
        raise RuleViolation("need_id", "need_matches", msg("staffing.need_matches"))
    if need.status is not NeedStatus.OPEN:
        raise StateConflict(msg("staffing.need_open", need_status=need.status), rule="need_open")
    uow.change(need, if_match=None, action="need.filled")
    need.status, need.dispatch_id, need.closed_at = NeedStatus.FILLED, dispatch.id, now()
    uow.emit(need, need_event(need))


async def dispatch_specialist(*, db: Database, actor: Actor, command: DispatchSpecialist) -> DispatchRow:
    period = Period.checked(command.starts_on, command.ends_on, field="ends_on")
    async with unit_of_work(db, actor) as uow:
        session = uow.session
        # The locked load (a row lock on PostgreSQL, the write lock on SQLite) serialises concurrent
        # dispatches of one person: the second sees the first's dispatch, so no double booking by race.
        specialist_row = await uow.load(SpecialistRow, command.specialist_id, what="specialist")
        uow.authorise([specialist_row.employer_code], field="body.specialist_id", what="the employer")
        governments = await registry(session)
        employer = government(governments, specialist_row.employer_code, "specialist_id")
        receiving = government(governments, command.receiving_code, "receiving_code")
        profession = await professions.profession(session, specialist_row.profession_code)
        if profession is None:
            raise RuleViolation("specialist_id", "known_profession", msg("staffing.known_profession"))
        ensure_dispatch_valid(
            DispatchPlan(
                specialist=to_specialist(specialist_row),
                profession=profession,
                employer=employer,
                receiving=receiving,
                period=period,
                agreement=await agreement_view(session, command.agreement_id),
                agreement_id=command.agreement_id,
            )
        )
        clashes = await double_bookings(session, specialist_row.id, period)
        if clashes:
            raise StateConflict(
                msg("staffing.double_booking", value=", ".join(clashes)),
                rule="double_booking",
                conflicting_dispatch_ids=clashes,
            )
        row = uow.add(
            DispatchRow(
                id=new_id(),
                specialist_id=specialist_row.id,
                profession_code=profession.code,
                employer_code=employer.code,
                receiving_code=receiving.code,
                agreement_id=command.agreement_id,
                need_id=command.need_id,
                starts_on=period.start,
                ends_on=period.end,
                status=DispatchStatus.ACTIVE,
                ended_on=None,
                end_reason=None,
                end_note=None,
                flagged_at=None,
                agreement_terminated_on=None,
                flag_reason=None,
            ),
            action="dispatch.created",
        )
        if command.need_id:
            await _fill_need(uow, command.need_id, row)
        uow.emit(
            row,
            SpecialistDispatched(
                dispatch_id=row.id,
                specialist_id=row.specialist_id,
                profession_code=row.profession_code,
                employer_code=row.employer_code,
                receiving_code=row.receiving_code,
                agreement_id=row.agreement_id,
                starts_on=row.starts_on,
                ends_on=row.ends_on,
                need_id=row.need_id,
            ),
        )
    return row


async def end_dispatch(
    *, db: Database, actor: Actor, dispatch_id: str, command: EndDispatch, if_match: str | None
) -> DispatchRow:
    async with unit_of_work(db, actor) as uow:
        row = await uow.load_for_change(
            DispatchRow,
            dispatch_id,
            if_match=if_match,
            action="dispatch.ended",
            writers=lambda r: [r.employer_code],
            field="path.dispatch_id",
            what="the employer",
        )
        if row.status is not DispatchStatus.ACTIVE:
            raise StateConflict(msg("staffing.dispatch_active"), rule="dispatch_active")
        if not row.starts_on <= command.ended_on <= row.ends_on:
            raise RuleViolation(
                "ended_on",
                "within_dispatch",
                msg("staffing.within_dispatch_2", row_starts_on=row.starts_on, row_ends_on=row.ends_on),
            )
        row.status, row.ended_on = DispatchStatus.ENDED, command.ended_on
        row.end_reason, row.end_note = command.reason, command.note
        uow.emit(
            row,
            DispatchEnded(
                dispatch_id=row.id,
                specialist_id=row.specialist_id,
                employer_code=row.employer_code,
                receiving_code=row.receiving_code,
                agreement_id=row.agreement_id,
                ended_on=command.ended_on,
                reason=command.reason,
            ),
        )
    return row


def readers(row: DispatchRow) -> list[str]:
    return [row.employer_code, row.receiving_code]


async def get_dispatch(*, db: Database, actor: Actor, dispatch_id: str) -> DispatchRow:
    async with db.session() as session:
        row = await load(session, DispatchRow, dispatch_id, what="dispatch")
    ensure_can_read(actor, readers(row), what="dispatch")
    return row


async def list_dispatches(
    *,
    db: Database,
    actor: Actor,
    status: DispatchStatus | None,
    flagged: bool | None,
    receiving_code: str | None,
    employer_code: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], str | None]:
    """Dispatches the actor takes part in (national, auditor: all); `flagged` lists those needing action."""
    query = select(DispatchRow).where(visible(actor, [DispatchRow.employer_code, DispatchRow.receiving_code]))
    if status is not None:
        query = query.where(DispatchRow.status == status)
    if flagged is not None:
        query = query.where(
            DispatchRow.flagged_at.is_not(None) if flagged else DispatchRow.flagged_at.is_(None)
        )
    if receiving_code:
        query = query.where(DispatchRow.receiving_code == receiving_code)
    if employer_code:
        query = query.where(DispatchRow.employer_code == employer_code)
    return await fetch_page(db, query, DispatchRow.id, cursor=cursor, limit=limit)
