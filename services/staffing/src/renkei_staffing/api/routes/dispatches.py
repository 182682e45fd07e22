"""Routes of dispatches (派遣) under a 連携協約, their end, and their personnel costs (人件費)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, CsvRequested, column, export

from renkei_staffing.api.deps import CodeQuery, ResourceId
from renkei_staffing.api.routes.recruitments import cost_public
from renkei_staffing.api.schemas.work import (
    CostPublic,
    CostsPublic,
    DispatchCreate,
    DispatchEnd,
    DispatchesPublic,
    DispatchPublic,
    PersonnelCostCreate,
)
from renkei_staffing.domain.enums import DispatchStatus
from renkei_staffing.service_layer import costs as cost_use_cases
from renkei_staffing.service_layer import dispatches as use_cases
from renkei_staffing.service_layer.commands import DispatchSpecialist, EndDispatch, RecordPersonnelCost

router = APIRouter(prefix="/v1/dispatches", tags=["dispatches"])


def public(row: Any) -> DispatchPublic:
    return DispatchPublic.model_validate(row, from_attributes=True)


@router.post("", status_code=201, response_model=DispatchPublic)
async def dispatch(
    body: DispatchCreate, actor: CurrentActor, db: DbDep, response: Response
) -> DispatchPublic:
    """The employer dispatches a specialist; refused (422 or 409, naming the rule) unless every rule holds."""
    row = await use_cases.dispatch_specialist(
        db=db, actor=actor, command=to_command(DispatchSpecialist, body)
    )
    response.headers["Location"] = f"/v1/dispatches/{row.id}"
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.post("/{dispatch_id}/end", response_model=DispatchPublic)
async def end_dispatch(
    dispatch_id: ResourceId,
    body: DispatchEnd,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> DispatchPublic:
    command = to_command(EndDispatch, body)
    row = await use_cases.end_dispatch(
        db=db, actor=actor, dispatch_id=dispatch_id, command=command, if_match=if_match
    )
    set_etag(response, row.id, row.row_version)
    return public(row)


@router.post("/{dispatch_id}/costs", status_code=201, response_model=CostPublic)
async def record_personnel_cost(
    dispatch_id: ResourceId,
    body: PersonnelCostCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
) -> CostPublic:
    """Record the personnel cost of a month (or a whole FY) of the dispatch: salary, allowances, insurance."""
    command = to_command(RecordPersonnelCost, body)
    row = await cost_use_cases.record_personnel_cost(
        db=db, actor=actor, dispatch_id=dispatch_id, command=command
    )
    response.headers["Location"] = f"/v1/dispatches/{dispatch_id}/costs"
    return cost_public(row)


@router.get("/{dispatch_id}/costs", response_model=CostsPublic)
async def list_costs(dispatch_id: ResourceId, actor: CurrentActor, db: DbDep) -> CostsPublic:
    rows = await cost_use_cases.list_dispatch_costs(db=db, actor=actor, dispatch_id=dispatch_id)
    return CostsPublic(data=[cost_public(r) for r in rows])


@router.get("/{dispatch_id}", response_model=DispatchPublic)
async def get_dispatch(
    dispatch_id: ResourceId, actor: CurrentActor, db: DbDep, response: Response
) -> DispatchPublic:
    row = await use_cases.get_dispatch(db=db, actor=actor, dispatch_id=dispatch_id)
    set_etag(response, row.id, row.row_version)
    return public(row)


CSV_COLUMNS = (
    column("id", "派遣ID"),
    column("specialist_id", "専門人材ID"),
    column("profession_code", "職種コード"),
    column("employer_code", "派遣元団体コード"),
    column("receiving_code", "派遣先団体コード"),
    column("agreement_id", "協約ID"),
    column("need_id", "需要ID"),
    column("starts_on", "派遣開始日"),
    column("ends_on", "派遣終了予定日"),
    column("status", "状態"),
    column("ended_on", "終了日"),
    column("end_reason", "終了理由"),
    column("flagged_at", "要対応となった日時"),
    column("agreement_terminated_on", "協約の終了日"),
    column("flag_reason", "要対応の理由"),
)


@router.get("", response_model=DispatchesPublic, responses=CSV_RESPONSES)
async def list_dispatches(
    actor: CurrentActor,
    db: DbDep,
    csv: CsvRequested,
    status: DispatchStatus | None = None,
    flagged: bool | None = None,
    receiving_code: CodeQuery = None,
    employer_code: CodeQuery = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> DispatchesPublic | StreamingResponse:
    """Dispatches the caller takes part in; `?status=active&flagged=true` lists those needing action."""

    async def page(after: str | None, size: int) -> tuple[list[DispatchPublic], str | None]:
        rows, following = await use_cases.list_dispatches(
            db=db,
            actor=actor,
            status=status,
            flagged=flagged,
            receiving_code=receiving_code,
            employer_code=employer_code,
            cursor=after,
            limit=size,
        )
        return [public(r) for r in rows], following

    if csv is not None:
        return await export(page, CSV_COLUMNS, charset=csv, filename="dispatches", cursor=cursor)
    data, next_cursor = await page(cursor, limit)
    return DispatchesPublic(data=data, next_cursor=next_cursor)
