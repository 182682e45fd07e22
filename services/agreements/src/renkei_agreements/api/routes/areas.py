"""Routes of /v1/areas: declarations (連携中枢都市宣言, 中心市宣言), members over time, consensus rules."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import StreamingResponse
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, CsvRequested, column, export

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


# The CSV export has a row per membership (centres included), each with its area: 圏域 and 構成団体 at once.
CSV_COLUMNS = (
    column("area_id", "圏域ID", lambda m: m[0].id),
    column("area_type", "圏域の種類", lambda m: m[0].area_type),
    column("name", "圏域名", lambda m: m[0].name),
    column("declaration_kind", "宣言の種類", lambda m: m[0].declaration_kind),
    column("declared_on", "宣言日", lambda m: m[0].declared_on),
    column("centre_codes", "中心市の団体コード", lambda m: m[0].centre_codes),
    column("members.code", "構成団体コード", lambda m: m[1].code),
    column("members.role", "役割", lambda m: m[1].role),
    column("members.since", "参加日", lambda m: m[1].since),
    column("members.until", "終了日", lambda m: m[1].until),
)


@router.get("", response_model=AreasPublic, responses=CSV_RESPONSES)
async def list_areas(
    actor: CurrentActor,
    db: DbDep,
    csv: CsvRequested,
    area_type: AreaTypeName | None = None,
    member: Annotated[Code | None, Query(description="only areas this government is or was part of")] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> AreasPublic | StreamingResponse:
    """Areas the caller may read, oldest first; with `Accept: text/csv` a row per member of each area."""

    async def page(after: str | None, size: int) -> tuple[list[AreaPublic], str | None]:
        rows, following = await use_cases.list_areas(
            db=db, actor=actor, area_type=area_type, member=member, cursor=after, limit=size
        )
        return [AreaPublic.model_validate(r) for r in rows], following

    async def memberships(after: str | None, size: int) -> tuple[list[Any], str | None]:
        areas, following = await page(after, size)
        return [(area, m) for area in areas for m in area.members], following

    if csv is not None:
        return await export(memberships, CSV_COLUMNS, charset=csv, filename="area-members", cursor=cursor)
    data, next_cursor = await page(cursor, limit)
    return AreasPublic(data=data, next_cursor=next_cursor)


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
