"""Routes of /v1/contributions: each member's share (負担金) of shared services per FY, as agreed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor

from renkei_finance.service_layer import reads

router = APIRouter(prefix="/v1/contributions", tags=["contributions"])


class ContributionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    fiscal_year: int
    shared_service_id: str
    name: str
    category: str
    municipality_code: str
    share_yen: int = Field(description="this member's contribution in integer yen, as agreements computed it")
    cost_yen: int = Field(description="the whole yearly cost; the shares of all members sum to it")
    formula: dict[str, Any] = Field(
        description="equal/population/usage weights, who takes the remainder, the rounding, and `classes`: "
        "each cost class (建設費, 運営費, ...) with its cost, weights and every member's share of it"
    )
    population: int | None
    usage: str | None
    revision: int


class ContributionsPublic(BaseModel):
    data: list[ContributionPublic]
    total_yen: int


@router.get("", response_model=ContributionsPublic)
async def list_contributions(
    request: Request,
    actor: CurrentActor,
    fiscal_year: Annotated[int, Query(ge=2000, le=2100)],
    municipality: Annotated[str | None, Query(pattern=r"^\d{6}$")] = None,
) -> ContributionsPublic:
    """Contributions of the members the caller may see; finance never recomputes a share (issue 11 §4)."""
    rows = await reads.list_contributions(
        request.app.state.db, actor, fiscal_year=fiscal_year, municipality=municipality
    )
    data = [ContributionPublic.model_validate(r) for r in rows]
    return ContributionsPublic(data=data, total_yen=sum(c.share_yen for c in data))
