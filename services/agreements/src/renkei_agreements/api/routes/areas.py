"""Routes of /v1/areas: declarations (連携中枢都市宣言, 中心市宣言), members over time, consensus rules."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from renkei_common.auth import CurrentActor

from renkei_agreements.adapters.orm import AreaRow
from renkei_agreements.api.deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag
from renkei_agreements.api.schemas.areas import (
    AreaCreate,
    AreaMemberPublic,
    AreaPublic,
    AreasPublic,
    AreaType,
    AreaUpdate,
    MemberCreate,
    MemberUpdate,
)
from renkei_agreements.api.schemas.common import Code
from renkei_agreements.service_layer import areas as use_cases

router = APIRouter(prefix="/v1/areas", tags=["areas"])
AreaId = Annotated[str, Path(max_length=36)]


def to_public(area: AreaRow) -> AreaPublic:
    return AreaPublic(
        id=area.id,
        area_type=area.area_type,  # type: ignore[arg-type]
        name=area.name,
        centre_codes=area.centre_codes,
        declaration_kind=area.declaration_kind,
        declared_on=area.declared_on,
        declaration_inputs=area.declaration_inputs,
        warnings=area.warnings,
        consensus_rules=area.consensus_rules,  # type: ignore[arg-type]
        members=[
            AreaMemberPublic(id=m.id, code=m.code, role=m.role, since=m.since, until=m.until)
            for m in area.members
        ],
        created_at=area.created_at,
    )


def _answer(area: AreaRow, response: Response) -> AreaPublic:
    set_etag(response, area.id, area.row_version)
    return to_public(area)


@router.post("", status_code=201, response_model=AreaPublic)
async def declare_area(body: AreaCreate, actor: CurrentActor, db: DbDep, response: Response) -> AreaPublic:
    """Declare an area as its centre; requirement checks warn, absolute rules give 422. Emits AreaDeclared."""
    area = await use_cases.declare_area(db=db, actor=actor, body=body)
    response.headers["Location"] = f"/v1/areas/{area.id}"
    return _answer(area, response)


@router.get("", response_model=AreasPublic)
async def list_areas(
    actor: CurrentActor,
    db: DbDep,
    area_type: AreaType | None = None,
    member: Annotated[Code | None, Query(description="only areas this government is or was part of")] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> AreasPublic:
    """Areas the caller may read, oldest first."""
    rows, next_cursor = await use_cases.list_areas(
        db=db, actor=actor, area_type=area_type, member=member, cursor=cursor, limit=limit
    )
    return AreasPublic(data=[to_public(r) for r in rows], next_cursor=next_cursor)


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
    area = await use_cases.update_area(db=db, actor=actor, area_id=area_id, body=body, if_match=if_match)
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
    area = await use_cases.add_member(db=db, actor=actor, area_id=area_id, body=body, if_match=if_match)
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
    area = await use_cases.update_member(
        db=db, actor=actor, area_id=area_id, member_id=member_id, body=body, if_match=if_match
    )
    return _answer(area, response)
