"""Use cases of shared facilities and joint tasks: register them, agree each year's cost sharing, read."""

from __future__ import annotations

from decimal import Decimal

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.contracts import CostShare, CostSharingAgreed
from renkei_common.events.outbox import add_event
from renkei_common.writes import record_audit
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import (
    AgreementRow,
    AreaRow,
    CostSharingRow,
    MunicipalityRow,
    SharedServiceMemberRow,
    SharedServiceRow,
)
from renkei_agreements.api.schemas.shared_services import CostSharingPut, SharedServiceCreate
from renkei_agreements.domain.cost_sharing import MemberBasis, Weights, share_costs
from renkei_agreements.domain.errors import RuleViolation, Violation
from renkei_agreements.service_layer.access import visible
from renkei_agreements.service_layer.common import (
    ensure_acts_for_one_of,
    fetch_page,
    governments,
    load,
    load_readable,
    now,
    snapshot,
    touch,
)


def member_codes(row: SharedServiceRow) -> list[str]:
    return [m.code for m in row.members]


async def register_shared_service(
    *, db: Database, actor: Actor, body: SharedServiceCreate
) -> SharedServiceRow:
    ensure_acts_for_one_of(actor, [body.lead_code], field="body.lead_code", what="the lead member")
    async with db.transaction() as session:
        await governments(session, {f"members[{i}]": code for i, code in enumerate(body.members)})
        violations = []
        if len(set(body.members)) != len(body.members):
            violations.append(Violation("members", "distinct", "list each member once"))
        if body.lead_code not in body.members:
            violations.append(Violation("lead_code", "member", "the lead must be one of the members"))
        for field, cls, value in (
            ("area_id", AreaRow, body.area_id),
            ("agreement_id", AgreementRow, body.agreement_id),
        ):
            if value is not None and await session.get(cls, value) is None:
                violations.append(Violation(field, "exists", f"no {field.removesuffix('_id')} {value!a}"))
        if violations:
            raise RuleViolation(violations=violations)
        row = SharedServiceRow(
            id=new_id(),
            name=body.name,
            category=body.category,
            area_id=body.area_id,
            agreement_id=body.agreement_id,
            description=body.description,
            lead_code=body.lead_code,
            row_version=1,
            created_by_org=actor.org,
            created_at=now(),
        )
        row.members = [
            SharedServiceMemberRow(shared_service_id=row.id, code=c, position=i)
            for i, c in enumerate(body.members)
        ]
        row.cost_sharings = []
        session.add(row)
        await record_audit(
            session,
            actor=actor,
            action="shared_service.registered",
            resource_type="shared_service",
            resource_id=row.id,
            after={**snapshot(row), "members": body.members},
        )
    return row


async def agree_cost_sharing(
    *,
    db: Database,
    actor: Actor,
    shared_service_id: str,
    fiscal_year: int,
    body: CostSharingPut,
    if_match: str | None,
) -> tuple[SharedServiceRow, CostSharingRow]:
    """Compute each member's integer-yen share and record it for the year; emits CostSharingAgreed."""
    async with db.transaction() as session:
        service = await load(
            session, SharedServiceRow, shared_service_id, what="shared service", for_update=True
        )
        ensure_acts_for_one_of(
            actor, [service.lead_code], field="path.shared_service_id", what="the lead member"
        )
        touch(service, if_match)
        _check_members(member_codes(service), [m.code for m in body.members])
        figures = await _populations(session, [m.code for m in body.members])
        weights = Weights(
            Decimal(body.weights.equal), Decimal(body.weights.population), Decimal(body.weights.usage)
        )
        basis = [MemberBasis(m.code, figures[m.code].population, m.usage) for m in body.members]
        shares = share_costs(
            cost_yen=body.cost_yen, weights=weights, members=basis, remainder_to=body.remainder_to
        )
        existing = next((c for c in service.cost_sharings if c.fiscal_year == fiscal_year), None)
        members = [
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
            for m, s in zip(body.members, shares, strict=True)
        ]
        values = dict(
            cost_yen=body.cost_yen,
            equal_weight=body.weights.equal,
            population_weight=body.weights.population,
            usage_weight=body.weights.usage,
            remainder_to=body.remainder_to,
            members=members,
            agreed_on=body.agreed_on,
            recorded_by_org=actor.org,
            recorded_at=now(),
        )
        before = snapshot(existing) if existing else None
        if existing is None:
            existing = CostSharingRow(
                id=new_id(), shared_service_id=service.id, fiscal_year=fiscal_year, revision=1, **values
            )
            service.cost_sharings.append(existing)
        else:
            for key, value in values.items():
                setattr(existing, key, value)
            existing.revision += 1
        await add_event(
            session,
            CostSharingAgreed(
                shared_service_id=service.id,
                name=service.name,
                category=service.category,
                area_id=service.area_id,
                fiscal_year=fiscal_year,
                cost_yen=body.cost_yen,
                equal_weight=body.weights.equal,
                population_weight=body.weights.population,
                usage_weight=body.weights.usage,
                remainder_to=body.remainder_to,
                agreed_on=body.agreed_on,
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
            subject=service.id,
            aggregate_version=service.row_version,
        )
        await record_audit(
            session,
            actor=actor,
            action="shared_service.cost_sharing_agreed",
            resource_type="shared_service",
            resource_id=service.id,
            before=before,
            after=snapshot(existing),
        )
    return service, existing


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
    return await load_readable(
        db, actor, SharedServiceRow, shared_service_id, what="shared service", readers=member_codes
    )


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
