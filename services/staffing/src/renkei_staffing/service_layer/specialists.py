"""Use cases of specialists: the employer registers and updates them; others see pseudonymised records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.events.contracts.staffing import LicenceValidity, SpecialistRegistered
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, snapshot
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import DispatchRow, SpecialistRow
from renkei_staffing.domain.enums import DispatchStatus
from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import Profession
from renkei_staffing.domain.redaction import may_see_personal_data, pseudonym
from renkei_staffing.domain.specialists import Licence, Specialist, licence_window
from renkei_staffing.service_layer import professions
from renkei_staffing.service_layer.access import ensure_reader
from renkei_staffing.service_layer.commands import LicenceInput, RegisterSpecialist, UpdateSpecialist
from renkei_staffing.service_layer.common import government, registry, today

PERSONAL = ("name", "contact", "licences")


@dataclass(frozen=True, slots=True)
class LicenceRecord:
    kind: str
    number: str | None  # None when redacted
    valid_from: date | None
    expires_on: date | None


@dataclass(frozen=True, slots=True)
class SpecialistRecord:
    """A specialist as one reader may see it: `personal_data` False means name, contact, numbers hidden."""

    id: str
    profession_code: str
    employer_code: str
    employed_from: date
    employed_until: date
    display_name: str
    contact: str | None
    licences: tuple[LicenceRecord, ...]
    personal_data: bool
    row_version: int


def licences_of(
    items: Iterable[dict[str, Any]], *, kinds: Iterable[str] | None = None
) -> tuple[Licence, ...]:
    """Licences from their stored form; only those of `kinds` when given."""
    wanted = None if kinds is None else set(kinds)
    return tuple(
        Licence(
            kind=item["kind"],
            number=item["number"],
            valid_from=date.fromisoformat(item["valid_from"]) if item.get("valid_from") else None,
            expires_on=date.fromisoformat(item["expires_on"]) if item.get("expires_on") else None,
        )
        for item in items
        if wanted is None or item["kind"] in wanted
    )


def to_specialist(row: SpecialistRow) -> Specialist:
    return Specialist(
        id=row.id,
        profession_code=row.profession_code,
        employer_code=row.employer_code,
        employment=Period(row.employed_from, row.employed_until),
        licences=licences_of(row.licences),
    )


def record(row: SpecialistRow, *, personal: bool) -> SpecialistRecord:
    return SpecialistRecord(
        id=row.id,
        profession_code=row.profession_code,
        employer_code=row.employer_code,
        employed_from=row.employed_from,
        employed_until=row.employed_until,
        display_name=row.name if personal else pseudonym(row.id),
        contact=row.contact if personal else None,
        licences=tuple(
            LicenceRecord(
                kind=licence.kind,
                number=licence.number if personal else None,
                valid_from=licence.valid_from,
                expires_on=licence.expires_on,
            )
            for licence in to_specialist(row).licences
        ),
        personal_data=personal,
        row_version=row.row_version,
    )


async def active_receivers(
    session: AsyncSession, specialist_ids: Sequence[str]
) -> dict[str, list[tuple[str, Period]]]:
    """Per specialist, the receiving municipalities and periods of its active dispatches."""
    if not specialist_ids:
        return {}
    query = select(DispatchRow).where(
        DispatchRow.specialist_id.in_(specialist_ids), DispatchRow.status == DispatchStatus.ACTIVE
    )
    found: dict[str, list[tuple[str, Period]]] = {}
    for dispatch in (await session.scalars(query)).all():
        found.setdefault(dispatch.specialist_id, []).append(
            (dispatch.receiving_code, Period(dispatch.starts_on, dispatch.last_day))
        )
    return found


def sees_personal(actor: Actor, row: SpecialistRow, receivers: dict[str, list[tuple[str, Period]]]) -> bool:
    return may_see_personal_data(
        actor.org, employer_code=row.employer_code, active_dispatches=receivers.get(row.id, ()), today=today()
    )


def _licences(licences: Sequence[LicenceInput]) -> list[dict[str, Any]]:
    violations = [
        Violation(
            f"licences[{index}].expires_on", "end_not_before_start", msg("staffing.end_not_before_start_2")
        )
        for index, licence in enumerate(licences)
        if licence.valid_from and licence.expires_on and licence.expires_on < licence.valid_from
    ]
    if violations:
        raise RuleViolation(violations=violations)
    return [
        {
            "kind": item.kind,
            "number": item.number,
            "valid_from": item.valid_from.isoformat() if item.valid_from else None,
            "expires_on": item.expires_on.isoformat() if item.expires_on else None,
        }
        for item in licences
    ]


def _event(row: SpecialistRow) -> SpecialistRegistered:
    return SpecialistRegistered(
        specialist_id=row.id,
        profession_code=row.profession_code,
        employer_code=row.employer_code,
        employed_from=row.employed_from,
        employed_until=row.employed_until,
        licences=[
            LicenceValidity(kind=item.kind, valid_from=item.valid_from, expires_on=item.expires_on)
            for item in to_specialist(row).licences
        ],
    )


def _check_required(licences: Sequence[LicenceInput], profession: Profession) -> None:
    kinds = {licence.kind for licence in licences}
    missing = [kind for kind in profession.required_licences if kind not in kinds]
    if missing:
        raise RuleViolation(
            "licences",
            "required_licences",
            msg("staffing.required_licences", profession_name=profession.name, value=", ".join(missing)),
        )


def _set_window(row: SpecialistRow, profession: Profession) -> None:
    row.licence_valid_from, row.licence_valid_until = licence_window(
        licences_of(row.licences), profession.required_licences
    )


def audit_view(row: SpecialistRow) -> dict[str, Any]:
    """The audit log is read by operators: it records that personal data changed, not the data itself."""
    view = snapshot(row, exclude=PERSONAL)
    view["licence_kinds"] = [item["kind"] for item in row.licences]
    return view


async def register_specialist(*, db: Database, actor: Actor, command: RegisterSpecialist) -> SpecialistRecord:
    if command.employed_until < command.employed_from:
        raise RuleViolation("employed_until", "end_not_before_start", msg("staffing.end_not_before_start_3"))
    async with unit_of_work(db, actor) as uow:
        uow.authorise([command.employer_code], field="body.employer_code", what="the employer")
        government(await registry(uow.session), command.employer_code, "employer_code")
        profession = await professions.profession(uow.session, command.profession_code)
        if profession is None:
            raise RuleViolation(
                "profession_code",
                "known_profession",
                msg("staffing.known_profession_2", profession_code=command.profession_code),
            )
        _check_required(command.licences, profession)
        row = SpecialistRow(
            id=new_id(),
            profession_code=profession.code,
            employer_code=command.employer_code,
            employed_from=command.employed_from,
            employed_until=command.employed_until,
            name=command.name,
            contact=command.contact,
            licences=_licences(command.licences),
        )
        _set_window(row, profession)
        uow.add(row, action="specialist.registered", view=audit_view)
        uow.emit(row, _event(row))
    return record(row, personal=True)


async def update_specialist(
    *, db: Database, actor: Actor, specialist_id: str, command: UpdateSpecialist, if_match: str | None
) -> SpecialistRecord:
    async with unit_of_work(db, actor) as uow:
        row = await uow.load_for_change(
            SpecialistRow,
            specialist_id,
            if_match=if_match,
            action="specialist.updated",
            writers=lambda r: [r.employer_code],
            field="path.specialist_id",
            what="the employer",
            view=audit_view,
        )
        if command.employed_until is not None:
            if command.employed_until < row.employed_from:
                raise RuleViolation(
                    "employed_until", "end_not_before_start", msg("staffing.end_not_before_start_3")
                )
            row.employed_until = command.employed_until
        if command.contact is not None:
            row.contact = command.contact
        if command.licences is not None:
            profession = await professions.profession(uow.session, row.profession_code)
            if profession is not None:
                _check_required(command.licences, profession)
                row.licences = _licences(command.licences)
                _set_window(row, profession)
        uow.emit(row, _event(row))
    return record(row, personal=True)


async def get_specialist(*, db: Database, actor: Actor, specialist_id: str) -> SpecialistRecord:
    ensure_reader(actor)
    async with db.session() as session:
        row = await load(session, SpecialistRow, specialist_id, what="specialist")
        receivers = await active_receivers(session, [row.id])
    return record(row, personal=sees_personal(actor, row, receivers))


async def list_specialists(
    *,
    db: Database,
    actor: Actor,
    employer_code: str | None,
    profession_code: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[SpecialistRecord], str | None]:
    ensure_reader(actor)
    query = select(SpecialistRow)
    if employer_code:
        query = query.where(SpecialistRow.employer_code == employer_code)
    if profession_code:
        query = query.where(SpecialistRow.profession_code == profession_code)
    rows, next_cursor = await fetch_page(db, query, SpecialistRow.id, cursor=cursor, limit=limit)
    async with db.session() as session:
        receivers = await active_receivers(session, [row.id for row in rows])
    return [record(row, personal=sees_personal(actor, row, receivers)) for row in rows], next_cursor
