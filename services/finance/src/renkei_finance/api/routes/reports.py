"""Routes of /v1/reports: allocation lines summed by recipient, area, prefecture, measure or nation."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, Charset, CsvRequested, csv_response

from renkei_finance.service_layer.access import ensure_reader
from renkei_finance.service_layer.reports import HEADERS, Level, build_report, to_csv

router = APIRouter(prefix="/v1/reports", tags=["reports"])


class ReportRowPublic(BaseModel):
    fiscal_year: int
    group_code: str
    group_name: str
    measure: str
    measure_name: str
    lines: int
    amount_yen: int
    unconfirmed_lines: int
    estimate_lines: int


class ReportPublic(BaseModel):
    level: Level
    fiscal_year: int
    columns: dict[str, str] = Field(
        description="Japanese column headers, as the CSV and Excel files use them"
    )
    rows: list[ReportRowPublic]
    total_yen: int
    attribution: str | None = Field(description="source of the population figures, where they were used")


@router.get(
    "/{level}",
    response_model=ReportPublic,
    responses={
        **CSV_RESPONSES,
        200: {
            "content": {
                **CSV_RESPONSES[200]["content"],
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
            }
        },
    },
)
async def get_report(
    request: Request,
    actor: CurrentActor,
    level: Level,
    fiscal_year: Annotated[int, Query(ge=2000, le=2100)],
    csv: CsvRequested,
    format: Annotated[Literal["json", "csv", "xlsx"], Query()] = "json",
    encoding: Annotated[
        Literal["utf-8", "cp932"], Query(description="CSV only: UTF-8 with BOM, or CP932")
    ] = "utf-8",
) -> ReportPublic | Response:
    """Sums of the lines the caller may see, per group and measure, with Japanese headers for files."""
    ensure_reader(actor)
    report = await build_report(request.app.state.db, actor, level=level, fiscal_year=fiscal_year)
    name = f"renkei-allocations-{level.value}-FY{fiscal_year}"
    if format == "csv" or (format == "json" and csv is not None):
        # `format` and `encoding` came first; `Accept: text/csv` is how every other list answers CSV.
        charset = Charset(encoding) if format == "csv" or csv is None else csv
        return csv_response(to_csv(report, encoding=charset.value), charset=charset, filename=name)
    if format == "xlsx":
        from renkei_finance.service_layer.excel import to_xlsx

        return Response(
            to_xlsx(report),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
        )
    return ReportPublic(
        level=level,
        fiscal_year=fiscal_year,
        columns=HEADERS,
        rows=[
            ReportRowPublic(**{c: getattr(r, c) for c in ReportRowPublic.model_fields}) for r in report.rows
        ],
        total_yen=sum(r.amount_yen for r in report.rows),
        attribution=report.attribution,
    )
