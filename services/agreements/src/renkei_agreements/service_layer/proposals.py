"""Use cases of the consensus process: put a proposal to the partners, record their positions."""

from __future__ import annotations

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.writes import record_audit
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import AgreementRow, AreaRow, PositionRow, ProposalRow
from renkei_agreements.api.schemas.proposals import PositionCreate, ProposalCreate
from renkei_agreements.domain.consensus import RECORDED_BY, Position, check_position
from renkei_agreements.domain.errors import RuleViolation, Violation
from renkei_agreements.service_layer.access import can_read
from renkei_agreements.service_layer.common import (
    ensure_acts_for_one_of,
    fetch_page,
    load,
    load_readable,
    now,
    snapshot,
    touch,
)


def current_positions(proposal: ProposalRow) -> dict[str, PositionRow]:
    latest: dict[str, PositionRow] = {}
    for row in proposal.positions:  # oldest first, so the last one per partner wins
        latest[row.partner_code] = row
    return latest


async def _subject(session: AsyncSession, subject_type: str, subject_id: str) -> tuple[list[str], str | None]:
    """Participants of the subject (centre first) and its decision method."""
    row: AreaRow | AgreementRow | None
    row = await session.get(AreaRow if subject_type == "area" else AgreementRow, subject_id)
    if row is None:
        raise RuleViolation("subject_id", "unknown_subject", f"no {subject_type} {subject_id!a}")
    method = (row.consensus_rules or {}).get("decision_method")
    if isinstance(row, AreaRow):
        codes = list(row.centre_codes) + [m.code for m in row.members if m.code not in row.centre_codes]
        return list(dict.fromkeys(codes)), method
    return [row.party_a_code, row.party_b_code], method


async def open_proposal(*, db: Database, actor: Actor, body: ProposalCreate) -> ProposalRow:
    async with db.transaction() as session:
        participants, method = await _subject(session, body.subject_type, body.subject_id)
        ensure_acts_for_one_of(
            actor, participants, field="body.subject_id", what=f"a participant of this {body.subject_type}"
        )
        partners = body.partners if body.partners is not None else [c for c in participants if c != actor.org]
        violations = [
            Violation(f"partners[{i}]", "participant", f"{code} is not a participant other than the proposer")
            for i, code in enumerate(partners)
            if code not in participants or code == actor.org
        ]
        if len(set(partners)) != len(partners):
            violations.append(Violation("partners", "distinct", "list each partner once"))
        if not partners:
            violations.append(Violation("partners", "at_least_one", "a proposal needs at least one partner"))
        if violations:
            raise RuleViolation(violations=violations)
        proposal = ProposalRow(
            id=new_id(),
            subject_type=body.subject_type,
            subject_id=body.subject_id,
            title=body.title,
            text=body.text,
            proposer_code=actor.org,
            partner_codes=partners,
            decision_method=method,
            opened_on=body.opened_on,
            row_version=1,
            created_by_org=actor.org,
            created_at=now(),
        )
        proposal.positions = []
        session.add(proposal)
        await record_audit(
            session,
            actor=actor,
            action="proposal.opened",
            resource_type="proposal",
            resource_id=proposal.id,
            after=snapshot(proposal),
        )
    return proposal


async def record_position(
    *, db: Database, actor: Actor, proposal_id: str, body: PositionCreate, if_match: str | None
) -> ProposalRow:
    """Who records which position is part of the rules: the proposer consults, a partner speaks for itself."""
    position = Position(body.position)
    async with db.transaction() as session:
        proposal = await load(session, ProposalRow, proposal_id, what="proposal", for_update=True)
        ensure_acts_for_one_of(
            actor, _readers(proposal), field="path.proposal_id", what="a participant of this proposal"
        )
        partner = body.partner or actor.org
        if partner not in proposal.partner_codes:
            raise RuleViolation(
                "partner", "partner_of_proposal", f"{partner} is not a partner of this proposal"
            )
        allowed = {"proposer": proposal.proposer_code, "partner": partner}
        ensure_acts_for_one_of(
            actor,
            [allowed[r] for r in sorted(RECORDED_BY[position])],
            field="body.position",
            what=f"who records '{position.value}' for {partner}",
        )
        touch(proposal, if_match)
        if body.stated_on < proposal.opened_on:
            raise RuleViolation(
                "stated_on", "not_before_opening", f"the proposal opened on {proposal.opened_on}"
            )
        current = current_positions(proposal).get(partner)
        check_position(Position(current.position) if current else None, position, reasons=body.reasons)
        proposal.positions.append(
            PositionRow(
                id=new_id(),
                proposal_id=proposal.id,
                partner_code=partner,
                position=position.value,
                reasons=body.reasons,
                stated_on=body.stated_on,
                recorded_by_org=actor.org,
                recorded_by_sub=actor.sub,
                recorded_at=now(),
            )
        )
        await record_audit(
            session,
            actor=actor,
            action=f"proposal.position.{position.value}",
            resource_type="proposal",
            resource_id=proposal.id,
            before={"partner": partner, "position": current.position if current else None},
            after={"partner": partner, "position": position.value, "reasons": body.reasons},
        )
    return proposal


def _readers(proposal: ProposalRow) -> list[str]:
    return [proposal.proposer_code, *proposal.partner_codes]


async def get_proposal(*, db: Database, actor: Actor, proposal_id: str) -> ProposalRow:
    return await load_readable(db, actor, ProposalRow, proposal_id, what="proposal", readers=_readers)


async def list_proposals(
    *, db: Database, actor: Actor, subject_id: str | None = None, cursor: str | None = None, limit: int = 100
) -> tuple[list[ProposalRow], str | None]:
    query = select(ProposalRow)
    if subject_id is not None:
        query = query.where(ProposalRow.subject_id == subject_id)
    page, next_cursor = await fetch_page(db, query, ProposalRow.id, cursor=cursor, limit=limit)
    # Partners live in a JSON list, so visibility is decided here; a page may then hold fewer than `limit`.
    return [p for p in page if can_read(actor, _readers(p))], next_cursor
