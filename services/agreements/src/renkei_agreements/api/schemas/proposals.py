"""Schemas of /v1/proposals: the consensus process (合意形成) of an area or an agreement."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AliasChoices, BaseModel, Field
from renkei_common.api_deps import Public

from renkei_agreements.api.schemas.common import (
    AS_LITERAL,
    Body,
    Code,
    Day,
    LongText,
    Page,
    ResourceId,
    ShortText,
)
from renkei_agreements.domain.consensus import DecisionMethod, Position
from renkei_agreements.domain.vocabulary import ProposalOutcome, ProposalSubject

PositionName = Annotated[Position, AS_LITERAL]
Subject = Annotated[ProposalSubject, AS_LITERAL]


class ProposalCreate(Body):
    subject_type: Subject
    subject_id: ResourceId
    title: ShortText
    text: LongText | None = None
    opened_on: Day
    partners: Annotated[
        list[Code] | None, Field(max_length=200, description="default: every other participant")
    ] = None


class PositionCreate(Body):
    """consulted: by the proposer for `partner`; agreed / objected: by the partner; resolved: either."""

    position: PositionName
    partner: Code | None = Field(
        default=None, description="required when the proposer records; default the caller"
    )
    reasons: Annotated[str | None, Field(max_length=4000, description="required for an objection")] = None
    stated_on: Day


class PositionPublic(Public):
    partner: str = Field(validation_alias=AliasChoices("partner", "partner_code"))
    position: PositionName
    reasons: str | None
    stated_on: date
    recorded_by_org: str
    recorded_at: datetime


class PartnerStatus(BaseModel):
    partner: str
    position: PositionName | None
    stated_on: date | None


class ProposalPublic(BaseModel):
    id: str
    subject_type: Subject
    subject_id: str
    title: str
    text: str | None
    proposer_code: str
    decision_method: Annotated[DecisionMethod, AS_LITERAL] | None
    opened_on: date
    outcome: Annotated[ProposalOutcome, AS_LITERAL] = Field(description="under the subject's decision method")
    partners: list[PartnerStatus]
    history: list[PositionPublic] = Field(description="who said what and when, oldest first")
    created_at: datetime


class ProposalsPublic(Page):
    data: list[ProposalPublic]
