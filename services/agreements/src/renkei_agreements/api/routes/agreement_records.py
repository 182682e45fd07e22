"""Routes of an agreement's optional records: recommendations (勧告) and disputes (自治紛争処理委員)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from renkei_common.auth import CurrentActor

from renkei_agreements.adapters.orm import DisputeRow, RecommendationRow
from renkei_agreements.api.deps import DbDep, IfMatch
from renkei_agreements.api.schemas.agreement_records import (
    DisputeCreate,
    DisputePublic,
    DisputesPublic,
    DisputeUpdate,
    RecommendationCreate,
    RecommendationPublic,
    RecommendationsPublic,
)
from renkei_agreements.service_layer import agreement_records as use_cases

router = APIRouter(prefix="/v1/agreements/{agreement_id}", tags=["agreements"])
AgreementId = Annotated[str, Path(max_length=36)]


def recommendation_public(row: RecommendationRow) -> RecommendationPublic:
    return RecommendationPublic.model_validate(row, from_attributes=True)


def dispute_public(row: DisputeRow) -> DisputePublic:
    return DisputePublic.model_validate(row, from_attributes=True)


@router.post("/recommendations", status_code=201, response_model=RecommendationPublic)
async def record_recommendation(
    agreement_id: AgreementId,
    body: RecommendationCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> RecommendationPublic:
    """Record a recommendation received from the minister or the governor (a party or that authority)."""
    row = await use_cases.record_recommendation(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
    )
    response.headers["Location"] = f"/v1/agreements/{agreement_id}/recommendations"
    return recommendation_public(row)


@router.get("/recommendations", response_model=RecommendationsPublic)
async def list_recommendations(
    agreement_id: AgreementId, actor: CurrentActor, db: DbDep
) -> RecommendationsPublic:
    _, rows = await use_cases.list_records(
        db=db, actor=actor, agreement_id=agreement_id, kind=RecommendationRow
    )
    return RecommendationsPublic(data=[recommendation_public(r) for r in rows])


@router.post("/disputes", status_code=201, response_model=DisputePublic)
async def apply_for_settlement(
    agreement_id: AgreementId,
    body: DisputeCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> DisputePublic:
    """A party applies for a settlement plan by dispute-resolution commissioners."""
    row = await use_cases.apply_for_settlement(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
    )
    response.headers["Location"] = f"/v1/agreements/{agreement_id}/disputes"
    return dispute_public(row)


@router.get("/disputes", response_model=DisputesPublic)
async def list_disputes(agreement_id: AgreementId, actor: CurrentActor, db: DbDep) -> DisputesPublic:
    _, rows = await use_cases.list_records(db=db, actor=actor, agreement_id=agreement_id, kind=DisputeRow)
    return DisputesPublic(data=[dispute_public(r) for r in rows])


@router.patch("/disputes/{dispute_id}", response_model=DisputePublic)
async def update_dispute(
    agreement_id: AgreementId,
    dispute_id: Annotated[str, Path(max_length=36)],
    body: DisputeUpdate,
    actor: CurrentActor,
    db: DbDep,
    if_match: IfMatch = None,
) -> DisputePublic:
    """Record the settlement plan presented, or the close of the dispute."""
    row = await use_cases.update_dispute(
        db=db, actor=actor, agreement_id=agreement_id, dispute_id=dispute_id, body=body, if_match=if_match
    )
    return dispute_public(row)
