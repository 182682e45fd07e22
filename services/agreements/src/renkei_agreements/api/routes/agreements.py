"""Routes of /v1/agreements."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from renkei_common.auth import CurrentActor
from renkei_common.errors import NotFound, Unprocessable
from renkei_common.writes import etag_for

from renkei_agreements.adapters.orm import AgreementRow
from renkei_agreements.domain.agreements import AgreementRuleError, ConcludedAgreement
from renkei_agreements.service import record_concluded_agreement

router = APIRouter(prefix="/v1/agreements", tags=["agreements"])

Code = Annotated[str, Field(pattern=r"^\d{6}$", description="6-digit 団体コード with check digit")]


class AgreementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["renkei_kyoyaku", "teiju_jiritsu_kyotei"]
    title: Annotated[str, Field(min_length=1, max_length=300)]
    parties: Annotated[list[Code], Field(min_length=2, max_length=2)]
    concluded_on: date
    in_force_on: date


class AgreementPublic(BaseModel):
    id: str
    kind: str
    title: str
    parties: list[str]
    status: str
    concluded_on: date
    in_force_on: date
    version: int


def _public(row: AgreementRow) -> AgreementPublic:
    return AgreementPublic(
        id=row.id, kind=row.kind, title=row.title, parties=[row.party_a_code, row.party_b_code],
        status=row.status, concluded_on=row.concluded_on, in_force_on=row.in_force_on, version=row.version,
    )


@router.post("", status_code=201, response_model=AgreementPublic)
async def record_concluded(
    body: AgreementCreate, actor: CurrentActor, request: Request, response: Response
) -> AgreementPublic:
    """Record a concluded agreement in force; emits AgreementSigned."""
    try:
        row = await record_concluded_agreement(
            db=request.app.state.db,
            actor=actor,
            agreement=ConcludedAgreement(
                kind=body.kind, title=body.title, party_a=body.parties[0], party_b=body.parties[1],
                concluded_on=body.concluded_on, in_force_on=body.in_force_on,
            ),
        )
    except AgreementRuleError as exc:
        raise Unprocessable(field=f"body.{exc.field}", rule=exc.rule, message=exc.message) from None
    response.headers["ETag"] = etag_for(row.id, row.version)
    response.headers["Location"] = f"/v1/agreements/{row.id}"
    return _public(row)


@router.get("/{agreement_id}", response_model=AgreementPublic)
async def get_agreement(
    agreement_id: Annotated[str, Path(max_length=36)], actor: CurrentActor, request: Request, response: Response
) -> AgreementPublic:
    async with request.app.state.db.session() as session:
        row = await session.get(AgreementRow, agreement_id)
    if row is None:
        raise NotFound(detail=f"agreement {agreement_id} not found")
    response.headers["ETag"] = etag_for(row.id, row.version)
    return _public(row)
