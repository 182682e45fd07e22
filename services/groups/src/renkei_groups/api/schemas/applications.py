"""Schemas of /v1/applications: what a group states, and what each reader is shown of it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field
from renkei_common.api_deps import Body, Code, Day, Page, Public

from renkei_groups.api.schemas.common import Address, DecimalShare, MachineCode, Name, NoticeNumber, Text
from renkei_groups.domain.kinds import ApplicationStatus, DocumentKind, MemberKind, OrganisationKind, Outcome


class RepresentativeIn(Body):
    name: Name
    address: Address | None = None
    contact: Name | None = None


class MemberIn(Body):
    kind: MemberKind
    name: Name
    resident: bool = Field(default=False, description="a person living in the area (individuals only)")
    organisation_kind: OrganisationKind | None = None
    resident_share: DecimalShare | None = Field(default=None, description="organisations: share of residents")
    address: Address | None = None
    contact: Name | None = None


class ActivityIn(Body):
    code: MachineCode
    description: Text | None = None


class DocumentIn(Body):
    kind: DocumentKind
    title: Name
    reference: Text | None = Field(default=None, description="where the document is filed")


class ApplicationCreate(Body):
    """A group's application for designation (指定申請) to its municipality."""

    municipality_code: Code
    name: Name
    office: Address
    area: Text
    representative: RepresentativeIn
    members: Annotated[list[MemberIn], Field(min_length=1, max_length=2000)]
    activities: Annotated[list[ActivityIn], Field(max_length=50)]
    article_items: Annotated[list[MachineCode], Field(max_length=60, description="items the 規約 contains")]
    documents: Annotated[list[DocumentIn], Field(max_length=30)]


class SubmitIn(Body):
    submitted_on: Day | None = Field(default=None, description="default today (JST); never in the future")


class DecisionIn(Body):
    decided_on: Day
    reasons: Annotated[str, Field(max_length=4000)]
    notice_number: NoticeNumber | None = Field(default=None, description="告示番号; required to designate")


class WithdrawIn(Body):
    withdrawn_on: Day | None = None


class FindingPublic(BaseModel):
    requirement: str
    outcome: Outcome
    reason: str


class MemberPublic(Public):
    kind: MemberKind
    name: str
    resident: bool
    organisation_kind: OrganisationKind | None
    resident_share: str | None
    address: str | None
    contact: str | None


class MemberSummary(BaseModel):
    """What readers other than the group and its municipality see: counts only."""

    members: int
    organisations: int
    organisation_kinds: list[OrganisationKind]


class ApplicationPublic(BaseModel):
    id: str
    municipality_code: str
    status: ApplicationStatus
    name: str
    office: str
    area: str
    activities: list[dict[str, str | None]]
    article_items: list[str]
    documents: list[dict[str, str | None]]
    revision: int
    member_summary: MemberSummary
    representative: dict[str, str | None] | None = Field(
        description="only for the group and its municipality"
    )
    members: list[MemberPublic] | None = Field(description="only for the group and its municipality")
    submitted_on: date | None
    profile_id: str | None
    profile_version: int | None
    judgement_outcome: Outcome | None
    findings: list[FindingPublic] | None
    decided_on: date | None
    decision_reasons: str | None
    designated_on: date | None
    revoked_on: date | None
    created_at: datetime


class ApplicationsPublic(Page):
    data: list[ApplicationPublic]
