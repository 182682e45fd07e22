"""Routes of /v1/allocations: the current allocation lines, each explaining its yen."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, CsvRequested, column, export
from renkei_common.refdata import POPULATION_SOURCE

from renkei_finance.domain.rules import Measure
from renkei_finance.service_layer import reads
from renkei_finance.service_layer.reports import MEASURE_NAMES

router = APIRouter(prefix="/v1/allocations", tags=["allocations"])

Code = Annotated[str | None, Query(pattern=r"^\d{6}$")]
FiscalYear = Annotated[int | None, Query(ge=2000, le=2100)]


class LinePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    fiscal_year: int
    recipient_code: str
    measure: Measure
    key: str = Field(description="tells apart lines of one measure for one recipient (area, bond)")
    amount_yen: int
    rule_id: str
    arithmetic: str = Field(
        description="the computation in words, e.g. min(21,400,000 × 1.0, cap 18,000,000)"
    )
    inputs: dict[str, Any]
    unconfirmed: bool = Field(description="the rule row is unconfirmed: treat the amount as provisional")
    estimate: bool = Field(description="an estimate by design (the ordinary-tax measure)")
    run_id: str
    attribution: str | None = Field(default=None, description="source of the population figures used")

    @classmethod
    def of(cls, record: object) -> LinePublic:
        line = cls.model_validate(record)
        if "area_population" in line.inputs:
            line.attribution = POPULATION_SOURCE
        return line


class LinesPublic(BaseModel):
    data: list[LinePublic]
    next_cursor: str | None


CSV_COLUMNS = (
    column("fiscal_year", "年度"),
    column("recipient_code", "団体コード"),
    column("measure", "措置"),
    column("measure_name", "措置名", lambda line: MEASURE_NAMES.get(line.measure, line.measure)),
    column("key", "区分キー"),
    column("amount_yen", "金額（円）"),
    column("rule_id", "ルールID"),
    column("arithmetic", "算定式"),
    column("inputs", "算定の入力"),
    column("unconfirmed", "未確認ルール"),
    column("estimate", "試算"),
    column("run_id", "算定実行ID"),
    column("attribution", "人口の出典"),
)


@router.get("", response_model=LinesPublic, responses=CSV_RESPONSES)
async def list_lines(
    request: Request,
    actor: CurrentActor,
    csv: CsvRequested,
    fiscal_year: FiscalYear = None,
    recipient: Code = None,
    measure: Annotated[Measure | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> LinesPublic | StreamingResponse:
    """Lines the caller may see (its own, its areas' and, for a prefecture, its municipalities')."""

    async def page(after: str | None, size: int) -> tuple[list[LinePublic], str | None]:
        rows, following = await reads.list_lines(
            request.app.state.db,
            actor,
            fiscal_year=fiscal_year,
            recipient=recipient,
            measure=measure.value if measure is not None else None,
            cursor=after,
            limit=size,
        )
        return [LinePublic.of(r) for r in rows], following

    if csv is not None:
        return await export(page, CSV_COLUMNS, charset=csv, filename="allocations", cursor=cursor)
    data, next_cursor = await page(cursor, limit)
    return LinesPublic(data=data, next_cursor=next_cursor)
