"""Routes of /v1/coordination-requests: the municipality answers 調整の求め; overdue ones are listed."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from renkei_common.api_deps import Code, CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_groups.api.routes.paths import RequestPath
from renkei_groups.api.schemas.effects import CoordinationPublic, CoordinationsPublic, CoordinationUpdate
from renkei_groups.service_layer import effects
from renkei_groups.service_layer.commands import AdvanceCoordination

router = APIRouter(prefix="/v1/coordination-requests", tags=["coordination-requests"])


@router.get("", response_model=CoordinationsPublic, operation_id="listCoordinationRequests")
async def list_requests(
    actor: CurrentActor,
    db: DbDep,
    municipality_code: Annotated[Code | None, Query()] = None,
    overdue_on: Annotated[
        date | None, Query(description="only those unanswered past due on this day")
    ] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> CoordinationsPublic:
    rows, next_cursor = await effects.list_coordination_requests(
        db=db,
        actor=actor,
        municipality_code=municipality_code,
        overdue_on=overdue_on,
        cursor=cursor,
        limit=limit,
    )
    return CoordinationsPublic(
        data=[CoordinationPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.post(
    "/{request_id}/status", response_model=CoordinationPublic, operation_id="advanceCoordinationRequest"
)
async def advance(
    request_id: RequestPath,
    body: CoordinationUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> CoordinationPublic:
    """in_coordination, then answered with the answer and its date. Emits CoordinationRequestUpdated."""
    row = await effects.advance_coordination(
        db=db,
        actor=actor,
        request_id=request_id,
        command=to_command(AdvanceCoordination, body),
        if_match=if_match,
    )
    set_etag(response, row.id, row.row_version)
    return CoordinationPublic.model_validate(row)
