"""Use cases of the agreement record: draft it, set its consensus rules, read it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from renkei_common.access import can_read, ensure_acts_for_one_of, ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.orm import AgreementRow, AreaRow, ProcedureRow
from renkei_agreements.domain.agreements import check_parties, party_roles
from renkei_agreements.domain.lifecycle import AgreementLifecycle, Status
from renkei_agreements.domain.notification import notification_targets
from renkei_agreements.domain.vocabulary import AgreementKind, AreaType, ProcedureStatus
from renkei_agreements.service_layer.agreement_state import (
    WHOLE,
    audit_view,
    new_procedure_row,
    new_version_row,
    parties_of,
    write_state,
)
from renkei_agreements.service_layer.areas import participants
from renkei_agreements.service_layer.commands import DraftAgreement, RoleDivision, SetConsensusRules
from renkei_agreements.service_layer.governments import governments

PARTY = "a party of this agreement"


async def create_agreement(*, db: Database, actor: Actor, command: DraftAgreement) -> AgreementRow:
    """A draft between two governments (prefecture or municipality); its conclusion procedure opens."""
    a, b = command.parties
    ensure_acts_for_one_of(actor, [a, b], field="body.parties", what=PARTY)
    async with unit_of_work(db, actor) as uow:
        govs = await governments(uow.session, {"parties[0]": a, "parties[1]": b})
        area = await area_of(uow.session, actor, command.area_id)
        centres = area.centre_codes if area else []
        if area is not None:
            ensure_acts_for_one_of(
                actor, drafters_in(area), field="body.area_id", what="a member or the centre of this area"
            )
        check_parties(
            command.kind, (govs[a], govs[b]), area_type=area.area_type if area else None, area_centres=centres
        )
        check_role_division(command.role_division, (a, b))
        lifecycle = AgreementLifecycle.draft((a, b), effective_on=command.effective_on)
        role_a, role_b = party_roles((a, b), centres)
        row = AgreementRow(
            id=new_id(),
            kind=command.kind,
            party_a_code=a,
            party_b_code=b,
            party_a_role=role_a,
            party_b_role=role_b,
            area_id=command.area_id,
            consensus_rules=command.consensus_rules,
        )
        write_state(row, lifecycle)
        content = [asdict(d) for d in command.role_division]
        row.versions = [new_version_row(row.id, 1, command.title, command.policy, command.subjects, content)]
        targets = [asdict(t) for t in notification_targets((govs[a], govs[b]))]
        row.procedures = [new_procedure_row(row.id, lifecycle, targets)]
        uow.add(row, action="agreement.drafted", view=audit_view)
    return row


async def changing_agreement(
    uow: UnitOfWork, agreement_id: str, if_match: str | None, *, action: str
) -> AgreementRow:
    """A party's write: the whole agreement locked in one query, the party checked, If-Match, versioned."""
    return await uow.load_for_change(
        AgreementRow,
        agreement_id,
        if_match=if_match,
        action=action,
        writers=parties_of,
        field="path.agreement_id",
        what=PARTY,
        view=audit_view,
        options=WHOLE,
    )


async def update_agreement(
    *, db: Database, actor: Actor, agreement_id: str, command: SetConsensusRules, if_match: str | None
) -> AgreementRow:
    async with unit_of_work(db, actor) as uow:
        row = await changing_agreement(uow, agreement_id, if_match, action="agreement.consensus_rules_set")
        row.consensus_rules = command.consensus_rules
    return row


# The public view shows only the open procedure (its history is read from /versions), all in one query.
CURRENT_ONLY = (
    joinedload(AgreementRow.versions),
    joinedload(AgreementRow.procedures.and_(ProcedureRow.status == ProcedureStatus.OPEN)).joinedload(
        ProcedureRow.steps
    ),
)


async def get_agreement(
    *, db: Database, actor: Actor, agreement_id: str, history: bool = False
) -> AgreementRow:
    """The agreement; with `history`, every procedure and step, else only the open procedure (fewer rows)."""
    async with db.session() as session:
        row = await load(
            session, AgreementRow, agreement_id, what="agreement", options=WHOLE if history else CURRENT_ONLY
        )
    ensure_can_read(actor, parties_of(row), what="agreement")
    return row


async def list_agreements(
    *,
    db: Database,
    actor: Actor,
    party: str | None = None,
    area_id: str | None = None,
    status: Status | None = None,
    kind: AgreementKind | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> tuple[list[AgreementRow], str | None]:
    query = select(AgreementRow).options(*CURRENT_ONLY)
    query = query.where(visible(actor, [AgreementRow.party_a_code, AgreementRow.party_b_code]))
    if party is not None:
        query = query.where((AgreementRow.party_a_code == party) | (AgreementRow.party_b_code == party))
    if area_id is not None:
        query = query.where(AgreementRow.area_id == area_id)
    if status is not None:
        query = query.where(AgreementRow.status == status)
    if kind is not None:
        query = query.where(AgreementRow.kind == kind)
    return await fetch_page(db, query, AgreementRow.id, cursor=cursor, limit=limit)


async def area_of(session: AsyncSession, actor: Actor, area_id: str | None) -> AreaRow | None:
    """The area with its members; one the caller may not read answers exactly as one that does not exist."""
    if area_id is None:
        return None
    area = await session.get(AreaRow, area_id)
    if area is None or not can_read(actor, participants(area)):
        raise RuleViolation("area_id", "unknown_area", msg("agreements.unknown_area", area_id=area_id))
    return area


def drafters_in(area: AreaRow) -> list[str]:
    """Who may draft an agreement inside the area: its centres and its current members."""
    today = now().date()
    return [*area.centre_codes, *(m.code for m in area.members if m.until is None or m.until >= today)]


async def area_type_of(session: AsyncSession, area_id: str | None) -> AreaType | None:
    """Only the type, for an event: one narrow query instead of the area with its members."""
    if area_id is None:
        return None
    found: AreaType | None = await session.scalar(select(AreaRow.area_type).where(AreaRow.id == area_id))
    return found


def check_role_division(divisions: Sequence[RoleDivision], parties: tuple[str, str]) -> None:
    violations = [
        Violation(
            f"role_division[{i}].party",
            "party_of_agreement",
            msg("agreements.party_of_agreement_3", d_party=d.party),
        )
        for i, d in enumerate(divisions)
        if d.party not in parties
    ]
    if violations:
        raise RuleViolation(violations=violations)
