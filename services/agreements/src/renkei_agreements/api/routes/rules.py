"""Route of /v1/requirement-rules: the declaration thresholds in force, with their source and confidence."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel
from renkei_common.auth import CurrentActor

from renkei_agreements.domain.rules import RULES

router = APIRouter(prefix="/v1/requirement-rules", tags=["requirement-rules"])


class RequirementRulePublic(BaseModel):
    id: str
    area_type: Literal["metropolitan", "settlement"]
    description: str
    threshold: str | None
    blocking: bool
    source: str
    confidence: Literal["seed", "public", "unconfirmed"]


class RequirementRulesPublic(BaseModel):
    data: list[RequirementRulePublic]


@router.get("", response_model=RequirementRulesPublic)
async def list_requirement_rules(actor: CurrentActor) -> RequirementRulesPublic:
    """What a declaration is checked against; `unconfirmed` rules rest on no public primary text."""
    return RequirementRulesPublic(
        data=[
            RequirementRulePublic(
                id=rule.id,
                area_type=rule.area_type,
                description=rule.description,
                threshold=str(rule.threshold) if rule.threshold is not None else None,
                blocking=rule.blocking,
                source=rule.source,
                confidence=rule.confidence,
            )
            for rule in RULES
        ]
    )
