"""Routes of an agreement's optional records: recommendations (勧告) and disputes (自治紛争処理委員)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response
from renkei_common.api_deps import DbDep, IfMatch, to_command
from renkei_common.auth import CurrentActor

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
from renkei_agreements.service_layer import commands

router = APIRouter(prefix="/v1/agreements/{agreement_id}", tags=["agreements"])
AgreementId = Annotated[str, Path(max_length=36)]


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
    command = to_command(commands.RecordRecommendation, body)
    row = await use_cases.record_recommendation(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    response.headers["Location"] = f"/v1/agreements/{agreement_id}/recommendations"
    return RecommendationPublic.model_validate(row)


@router.get("/recommendations", response_model=RecommendationsPublic)
async def list_recommendations(
    agreement_id: AgreementId, actor: CurrentActor, db: DbDep
) -> RecommendationsPublic:
    rows = await use_cases.list_recommendations(db=db, actor=actor, agreement_id=agreement_id)
    return RecommendationsPublic(data=[RecommendationPublic.model_validate(r) for r in rows])


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
    command = to_command(commands.ApplyForSettlement, body)
    row = await use_cases.apply_for_settlement(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    response.headers["Location"] = f"/v1/agreements/{agreement_id}/disputes"
    return DisputePublic.model_validate(row)


@router.get("/disputes", response_model=DisputesPublic)
async def list_disputes(agreement_id: AgreementId, actor: CurrentActor, db: DbDep) -> DisputesPublic:
    rows = await use_cases.list_disputes(db=db, actor=actor, agreement_id=agreement_id)
    return DisputesPublic(data=[DisputePublic.model_validate(r) for r in rows])


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
    command = to_command(commands.UpdateDispute, body)
    row = await use_cases.update_dispute(
        db=db,
        actor=actor,
        agreement_id=agreement_id,
        dispute_id=dispute_id,
        command=command,
        if_match=if_match,
    )
    return DisputePublic.model_validate(row)
