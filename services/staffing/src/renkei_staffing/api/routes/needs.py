"""Routes of needs: a municipality states the profession, period and workload it lacks; ranked candidates."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_staffing.api.deps import CodeQuery, ResourceId
from renkei_staffing.api.schemas.work import (
    CandidatePublic,
    CandidatesPublic,
    NeedCreate,
    NeedPublic,
    NeedsPublic,
)
from renkei_staffing.domain.enums import NeedStatus
from renkei_staffing.service_layer import needs as use_cases
from renkei_staffing.service_layer.commands import StateNeed
from renkei_staffing.service_layer.needs import MAX_CANDIDATES, RankedCandidate

router = APIRouter(prefix="/v1/needs", tags=["needs"])


def public(row: Any) -> NeedPublic:
    return NeedPublic.model_validate(row, from_attributes=True)


def candidate_public(ranked: RankedCandidate) -> CandidatePublic:
    c = ranked.candidate
    return CandidatePublic(
        rank=c.rank,
        specialist_id=c.specialist_id,
        display_name=ranked.display_name,
        employer_code=c.employer_code,
        score=c.score,
        factors=[asdict(f) for f in c.factors],  # type: ignore[misc]
    )


@router.post("", status_code=201, response_model=NeedPublic)
async def state_need(body: NeedCreate, actor: CurrentActor, db: DbDep, response: Response) -> NeedPublic:
    """A municipality states the profession, period, workload and description it needs."""
    row = await use_cases.state_need(db=db, actor=actor, command=to_command(StateNeed, body))
    response.headers["Location"] = f"/v1/needs/{row.id}"
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.post("/{need_id}/cancel", response_model=NeedPublic)
async def cancel_need(
    need_id: ResourceId, actor: CurrentActor, db: DbDep, response: Response, if_match: IfMatch = None
) -> NeedPublic:
    row = await use_cases.cancel_need(db=db, actor=actor, need_id=need_id, if_match=if_match)
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.get("/{need_id}", response_model=NeedPublic)
async def get_need(need_id: ResourceId, actor: CurrentActor, db: DbDep, response: Response) -> NeedPublic:
    row = await use_cases.get_need(db=db, actor=actor, need_id=need_id)
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.get("/{need_id}/candidates", response_model=CandidatesPublic)
async def candidates(
    need_id: ResourceId,
    actor: CurrentActor,
    db: DbDep,
    limit: int = Query(default=20, ge=1, le=MAX_CANDIDATES),
) -> CandidatesPublic:
    """Available specialists, best first, each with its explanation factor by factor."""
    need, ranked = await use_cases.candidates(db=db, actor=actor, need_id=need_id, limit=limit)
    return CandidatesPublic(need_id=need.id, data=[candidate_public(r) for r in ranked])


@router.get("", response_model=NeedsPublic)
async def list_needs(
    actor: CurrentActor,
    db: DbDep,
    municipality_code: CodeQuery = None,
    status: NeedStatus | None = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> NeedsPublic:
    rows, next_cursor = await use_cases.list_needs(
        db=db, actor=actor, municipality_code=municipality_code, status=status, cursor=cursor, limit=limit
    )
    return NeedsPublic(data=[public(r) for r in rows], next_cursor=next_cursor)
