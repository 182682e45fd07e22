"""Routes of /v1/proposals: each partner's position on a proposal, and a readable history (合意形成)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_agreements.api.schemas.common import ResourceId
from renkei_agreements.api.schemas.proposals import (
    PartnerStatus,
    PositionCreate,
    PositionPublic,
    ProposalCreate,
    ProposalPublic,
    ProposalsPublic,
)
from renkei_agreements.domain.consensus import outcome
from renkei_agreements.service_layer import commands
from renkei_agreements.service_layer import proposals as use_cases

router = APIRouter(prefix="/v1/proposals", tags=["proposals"])
ProposalId = Annotated[str, Path(max_length=36)]


def to_public(row: Any) -> ProposalPublic:
    current = use_cases.current_positions(row)
    states = {code: p.position for code, p in current.items()}
    return ProposalPublic(
        id=row.id,
        subject_type=row.subject_type,
        subject_id=row.subject_id,
        title=row.title,
        text=row.text,
        proposer_code=row.proposer_code,
        decision_method=row.decision_method,
        opened_on=row.opened_on,
        outcome=outcome(row.decision_method, states, row.partner_codes),
        partners=[
            PartnerStatus(
                partner=code,
                position=current[code].position if code in current else None,
                stated_on=current[code].stated_on if code in current else None,
            )
            for code in row.partner_codes
        ],
        history=[PositionPublic.model_validate(p) for p in row.positions],
        created_at=row.created_at,
    )


def _answer(row: Any, response: Response) -> ProposalPublic:
    set_etag(response, row.id, row.row_version)
    return to_public(row)


@router.post("", status_code=201, response_model=ProposalPublic)
async def open_proposal(
    body: ProposalCreate, actor: CurrentActor, db: DbDep, response: Response
) -> ProposalPublic:
    """Put a proposal to the partners of an area or an agreement; the decision method comes from its rules."""
    row = await use_cases.open_proposal(db=db, actor=actor, command=to_command(commands.OpenProposal, body))
    response.headers["Location"] = f"/v1/proposals/{row.id}"
    return _answer(row, response)


@router.get("", response_model=ProposalsPublic)
async def list_proposals(
    actor: CurrentActor,
    db: DbDep,
    subject_id: Annotated[ResourceId | None, Query()] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> ProposalsPublic:
    rows, next_cursor = await use_cases.list_proposals(
        db=db, actor=actor, subject_id=subject_id, cursor=cursor, limit=limit
    )
    return ProposalsPublic(data=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/{proposal_id}", response_model=ProposalPublic)
async def get_proposal(
    proposal_id: ProposalId, actor: CurrentActor, db: DbDep, response: Response
) -> ProposalPublic:
    return _answer(await use_cases.get_proposal(db=db, actor=actor, proposal_id=proposal_id), response)


@router.post("/{proposal_id}/positions", status_code=201, response_model=ProposalPublic)
async def record_position(
    proposal_id: ProposalId,
    body: PositionCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> ProposalPublic:
    """Record a partner's position: consulted, agreed, objected (with reasons) or resolved."""
    command = to_command(commands.RecordPosition, body)
    row = await use_cases.record_position(
        db=db, actor=actor, proposal_id=proposal_id, command=command, if_match=if_match
    )
    return _answer(row, response)
