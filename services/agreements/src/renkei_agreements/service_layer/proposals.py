"""Use cases of the consensus process: put a proposal to the partners, record their positions."""

from __future__ import annotations

from renkei_common.access import can_read, ensure_acts_for_one_of, ensure_can_read
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.orm import AgreementRow, AreaRow, PositionRow, ProposalRow
from renkei_agreements.domain.consensus import RECORDED_BY, DecisionMethod, check_position
from renkei_agreements.domain.vocabulary import ProposalSubject
from renkei_agreements.service_layer.commands import OpenProposal, RecordPosition


def current_positions(proposal: ProposalRow) -> dict[str, PositionRow]:
    latest: dict[str, PositionRow] = {}
    for row in proposal.positions:  # oldest first, so the last one per partner wins
        latest[row.partner_code] = row
    return latest


async def _subject(
    session: AsyncSession, subject_type: ProposalSubject, subject_id: str
) -> tuple[list[str], DecisionMethod | None]:
    """Participants of the subject (centre first) and its decision method."""
    row: AreaRow | AgreementRow | None
    row = await session.get(AreaRow if subject_type == ProposalSubject.AREA else AgreementRow, subject_id)
    if row is None:
        raise RuleViolation(
            "subject_id",
            "unknown_subject",
            msg("agreements.unknown_subject", subject_type_value=subject_type.value, subject_id=subject_id),
        )
    method = (row.consensus_rules or {}).get("decision_method")
    decision = DecisionMethod(method) if method else None
    if isinstance(row, AreaRow):
        codes = list(row.centre_codes) + [m.code for m in row.members if m.code not in row.centre_codes]
        return list(dict.fromkeys(codes)), decision
    return [row.party_a_code, row.party_b_code], decision


async def open_proposal(*, db: Database, actor: Actor, command: OpenProposal) -> ProposalRow:
    async with unit_of_work(db, actor) as uow:
        participants, method = await _subject(uow.session, command.subject_type, command.subject_id)
        what = f"a participant of this {command.subject_type.value}"
        ensure_acts_for_one_of(actor, participants, field="body.subject_id", what=what)
        given = command.partners
        partners = list(given) if given is not None else [c for c in participants if c != actor.org]
        violations = [
            Violation(f"partners[{i}]", "participant", msg("agreements.participant", code=code))
            for i, code in enumerate(partners)
            if code not in participants or code == actor.org
        ]
        if len(set(partners)) != len(partners):
            violations.append(Violation("partners", "distinct", msg("agreements.distinct")))
        if not partners:
            violations.append(Violation("partners", "at_least_one", msg("agreements.at_least_one_2")))
        if violations:
            raise RuleViolation(violations=violations)
        proposal = ProposalRow(
            id=new_id(),
            subject_type=command.subject_type,
            subject_id=command.subject_id,
            title=command.title,
            text=command.text,
            proposer_code=actor.org,
            partner_codes=partners,
            decision_method=method,
            opened_on=command.opened_on,
        )
        proposal.positions = []
        uow.add(proposal, action="proposal.opened")
    return proposal


async def record_position(
    *, db: Database, actor: Actor, proposal_id: str, command: RecordPosition, if_match: str | None
) -> ProposalRow:
    """Who records which position is part of the rules: the proposer consults, a partner speaks for itself."""
    position = command.position
    async with unit_of_work(db, actor) as uow:
        proposal = await uow.load(
            ProposalRow, proposal_id, what="proposal", options=(joinedload(ProposalRow.positions),)
        )
        uow.authorise(_readers(proposal), field="path.proposal_id", what="a participant of this proposal")
        partner = command.partner or actor.org
        if partner not in proposal.partner_codes:
            raise RuleViolation(
                "partner", "partner_of_proposal", msg("agreements.partner_of_proposal", partner=partner)
            )
        allowed = {"proposer": proposal.proposer_code, "partner": partner}
        uow.authorise(
            [allowed[r] for r in sorted(RECORDED_BY[position])],
            field="body.position",
            what=f"who records '{position.value}' for {partner}",
        )
        uow.change(proposal, if_match=if_match, action=f"proposal.position.{position.value}")
        if command.stated_on < proposal.opened_on:
            raise RuleViolation(
                "stated_on",
                "not_before_opening",
                msg("agreements.not_before_opening", proposal_opened_on=proposal.opened_on),
            )
        current = current_positions(proposal).get(partner)
        check_position(current.position if current else None, position, reasons=command.reasons)
        proposal.positions.append(
            PositionRow(
                id=new_id(),
                proposal_id=proposal.id,
                partner_code=partner,
                position=position,
                reasons=command.reasons,
                stated_on=command.stated_on,
                recorded_by_org=actor.org,
                recorded_by_sub=actor.sub,
                recorded_at=now(),
            )
        )
        uow.audit(
            proposal,
            before={"partner": partner, "position": current.position if current else None},
            after={"partner": partner, "position": position, "reasons": command.reasons},
        )
    return proposal


def _readers(proposal: ProposalRow) -> list[str]:
    return [proposal.proposer_code, *proposal.partner_codes]


async def get_proposal(*, db: Database, actor: Actor, proposal_id: str) -> ProposalRow:
    async with db.session() as session:
        proposal = await load(session, ProposalRow, proposal_id, what="proposal")
    ensure_can_read(actor, _readers(proposal), what="proposal")
    return proposal


async def list_proposals(
    *, db: Database, actor: Actor, subject_id: str | None = None, cursor: str | None = None, limit: int = 100
) -> tuple[list[ProposalRow], str | None]:
    query = select(ProposalRow)
    if subject_id is not None:
        query = query.where(ProposalRow.subject_id == subject_id)
    page, next_cursor = await fetch_page(db, query, ProposalRow.id, cursor=cursor, limit=limit)
    # Partners live in a JSON list, so visibility is decided here; a page may then hold fewer than `limit`.
    return [p for p in page if can_read(actor, _readers(p))], next_cursor
