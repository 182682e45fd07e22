"""Schemas of the optional records of an agreement: recommendations (勧告) and disputes (紛争処理)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field
from renkei_common.api_deps import Public

from renkei_agreements.api.schemas.common import AS_LITERAL, Body, Day, Number
from renkei_agreements.domain.vocabulary import Authority, DisputeStatus

Text = Annotated[str, Field(min_length=1, max_length=4000)]


class RecommendationCreate(Body):
    """A recommendation to conclude (or change) an agreement, LAA art. 252-2 para. 5."""

    issued_by: Annotated[Authority, AS_LITERAL]
    received_on: Day
    reference_number: Number | None = None
    summary: Text


class RecommendationPublic(Public):
    id: str
    agreement_id: str
    issued_by: Annotated[Authority, AS_LITERAL]
    issuer_code: str | None
    received_on: date
    reference_number: str | None
    summary: str
    recorded_by_org: str
    recorded_at: datetime


class RecommendationsPublic(BaseModel):
    data: list[RecommendationPublic]


class DisputeCreate(Body):
    """A written application for a settlement plan by 自治紛争処理委員, LAA art. 252-2 para. 7."""

    applied_on: Day
    matter: Text


class DisputeUpdate(Body):
    plan_presented_on: Day | None = None
    plan_summary: Text | None = None
    closed_on: Day | None = Field(default=None, description="when the parties settled or the matter ended")


class DisputePublic(Public):
    id: str
    agreement_id: str
    applicant_code: str
    applied_on: date
    matter: str
    authority: list[str] = Field(description="who appoints the commissioners: 総務大臣 or the 知事")
    status: Annotated[DisputeStatus, AS_LITERAL]
    plan_presented_on: date | None
    plan_summary: str | None
    closed_on: date | None
    updated_at: datetime


class DisputesPublic(BaseModel):
    data: list[DisputePublic]
