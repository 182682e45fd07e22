"""Routes of recruitment campaigns (募集) and their recruitment costs (募集経費) in integer yen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Query, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_staffing.api.deps import ResourceId
from renkei_staffing.api.schemas.work import (
    CostPublic,
    RecruitmentCostCreate,
    RecruitmentCreate,
    RecruitmentPublic,
    RecruitmentsPublic,
    RecruitmentUpdate,
)
from renkei_staffing.service_layer import recruitments as use_cases
from renkei_staffing.service_layer.commands import OpenRecruitment, RecordRecruitmentCost, UpdateRecruitment

router = APIRouter(prefix="/v1/recruitments", tags=["recruitments"])


def public(row: Any, costs: Sequence[Any] = ()) -> RecruitmentPublic:
    out = RecruitmentPublic.model_validate(row, from_attributes=True)
    out.costs = [cost_public(c) for c in costs]
    return out


def cost_public(row: Any) -> CostPublic:
    return CostPublic.model_validate(row, from_attributes=True)


@router.post("", status_code=201, response_model=RecruitmentPublic)
async def open_recruitment(
    body: RecruitmentCreate, actor: CurrentActor, db: DbDep, response: Response
) -> RecruitmentPublic:
    """The employer opens a campaign for a profession and FY with the headcount it seeks."""
    command = to_command(OpenRecruitment, body)
    row = await use_cases.open_recruitment(db=db, actor=actor, command=command)
    response.headers["Location"] = f"/v1/recruitments/{row.id}"
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.patch("/{recruitment_id}", response_model=RecruitmentPublic)
async def update_recruitment(
    recruitment_id: ResourceId,
    body: RecruitmentUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> RecruitmentPublic:
    command = to_command(UpdateRecruitment, body)
    row = await use_cases.update_recruitment(
        db=db, actor=actor, recruitment_id=recruitment_id, command=command, if_match=if_match
    )
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.post("/{recruitment_id}/costs", status_code=201, response_model=CostPublic)
async def record_cost(
    recruitment_id: ResourceId,
    body: RecruitmentCostCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
) -> CostPublic:
    """Record one recruitment cost item (advertising, examination, ...) in integer yen."""
    command = to_command(RecordRecruitmentCost, body)
    row = await use_cases.record_recruitment_cost(
        db=db, actor=actor, recruitment_id=recruitment_id, command=command
    )
    response.headers["Location"] = f"/v1/recruitments/{recruitment_id}"
    return cost_public(row)


@router.get("/{recruitment_id}", response_model=RecruitmentPublic)
async def get_recruitment(
    recruitment_id: ResourceId, actor: CurrentActor, db: DbDep, response: Response
) -> RecruitmentPublic:
    row, costs = await use_cases.get_recruitment(db=db, actor=actor, recruitment_id=recruitment_id)
    set_etag(response, row.id, row.row_version)
    return public(row, costs)


@router.get("", response_model=RecruitmentsPublic)
async def list_recruitments(
    actor: CurrentActor,
    db: DbDep,
    fiscal_year: int | None = Query(default=None, ge=1947, le=2200),
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> RecruitmentsPublic:
    rows, next_cursor = await use_cases.list_recruitments(
        db=db, actor=actor, fiscal_year=fiscal_year, cursor=cursor, limit=limit
    )
    return RecruitmentsPublic(data=[public(r) for r in rows], next_cursor=next_cursor)
