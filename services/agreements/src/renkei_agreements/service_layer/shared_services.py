"""Use cases of shared facilities and joint tasks: register them, record consents, read them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from renkei_common.access import can_read, ensure_acts_for_one_of, ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now, snapshot
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.orm import (
    AgreementRow,
    AreaRow,
    SharedServiceMemberRow,
    SharedServiceRow,
)
from renkei_agreements.domain.shared_services import (
    ConsentBasis,
    check_may_consent,
    initial_consents,
)
from renkei_agreements.service_layer.agreement_state import parties_of
from renkei_agreements.service_layer.areas import participants
from renkei_agreements.service_layer.commands import (
    ConsentToSharedService,
    RegisterSharedService,
)
from renkei_agreements.service_layer.governments import governments

R = TypeVar("R")
LEAD = "the lead member"
# Members joined to the locked row; the years' sharings come in a second query (a join of both would
# multiply up to 100 members by every year).
WHOLE = (joinedload(SharedServiceRow.members),)


async def register_shared_service(
    *, db: Database, actor: Actor, command: RegisterSharedService
) -> SharedServiceRow:
    ensure_acts_for_one_of(actor, [command.lead_code], field="body.lead_code", what=LEAD)
    async with unit_of_work(db, actor) as uow:
        await governments(uow.session, {f"members[{i}]": code for i, code in enumerate(command.members)})
        violations = []
        if len(set(command.members)) != len(command.members):
            violations.append(Violation("members", "distinct", msg("agreements.shared.distinct_members")))
        if command.lead_code not in command.members:
            violations.append(Violation("lead_code", "member", msg("agreements.shared.lead_is_member")))
        area = await _readable(uow.session, actor, AreaRow, command.area_id, participants)
        if command.area_id is not None and area is None:
            violations.append(_unknown("area_id", "area", command.area_id))
        agreement = await _readable(uow.session, actor, AgreementRow, command.agreement_id, parties_of)
        if command.agreement_id is not None and agreement is None:
            violations.append(_unknown("agreement_id", "agreement", command.agreement_id))
        if violations:
            raise RuleViolation(violations=violations)
        consents = initial_consents(
            lead=command.lead_code,
            members=command.members,
            agreement_parties=parties_of(agreement) if agreement else (),
        )
        recorded_at = now()
        row = SharedServiceRow(
            id=new_id(),
            name=command.name,
            category=command.category,
            area_id=command.area_id,
            agreement_id=command.agreement_id,
            description=command.description,
            lead_code=command.lead_code,
        )
        row.members = [
            SharedServiceMemberRow(
                shared_service_id=row.id,
                code=c,
                position=i,
                consent_basis=consents[c],
                consent_recorded_at=recorded_at if consents[c] else None,
            )
            for i, c in enumerate(command.members)
        ]
        row.cost_sharings = []
        uow.add(row, action="shared_service.registered", view=_audit_view)
    return row


def _unknown(field: str, what: str, value: str) -> Violation:
    # The same answer whether the id does not exist or the caller may not read it: no probing of ids.
    return Violation(field, "exists", msg("agreements.shared.unknown_link", what=what, value=value))


async def _readable(
    session: AsyncSession, actor: Actor, cls: type[R], key: str | None, readers: Callable[[R], Iterable[str]]
) -> R | None:
    """The linked row if it exists and the caller may read it, else None."""
    if key is None:
        return None
    row = await session.get(cls, key)
    return row if row is not None and can_read(actor, readers(row)) else None


async def consent_to_shared_service(
    *,
    db: Database,
    actor: Actor,
    shared_service_id: str,
    command: ConsentToSharedService,
    if_match: str | None,
) -> SharedServiceRow:
    """A member states its consent to take part (and be billed); only that member may."""
    async with unit_of_work(db, actor) as uow:
        service = await uow.load_for_change(
            SharedServiceRow,
            shared_service_id,
            if_match=if_match,
            action="shared_service.member_consented",
            writers=lambda s: s.member_codes,
            field="path.shared_service_id",
            what="a member of this shared service",
            view=_audit_view,
            options=WHOLE,
        )
        member = next(m for m in service.members if m.code == actor.org)
        check_may_consent(member.code, member.consent_basis)
        member.consent_basis = ConsentBasis.STATED
        member.consented_on = command.consented_on
        member.consent_recorded_at = now()
    return service


def _audit_view(row: SharedServiceRow) -> dict[str, object]:
    consents = {code: basis.value if basis else None for code, basis in row.consents.items()}
    return {**snapshot(row), "members": row.member_codes, "consents": consents}


def check_members(registered: list[str], given: list[str]) -> None:
    violations = [
        Violation(
            f"members[{i}].code", "member_of_shared_service", msg("agreements.shared.not_a_member", code=code)
        )
        for i, code in enumerate(given)
        if code not in registered
    ]
    if len(set(given)) != len(given):
        violations.append(Violation("members", "distinct", msg("agreements.shared.distinct_members")))
    missing = [code for code in registered if code not in given]
    if missing:
        violations.append(
            Violation("members", "every_member", msg("agreements.shared.every_member", codes=missing))
        )
    if violations:
        raise RuleViolation(violations=violations)


async def get_shared_service(*, db: Database, actor: Actor, shared_service_id: str) -> SharedServiceRow:
    async with db.session() as session:
        row = await load(session, SharedServiceRow, shared_service_id, what="shared service")
    ensure_can_read(actor, row.member_codes, what="shared service")
    return row


async def list_shared_services(
    *, db: Database, actor: Actor, area_id: str | None = None, cursor: str | None = None, limit: int = 100
) -> tuple[list[SharedServiceRow], str | None]:
    query = select(SharedServiceRow)
    if not actor.reads_all:
        mine = select(SharedServiceMemberRow.shared_service_id).where(
            visible(actor, [SharedServiceMemberRow.code])
        )
        query = query.where(SharedServiceRow.id.in_(mine))
    if area_id is not None:
        query = query.where(SharedServiceRow.area_id == area_id)
    return await fetch_page(db, query, SharedServiceRow.id, cursor=cursor, limit=limit)
