"""Schemas of /v1/proposals: the consensus process (合意形成) of an area or an agreement."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from renkei_agreements.api.schemas.common import Body, Code, Day, LongText, Page, ResourceId, ShortText

PositionName = Literal["consulted", "agreed", "objected", "resolved"]


class ProposalCreate(Body):
    subject_type: Literal["area", "agreement"]
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


class PositionPublic(BaseModel):
    partner: str
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
    subject_type: Literal["area", "agreement"]
    subject_id: str
    title: str
    text: str | None
    proposer_code: str
    decision_method: str | None
    opened_on: date
    outcome: Literal["reached", "pending", "blocked"] = Field(
        description="under the subject's decision method"
    )
    partners: list[PartnerStatus]
    history: list[PositionPublic] = Field(description="who said what and when, oldest first")
    created_at: datetime


class ProposalsPublic(Page):
    data: list[ProposalPublic]
