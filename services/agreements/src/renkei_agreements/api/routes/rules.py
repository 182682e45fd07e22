"""Routes of /v1/requirement-rules: the rule book in force and the approved overrides of blocking rules."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field
from renkei_common.api_deps import (
    AS_LITERAL,
    CursorQuery,
    DbDep,
    LimitQuery,
    Page,
    Public,
    set_etag,
    to_command,
)
from renkei_common.auth import CurrentActor

from renkei_agreements.api.schemas.common import Body, Code, Day, ShortText
from renkei_agreements.domain.rules import RuleBook
from renkei_agreements.domain.vocabulary import AreaType, Confidence
from renkei_agreements.service_layer import commands
from renkei_agreements.service_layer import rule_overrides as use_cases

router = APIRouter(prefix="/v1/requirement-rules", tags=["requirement-rules"])


def rule_book(request: Request) -> RuleBook:
    """The rule book loaded at start (RENKEI_REQUIREMENT_RULES_FILE, else the shipped one)."""
    book: RuleBook = request.app.state.rule_book
    return book


RuleBookDep = Annotated[RuleBook, Depends(rule_book)]
# Rules exist for the two declared area types only (AreaType's values).
RuledAreaType = Literal["metropolitan", "settlement"]


class RequirementRulePublic(BaseModel):
    id: str
    area_type: RuledAreaType
    description: str
    threshold: str | None
    blocking: bool
    overridable: bool = Field(description="a blocking rule that admits an approved override for one centre")
    source: str
    confidence: Annotated[Confidence, AS_LITERAL]


def _ruled(area_type: str) -> RuledAreaType:
    """Rules exist for the two declared area types only; other wide-area cooperation has none."""
    return "metropolitan" if area_type == AreaType.METROPOLITAN else "settlement"


class RequirementRulesPublic(BaseModel):
    data: list[RequirementRulePublic]


class RuleOverrideCreate(Body):
    """An exception the 要綱 admits, approved for one centre (e.g. a 中心市 below 4万人, approved by MIC)."""

    rule: str = Field(
        min_length=1,
        max_length=80,
        description="id of an overridable blocking rule, e.g. settlement.centre_population_floor",
    )
    centre_code: Code
    reason: Annotated[str, Field(min_length=1, max_length=4000)]
    approved_by: ShortText = Field(description="who approved it: office and person")
    approved_on: Day


class RuleOverridePublic(Public):
    id: str
    rule: str
    centre_code: str
    reason: str
    approved_by: str
    approved_on: date
    created_by_org: str = Field(description="the organisation that recorded it")
    recorded_by_sub: str = Field(description="the person (token subject) who recorded it")
    created_at: datetime


class RuleOverridesPublic(Page):
    data: list[RuleOverridePublic]


@router.get("", response_model=RequirementRulesPublic)
async def list_requirement_rules(actor: CurrentActor, rules: RuleBookDep) -> RequirementRulesPublic:
    """What a declaration is checked against; `unconfirmed` rules rest on no public primary text."""
    return RequirementRulesPublic(
        data=[
            RequirementRulePublic(
                id=rule.id,
                area_type=_ruled(rule.area_type),
                description=rule.description,
                threshold=str(rule.threshold) if rule.threshold is not None else None,
                blocking=rule.blocking,
                overridable=rule.overridable,
                source=rule.source,
                confidence=Confidence(rule.confidence),
            )
            for rule in rules
        ]
    )


@router.post("/overrides", status_code=201, response_model=RuleOverridePublic)
async def record_rule_override(
    body: RuleOverrideCreate, actor: CurrentActor, db: DbDep, rules: RuleBookDep, response: Response
) -> RuleOverridePublic:
    """Record an approved override (national or operator role; audited). That centre's declaration then
    warns, naming the override, instead of being refused."""
    command = to_command(commands.RecordRuleOverride, body)
    row = await use_cases.record_rule_override(db=db, actor=actor, command=command, rules=rules)
    set_etag(response, row.id, row.row_version)
    return RuleOverridePublic.model_validate(row)


@router.get("/overrides", response_model=RuleOverridesPublic)
async def list_rule_overrides(
    actor: CurrentActor, db: DbDep, cursor: CursorQuery = None, limit: LimitQuery = 100
) -> RuleOverridesPublic:
    rows, next_cursor = await use_cases.list_rule_overrides(db=db, actor=actor, cursor=cursor, limit=limit)
    return RuleOverridesPublic(
        data=[RuleOverridePublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )
