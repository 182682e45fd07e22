"""Routes of /v1/allocations: the current allocation lines, each explaining its yen."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor
from renkei_common.refdata import POPULATION_SOURCE

from renkei_finance.domain.rules import Measure
from renkei_finance.service_layer import reads

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


@router.get("", response_model=LinesPublic)
async def list_lines(
    request: Request,
    actor: CurrentActor,
    fiscal_year: FiscalYear = None,
    recipient: Code = None,
    measure: Annotated[Measure | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> LinesPublic:
    """Lines the caller may see (its own, its areas' and, for a prefecture, its municipalities')."""
    rows, next_cursor = await reads.list_lines(
        request.app.state.db,
        actor,
        fiscal_year=fiscal_year,
        recipient=recipient,
        measure=measure.value if measure is not None else None,
        cursor=cursor,
        limit=limit,
    )
    return LinesPublic(data=[LinePublic.of(r) for r in rows], next_cursor=next_cursor)
