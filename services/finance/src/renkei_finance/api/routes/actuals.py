"""Routes of /v1/actuals: decided amounts (決定額) and their comparison with the estimates (試算)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt
from renkei_common.auth import CurrentActor
from renkei_common.writes import etag_for

from renkei_finance.domain.rules import Measure
from renkei_finance.service_layer.access import ensure_can_read_recipient, ensure_reader
from renkei_finance.service_layer.actuals import RecordActual, compare, record_actual

router = APIRouter(prefix="/v1/actuals", tags=["actuals"])


class ActualPut(BaseModel):
    # Money, years and counts are strict integers: "1000" is not yen (issue 8).
    model_config = ConfigDict(extra="forbid")

    amount_yen: StrictInt = Field(ge=0, le=10**13, description="the decided amount in integer yen")
    decided_on: date
    note: str = Field(default="", max_length=2000)


class ActualPublic(BaseModel):
    fiscal_year: int
    recipient_code: str
    measure: Measure
    amount_yen: int
    decided_on: date
    note: str
    version: int


class ComparisonPublic(BaseModel):
    fiscal_year: int
    recipient_code: str
    measure: Measure
    estimate_yen: StrictInt | None = Field(description="sum of the current allocation lines (試算)")
    actual_yen: StrictInt | None = Field(description="the decided amount (決定額), if recorded")
    difference_yen: StrictInt | None = Field(description="actual − estimate")
    decided_on: date | None


class ComparisonsPublic(BaseModel):
    data: list[ComparisonPublic]


@router.put(
    "/{fiscal_year}/{recipient_code}/{measure}",
    response_model=ActualPublic,
    responses={201: {"model": ActualPublic}},
)
async def put_actual(
    request: Request,
    response: Response,
    actor: CurrentActor,
    fiscal_year: Annotated[int, Path(ge=2000, le=2100)],
    recipient_code: Annotated[str, Path(pattern=r"^\d{6}$")],
    measure: Measure,
    body: ActualPut,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ActualPublic:
    """Record the decided amount (national only); audited and versioned."""
    row, created = await record_actual(
        request.app.state.db,
        actor,
        RecordActual(fiscal_year, recipient_code, measure.value, body.amount_yen, body.decided_on, body.note),
        if_match=if_match,
    )
    response.headers["ETag"] = etag_for(f"{fiscal_year}:{recipient_code}:{measure.value}", row.row_version)
    if created:
        response.status_code = 201
    return ActualPublic(
        fiscal_year=row.fiscal_year,
        recipient_code=row.recipient_code,
        measure=Measure(row.measure),
        amount_yen=row.amount_yen,
        decided_on=row.decided_on,
        note=row.note,
        version=row.row_version,
    )


@router.get("", response_model=ComparisonsPublic)
async def list_comparisons(
    request: Request,
    actor: CurrentActor,
    fiscal_year: Annotated[int, Query(ge=2000, le=2100)],
    recipient: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
) -> ComparisonsPublic:
    """Estimate, actual and difference per recipient and measure, for the recipients the caller sees."""
    ensure_reader(actor)
    db = request.app.state.db
    if recipient is not None:
        async with db.session() as session:
            await ensure_can_read_recipient(session, actor, recipient, field="query.recipient")
    rows = await compare(db, actor, fiscal_year=fiscal_year, recipient=recipient)
    return ComparisonsPublic(
        data=[
            ComparisonPublic(
                fiscal_year=r.fiscal_year,
                recipient_code=r.recipient_code,
                measure=Measure(r.measure),
                estimate_yen=r.estimate_yen,
                actual_yen=r.actual_yen,
                difference_yen=r.difference_yen,
                decided_on=r.decided_on,
            )
            for r in rows
        ]
    )
