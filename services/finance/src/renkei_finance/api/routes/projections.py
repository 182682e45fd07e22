"""Routes of /v1/projections: read-only views of what finance has learnt from other services."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor

from renkei_finance.service_layer import reads

router = APIRouter(prefix="/v1/projections", tags=["projections"])


class AgreementProjectionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    agreement_id: str
    version: int
    kind: str | None = Field(description="null while only the termination has arrived")
    title: str | None
    party_codes: list[str]
    area_id: str | None
    concluded_on: date | None
    in_force_on: date | None = Field(description="the first day any version of it was in force")
    terminated_on: date | None
    status: str = Field(description="in_force or terminated")
    aggregate_version: int


class AgreementProjectionsPublic(BaseModel):
    data: list[AgreementProjectionPublic]
    next_cursor: str | None = Field(description="pass as `cursor` for the next page; null on the last one")


@router.get("/agreements", response_model=AgreementProjectionsPublic)
async def list_agreements(
    request: Request,
    actor: CurrentActor,
    party: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="only agreements with this party")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=36, description="next_cursor of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AgreementProjectionsPublic:
    """Agreements with a party the caller may see, in id order, one page at a time."""
    rows, next_cursor = await reads.list_agreements(
        request.app.state.db, actor, party=party, cursor=cursor, limit=limit
    )
    return AgreementProjectionsPublic(
        data=[AgreementProjectionPublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )
