"""Routes of /v1/runs (allocation runs with their diffs) and /v1/admin/consistency and /v1/admin/recompute."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor
from renkei_common.errors import Forbidden
from renkei_common.i18n import msg

from renkei_finance.service_layer import reads
from renkei_finance.service_layer.access import ensure_oversight
from renkei_finance.service_layer.recompute import consistency, recompute

router = APIRouter(tags=["runs"])


class RunPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    run_id: str
    sequence: int
    kind: str = Field(description="incremental (dirty cells) or full")
    started_at: datetime
    finished_at: datetime
    trigger_event_ids: list[str]
    cells: list[list[Any]] = Field(description="[fiscal_year, recipient_code]; * is every recipient")
    changes: list[dict[str, Any]] = Field(description="each changed line: before_yen, after_yen, delta_yen")
    total_delta_yen: int


class RunsPublic(BaseModel):
    data: list[RunPublic]
    next_cursor: str | None


class ConsistencyPublic(BaseModel):
    consistent: bool
    fiscal_years: list[int]
    problems: list[dict[str, Any]]


@router.get("/v1/runs", response_model=RunsPublic)
async def list_runs(
    request: Request,
    actor: CurrentActor,
    cursor: Annotated[
        int | None,
        Query(ge=1, le=2**31 - 1, description="next_cursor of the previous page (a run number)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> RunsPublic:
    """Allocation runs, newest first, with the lines each changed and by how much."""
    rows, next_cursor = await reads.list_runs(request.app.state.db, actor, cursor=cursor, limit=limit)
    return RunsPublic(data=[RunPublic.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/v1/runs/{run_id}", response_model=RunPublic)
async def get_run(
    request: Request, actor: CurrentActor, run_id: Annotated[str, Path(max_length=36)]
) -> RunPublic:
    return RunPublic.model_validate(await reads.get_run(request.app.state.db, actor, run_id=run_id))


@router.get("/v1/admin/consistency", response_model=ConsistencyPublic, tags=["admin"])
async def check_consistency(request: Request, actor: CurrentActor) -> ConsistencyPublic:
    """Compares the stored lines with a full recompute from the projections; empty problems = consistent."""
    ensure_oversight(actor, operator=True)
    years = request.app.state.settings.fiscal_years
    problems = await consistency(request.app.state.db, fiscal_years=years)
    return ConsistencyPublic(consistent=not problems, fiscal_years=years, problems=problems[:1000])


@router.post("/v1/admin/recompute", response_model=RunPublic, tags=["admin"])
async def full_recompute(request: Request, actor: CurrentActor) -> RunPublic:
    """Recompute every line of the horizon now (after a restore, or to repair an inconsistency)."""
    ensure_oversight(actor, operator=True)
    if actor.is_auditor:
        raise Forbidden(msg("auth.auditor_never_writes"))
    run = await recompute(
        request.app.state.db, fiscal_years=request.app.state.settings.fiscal_years, full=True
    )
    assert run is not None
    return RunPublic.model_validate(run)
