"""Use cases of shared facilities and joint tasks: register them, agree each year's cost sharing, read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

from renkei_common.access import can_read, ensure_acts_for_one_of, ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.events.contracts import CostShare, CostSharingAgreed
from renkei_common.persistence import fetch_page, load, new_id, now, snapshot
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.orm import (
    AgreementRow,
    AreaRow,
    CostSharingRow,
    MunicipalityRow,
    SharedServiceMemberRow,
    SharedServiceRow,
)
from renkei_agreements.domain.cost_sharing import MemberBasis, Weights, share_costs
from renkei_agreements.domain.shared_services import (
    ConsentBasis,
    check_all_consented,
    check_may_consent,
    initial_consents,
)
from renkei_agreements.service_layer.agreement_state import parties_of
from renkei_agreements.service_layer.areas import participants
from renkei_agreements.service_layer.commands import (
    AgreeCostSharing,
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
            violations.append(Violation("members", "distinct", "list each member once"))
        if command.lead_code not in command.members:
            violations.append(Violation("lead_code", "member", "the lead must be one of the members"))
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
    return Violation(field, "exists", f"no {what} {value!a}")


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


async def agree_cost_sharing(
    *, db: Database, actor: Actor, shared_service_id: str, command: AgreeCostSharing, if_match: str | None
) -> tuple[SharedServiceRow, CostSharingRow]:
    """Compute each member's integer-yen share and record it for the year; emits CostSharingAgreed."""
    async with unit_of_work(db, actor) as uow:
        service = await uow.load_for_change(
            SharedServiceRow,
            shared_service_id,
            if_match=if_match,
            action="shared_service.cost_sharing_agreed",
            writers=lambda s: [s.lead_code],
            field="path.shared_service_id",
            what=LEAD,
            options=WHOLE,
        )
        given = [m.code for m in command.members]
        _check_members(service.member_codes, given)
        check_all_consented(service.consents)
        figures = await _populations(uow.session, given)
        w = command.weights
        basis = [MemberBasis(m.code, figures[m.code].population, m.usage) for m in command.members]
        shares = share_costs(
            cost_yen=command.cost_yen,
            weights=Weights(Decimal(w.equal), Decimal(w.population), Decimal(w.usage)),
            members=basis,
            remainder_to=command.remainder_to,
        )
        members: list[dict[str, Any]] = [
            {
                "code": m.code,
                "population": figures[m.code].population,
                "population_year": figures[m.code].population_year,
                "population_source": figures[m.code].population_source,
                "usage": str(m.usage) if m.usage is not None else None,
                "share_yen": s.share_yen,
                "exact_yen": str(
                    (Decimal(s.exact.numerator) / Decimal(s.exact.denominator)).quantize(Decimal("0.01"))
                ),
            }
            for m, s in zip(command.members, shares, strict=True)
        ]
        values = dict(
            cost_yen=command.cost_yen,
            equal_weight=w.equal,
            population_weight=w.population,
            usage_weight=w.usage,
            remainder_to=command.remainder_to,
            members=members,
            agreed_on=command.agreed_on,
            recorded_by_org=actor.org,
            recorded_at=now(),
        )
        existing = next((c for c in service.cost_sharings if c.fiscal_year == command.fiscal_year), None)
        before = snapshot(existing) if existing else None
        if existing is None:
            existing = CostSharingRow(
                id=new_id(),
                shared_service_id=service.id,
                fiscal_year=command.fiscal_year,
                revision=1,
                **values,
            )
            service.cost_sharings.append(existing)
        else:
            for key, value in values.items():
                setattr(existing, key, value)
            existing.revision += 1
        uow.audit(service, before=before, after=snapshot(existing))
        uow.emit(
            service,
            CostSharingAgreed(
                shared_service_id=service.id,
                name=service.name,
                category=service.category,
                area_id=service.area_id,
                fiscal_year=command.fiscal_year,
                cost_yen=command.cost_yen,
                equal_weight=w.equal,
                population_weight=w.population,
                usage_weight=w.usage,
                remainder_to=command.remainder_to,
                agreed_on=command.agreed_on,
                revision=existing.revision,
                members=[
                    CostShare(
                        municipality_code=m["code"],
                        share_yen=m["share_yen"],
                        population=m["population"],
                        population_year=m["population_year"],
                        usage=m["usage"],
                    )
                    for m in members
                ],
            ),
        )
    return service, existing


def _audit_view(row: SharedServiceRow) -> dict[str, object]:
    consents = {code: basis.value if basis else None for code, basis in row.consents.items()}
    return {**snapshot(row), "members": row.member_codes, "consents": consents}


def _check_members(registered: list[str], given: list[str]) -> None:
    violations = [
        Violation(f"members[{i}].code", "member_of_shared_service", f"{code} is not a member")
        for i, code in enumerate(given)
        if code not in registered
    ]
    if len(set(given)) != len(given):
        violations.append(Violation("members", "distinct", "list each member once"))
    missing = [code for code in registered if code not in given]
    if missing:
        violations.append(Violation("members", "every_member", f"missing members: {', '.join(missing)}"))
    if violations:
        raise RuleViolation(violations=violations)


async def _populations(session: AsyncSession, codes: list[str]) -> dict[str, MunicipalityRow]:
    rows = (await session.scalars(select(MunicipalityRow).where(MunicipalityRow.code.in_(codes)))).all()
    return {row.code: row for row in rows}


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
