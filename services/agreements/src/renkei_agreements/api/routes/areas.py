"""Routes of /v1/areas: declarations (連携中枢都市宣言, 中心市宣言), members over time, consensus rules."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_agreements.api.routes.rules import RuleBookDep
from renkei_agreements.api.schemas.areas import (
    AreaCreate,
    AreaPublic,
    AreasPublic,
    AreaTypeName,
    AreaUpdate,
    MemberCreate,
    MemberUpdate,
)
from renkei_agreements.api.schemas.common import Code
from renkei_agreements.service_layer import areas as use_cases
from renkei_agreements.service_layer import commands

router = APIRouter(prefix="/v1/areas", tags=["areas"])
AreaId = Annotated[str, Path(max_length=36)]


def _answer(area: Any, response: Response) -> AreaPublic:
    set_etag(response, area.id, area.row_version)
    return AreaPublic.model_validate(area)


@router.post("", status_code=201, response_model=AreaPublic)
async def declare_area(
    body: AreaCreate, actor: CurrentActor, db: DbDep, rules: RuleBookDep, response: Response
) -> AreaPublic:
    """Declare an area as its centre; requirement checks warn, absolute rules give 422. Emits AreaDeclared."""
    command = to_command(commands.DeclareArea, body)
    area = await use_cases.declare_area(db=db, actor=actor, command=command, rules=rules)
    response.headers["Location"] = f"/v1/areas/{area.id}"
    return _answer(area, response)


@router.get("", response_model=AreasPublic)
async def list_areas(
    actor: CurrentActor,
    db: DbDep,
    area_type: AreaTypeName | None = None,
    member: Annotated[Code | None, Query(description="only areas this government is or was part of")] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> AreasPublic:
    """Areas the caller may read, oldest first."""
    rows, next_cursor = await use_cases.list_areas(
        db=db, actor=actor, area_type=area_type, member=member, cursor=cursor, limit=limit
    )
    return AreasPublic(data=[AreaPublic.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/{area_id}", response_model=AreaPublic)
async def get_area(area_id: AreaId, actor: CurrentActor, db: DbDep, response: Response) -> AreaPublic:
    return _answer(await use_cases.get_area(db=db, actor=actor, area_id=area_id), response)


@router.patch("/{area_id}", response_model=AreaPublic)
async def update_area(
    area_id: AreaId,
    body: AreaUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AreaPublic:
    """Rename the area or set its consensus rules (合意形成過程のルール). Emits AreaUpdated."""
    given = "consensus_rules" in body.model_fields_set
    command = to_command(commands.UpdateArea, body, consensus_rules_given=given)
    area = await use_cases.update_area(
        db=db, actor=actor, area_id=area_id, command=command, if_match=if_match
    )
    return _answer(area, response)


@router.post("/{area_id}/members", status_code=201, response_model=AreaPublic)
async def add_area_member(
    area_id: AreaId,
    body: MemberCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AreaPublic:
    """Add a member for a period (the centre only). Emits AreaUpdated."""
    command = to_command(commands.AddMember, body)
    area = await use_cases.add_member(db=db, actor=actor, area_id=area_id, command=command, if_match=if_match)
    return _answer(area, response)


@router.patch("/{area_id}/members/{member_id}", response_model=AreaPublic)
async def update_area_member(
    area_id: AreaId,
    member_id: Annotated[str, Path(max_length=36)],
    body: MemberUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AreaPublic:
    """End or reopen a membership (centre or member itself); a role change ends one row and adds another."""
    command = to_command(commands.EndMembership, body)
    area = await use_cases.update_member(
        db=db, actor=actor, area_id=area_id, member_id=member_id, command=command, if_match=if_match
    )
    return _answer(area, response)
