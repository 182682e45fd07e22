"""Routes of /v1/projections: read-only views of what finance has learnt from other services."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from renkei_common.auth import CurrentActor
from sqlalchemy import select

from renkei_finance.adapters.orm import AgreementProjection

router = APIRouter(prefix="/v1/projections", tags=["projections"])


class AgreementProjectionPublic(BaseModel):
    agreement_id: str
    version: int
    kind: str
    title: str
    party_codes: list[str]
    area_id: str | None
    in_force_on: date
    terminated_on: date | None
    status: str


class AgreementProjectionsPublic(BaseModel):
    data: list[AgreementProjectionPublic]
    count: int


@router.get("/agreements", response_model=AgreementProjectionsPublic)
async def list_agreements(
    request: Request,
    actor: CurrentActor,
    party: Annotated[
        str | None, Query(pattern=r"^\d{6}$", description="only agreements with this party")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AgreementProjectionsPublic:
    async with request.app.state.db.session() as session:
        rows = list(
            (
                await session.execute(select(AgreementProjection).order_by(AgreementProjection.agreement_id))
            ).scalars()
        )
    if party:
        rows = [r for r in rows if party in r.party_codes]
    data = [AgreementProjectionPublic.model_validate(r, from_attributes=True) for r in rows[:limit]]
    return AgreementProjectionsPublic(data=data, count=len(data))
