"""Use cases of the agreement record: draft it, set its consensus rules, read it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.writes import jsonable, record_audit
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import AgreementRow, AreaRow, ProcedureRow
from renkei_agreements.api.schemas.agreements import AgreementCreate, AgreementUpdate
from renkei_agreements.domain.agreements import check_parties, party_roles
from renkei_agreements.domain.errors import RuleViolation, Violation
from renkei_agreements.domain.lifecycle import AgreementLifecycle
from renkei_agreements.domain.notification import notification_targets
from renkei_agreements.service_layer.access import visible
from renkei_agreements.service_layer.agreement_state import (
    audit_view,
    new_procedure_row,
    new_version_row,
    parties_of,
)
from renkei_agreements.service_layer.common import (
    audited_change,
    ensure_acts_for_one_of,
    fetch_page,
    governments,
    load,
    load_readable,
    now,
)

PARTY = "a party of this agreement"


async def create_agreement(*, db: Database, actor: Actor, body: AgreementCreate) -> AgreementRow:
    """A draft between two governments (prefecture or municipality); its conclusion procedure opens."""
    a, b = body.parties
    ensure_acts_for_one_of(actor, [a, b], field="body.parties", what=PARTY)
    async with db.transaction() as session:
        govs = await governments(session, {"parties[0]": a, "parties[1]": b})
        area = await area_of(session, body.area_id)
        centres = area.centre_codes if area else []
        check_parties(
            body.kind, (govs[a], govs[b]), area_type=area.area_type if area else None, area_centres=centres
        )
        check_role_division(body.role_division, (a, b))
        lifecycle = AgreementLifecycle.draft((a, b), effective_on=body.effective_on)
        role_a, role_b = party_roles((a, b), centres)
        row = AgreementRow(
            id=new_id(),
            kind=body.kind,
            party_a_code=a,
            party_b_code=b,
            party_a_role=role_a,
            party_b_role=role_b,
            area_id=body.area_id,
            status=lifecycle.status.value,
            in_force_version=None,
            latest_version=1,
            consensus_rules=jsonable(body.consensus_rules) if body.consensus_rules else None,
            row_version=1,
            created_by_org=actor.org,
            created_at=now(),
        )
        row.versions = [
            new_version_row(
                row.id, 1, body.title, body.policy, jsonable(body.subjects), jsonable(body.role_division)
            )
        ]
        row.procedures = [
            new_procedure_row(
                row.id, lifecycle, [asdict(t) for t in notification_targets((govs[a], govs[b]))]
            )
        ]
        session.add(row)
        await record_audit(
            session,
            actor=actor,
            action="agreement.drafted",
            resource_type="agreement",
            resource_id=row.id,
            after=audit_view(row),
        )
    return row


@asynccontextmanager
async def changing_agreement(
    db: Database,
    actor: Actor,
    agreement_id: str,
    if_match: str | None,
    *,
    action: str,
    check: Callable[[], None] | None = None,
) -> AsyncIterator[tuple[AsyncSession, AgreementRow]]:
    """A party's write: the agreement locked, `check` run after the party check, If-Match checked, the
    version moved on; when the block ends without error the change is audited as `action`."""
    async with db.transaction() as session:
        row = await load(session, AgreementRow, agreement_id, what="agreement", for_update=True)
        ensure_acts_for_one_of(actor, parties_of(row), field="path.agreement_id", what=PARTY)
        if check is not None:
            check()
        async with audited_change(
            session, actor, row, if_match, action=action, resource_type="agreement", view=audit_view
        ):
            yield session, row


async def update_agreement(
    *, db: Database, actor: Actor, agreement_id: str, body: AgreementUpdate, if_match: str | None
) -> AgreementRow:
    async with changing_agreement(
        db, actor, agreement_id, if_match, action="agreement.consensus_rules_set"
    ) as (_, row):
        row.consensus_rules = jsonable(body.consensus_rules) if body.consensus_rules else None
    return row


# The public view shows only the open procedure (its history is read from /versions), all in one query.
CURRENT_ONLY = (
    joinedload(AgreementRow.versions),
    joinedload(AgreementRow.procedures.and_(ProcedureRow.status == "open")).joinedload(ProcedureRow.steps),
)


async def get_agreement(
    *, db: Database, actor: Actor, agreement_id: str, history: bool = False
) -> AgreementRow:
    """The agreement; with `history`, every procedure and step, else only the open procedure (fewer rows)."""
    options = () if history else CURRENT_ONLY
    return await load_readable(
        db, actor, AgreementRow, agreement_id, what="agreement", readers=parties_of, options=options
    )


async def list_agreements(
    *,
    db: Database,
    actor: Actor,
    party: str | None = None,
    area_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> tuple[list[AgreementRow], str | None]:
    query = select(AgreementRow).options(*CURRENT_ONLY)
    query = query.where(visible(actor, [AgreementRow.party_a_code, AgreementRow.party_b_code]))
    if party is not None:
        query = query.where((AgreementRow.party_a_code == party) | (AgreementRow.party_b_code == party))
    for column, value in (
        (AgreementRow.area_id, area_id),
        (AgreementRow.status, status),
        (AgreementRow.kind, kind),
    ):
        if value is not None:
            query = query.where(column == value)
    return await fetch_page(db, query, AgreementRow.id, cursor=cursor, limit=limit)


async def area_of(session: AsyncSession, area_id: str | None) -> AreaRow | None:
    if area_id is None:
        return None
    area = await session.get(AreaRow, area_id)
    if area is None:
        raise RuleViolation("area_id", "unknown_area", f"no area {area_id!a}")
    return area


def check_role_division(divisions: list, parties: tuple[str, str]) -> None:
    violations = [
        Violation(f"role_division[{i}].party", "party_of_agreement", f"{d.party} is not a party")
        for i, d in enumerate(divisions)
        if d.party not in parties
    ]
    if violations:
        raise RuleViolation(violations=violations)
