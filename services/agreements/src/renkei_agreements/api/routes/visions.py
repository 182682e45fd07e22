"""Routes of /v1/visions: 都市圏ビジョン / 共生ビジョン, their adoption, and KPI targets against actuals."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_agreements.api.schemas.common import ResourceId
from renkei_agreements.api.schemas.visions import (
    ActualPublic,
    AdoptionCreate,
    KpiActualCreate,
    KpiPublic,
    KpiReportPublic,
    KpiYear,
    ProjectPublic,
    VisionCreate,
    VisionPublic,
    VisionsPublic,
    VisionUpdate,
)
from renkei_agreements.service_layer import commands
from renkei_agreements.service_layer import visions as use_cases

router = APIRouter(prefix="/v1/visions", tags=["visions"])
VisionId = Annotated[str, Path(max_length=36)]


def kpi_public(row: Any, first: int, last: int) -> KpiPublic:
    targets = {int(year): float(value) for year, value in row.targets}
    # Oldest first, so a correction replaces the earlier report of the same year.
    actuals = {a.fiscal_year: a.value for a in row.actuals}
    return KpiPublic(
        id=row.id,
        project_id=row.project_id,
        name=row.name,
        unit=row.unit,
        baseline_fiscal_year=row.baseline_fiscal_year,
        baseline_value=row.baseline_value,
        years=[
            KpiYear(fiscal_year=y, target=targets.get(y), actual=actuals.get(y))
            for y in range(first, last + 1)
        ],
        reports=[ActualPublic.model_validate(a) for a in row.actuals],
    )


def to_public(row: Any) -> VisionPublic:
    return VisionPublic(
        id=row.id,
        area_id=row.area_id,
        area_type=row.area_type,
        title=row.title,
        first_fiscal_year=row.first_fiscal_year,
        last_fiscal_year=row.last_fiscal_year,
        status=row.status,
        adopted_on=row.adopted_on,
        projects=[ProjectPublic.model_validate(p) for p in row.projects],
        kpis=[kpi_public(k, row.first_fiscal_year, row.last_fiscal_year) for k in row.kpis],
        created_at=row.created_at,
    )


def _answer(row: Any, response: Response) -> VisionPublic:
    set_etag(response, row.id, row.row_version)
    return to_public(row)


@router.post("", status_code=201, response_model=VisionPublic)
async def draft_vision(
    body: VisionCreate, actor: CurrentActor, db: DbDep, response: Response
) -> VisionPublic:
    """Draft the area's vision (the centre only): period, projects with budgets per FY and member, KPIs."""
    row = await use_cases.draft_vision(db=db, actor=actor, command=to_command(commands.DraftVision, body))
    response.headers["Location"] = f"/v1/visions/{row.id}"
    return _answer(row, response)


@router.get("", response_model=VisionsPublic)
async def list_visions(
    actor: CurrentActor,
    db: DbDep,
    area_id: Annotated[ResourceId | None, Query()] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> VisionsPublic:
    rows, next_cursor = await use_cases.list_visions(
        db=db, actor=actor, area_id=area_id, cursor=cursor, limit=limit
    )
    return VisionsPublic(data=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/{vision_id}", response_model=VisionPublic)
async def get_vision(vision_id: VisionId, actor: CurrentActor, db: DbDep, response: Response) -> VisionPublic:
    """The vision with each KPI's target against its actual, per fiscal year."""
    return _answer(await use_cases.get_vision(db=db, actor=actor, vision_id=vision_id), response)


@router.patch("/{vision_id}", response_model=VisionPublic)
async def update_vision(
    vision_id: VisionId,
    body: VisionUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> VisionPublic:
    """Revise a draft; given lists replace the current ones."""
    command = to_command(commands.ReviseVision, body)
    row = await use_cases.update_vision(
        db=db, actor=actor, vision_id=vision_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.post("/{vision_id}/adoption", response_model=VisionPublic)
async def adopt_vision(
    vision_id: VisionId,
    body: AdoptionCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> VisionPublic:
    """Adopt the vision. Emits VisionAdopted."""
    command = to_command(commands.AdoptVision, body)
    row = await use_cases.adopt_vision(
        db=db, actor=actor, vision_id=vision_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.post("/{vision_id}/kpis/{kpi_id}/actuals", status_code=201, response_model=KpiReportPublic)
async def report_kpi_actual(
    vision_id: VisionId,
    kpi_id: Annotated[str, Path(max_length=36)],
    body: KpiActualCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> KpiReportPublic:
    """Report a KPI's actual value for a fiscal year (a later report corrects it). Emits KpiReported.

    Answers with the report and its year's target; GET the vision for every year. The ETag is the vision's.
    """
    command = to_command(commands.ReportKpi, body)
    result = await use_cases.report_kpi(
        db=db, actor=actor, vision_id=vision_id, kpi_id=kpi_id, command=command, if_match=if_match
    )
    set_etag(response, result.vision.id, result.vision.row_version)
    report = result.report
    return KpiReportPublic(
        kpi_id=report.kpi_id,
        fiscal_year=report.fiscal_year,
        value=report.value,
        target=result.target,
        reported_on=report.reported_on,
        recorded_by_org=report.recorded_by_org,
        recorded_at=report.recorded_at,
    )
