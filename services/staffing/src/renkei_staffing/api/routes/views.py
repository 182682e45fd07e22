"""Read-only views: dispatches by prefecture, municipality or profession; needs coverage; costs by FY."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from fastapi import APIRouter, Query
from renkei_common.api_deps import DbDep
from renkei_common.auth import CurrentActor

from renkei_staffing.api.deps import CodeQuery
from renkei_staffing.api.schemas.work import (
    CostReportPublic,
    CoveragePublic,
    DispatchGroupsPublic,
    GroupPublic,
)
from renkei_staffing.service_layer import costs, views
from renkei_staffing.service_layer.common import today
from renkei_staffing.service_layer.views import DispatchGrouping

router = APIRouter(prefix="/v1/views", tags=["views"])


@router.get("/dispatches", response_model=DispatchGroupsPublic)
async def dispatches_by(
    actor: CurrentActor,
    db: DbDep,
    by: DispatchGrouping = DispatchGrouping.PREFECTURE,
    on: date | None = Query(default=None, description="the day counted; today if omitted"),
) -> DispatchGroupsPublic:
    day = on or today()
    groups = await views.dispatches_by(db=db, actor=actor, by=by, on=day)
    return DispatchGroupsPublic(by=by.value, on=day, data=[GroupPublic(**asdict(g)) for g in groups])


@router.get("/needs-coverage", response_model=CoveragePublic)
async def needs_coverage(
    actor: CurrentActor,
    db: DbDep,
    municipality_code: CodeQuery = None,
    unfilled_days: int = Query(default=90, ge=0, le=3650),
) -> CoveragePublic:
    coverage = await views.needs_coverage(
        db=db, actor=actor, municipality_code=municipality_code, unfilled_days=unfilled_days
    )
    return CoveragePublic(**asdict(coverage))


@router.get("/costs", response_model=CostReportPublic)
async def cost_report(
    actor: CurrentActor,
    db: DbDep,
    employer_code: str = Query(pattern=r"^[0-9]{6}$"),
    fiscal_year: int = Query(ge=1947, le=2200),
) -> CostReportPublic:
    """An employer's costs of a FY, each yen eligible or ineligible with its reason."""
    report = await costs.cost_report(db=db, actor=actor, employer_code=employer_code, fiscal_year=fiscal_year)
    return CostReportPublic.model_validate(asdict(report))
