"""Routes of /v1/annual-reports: the reports past due under each municipality's reporting cycle."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from renkei_common.api_deps import Code, DbDep
from renkei_common.auth import CurrentActor

from renkei_groups.api.schemas.effects import OverdueReportPublic, OverdueReportsPublic
from renkei_groups.service_layer import supervision

router = APIRouter(prefix="/v1/annual-reports", tags=["annual-reports"])


@router.get("/overdue", response_model=OverdueReportsPublic, operation_id="listOverdueAnnualReports")
async def overdue(
    actor: CurrentActor,
    db: DbDep,
    municipality_code: Annotated[Code, Query()],
    on: Annotated[date | None, Query(description="default today (JST)")] = None,
) -> OverdueReportsPublic:
    found = await supervision.overdue_reports(db=db, actor=actor, municipality_code=municipality_code, on=on)
    return OverdueReportsPublic(data=[OverdueReportPublic.model_validate(r) for r in found])
