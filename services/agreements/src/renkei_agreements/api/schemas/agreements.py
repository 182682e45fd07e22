"""Schemas of /v1/agreements: content, versions, procedures and their steps."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from renkei_agreements.api.schemas.common import (
    Body,
    Code,
    ConsensusRules,
    Day,
    LongText,
    Number,
    Page,
    ResourceId,
    ShortText,
)

AgreementKind = Literal["renkei_kyoyaku", "teiju_jiritsu_kyotei"]
SubjectType = Literal["policy_field", "joint_task", "shared_facility", "staffing_cooperation"]
StepName = Literal["consultation", "council_resolution", "conclusion", "public_notice", "notification"]
Note = Annotated[str, Field(max_length=2000)]


class Subject(Body):
    """What the parties do together: a policy field, joint task, shared facility or staffing cooperation."""

    type: SubjectType
    field: Annotated[str | None, Field(max_length=100, description="policy field, e.g. 医療, 公共交通")] = (
        None
    )
    description: Note = ""
    shared_service_id: ResourceId | None = None


class RoleDivision(Body):
    """役割分担: what one party undertakes."""

    party: Code
    role: Note


class AgreementContent(Body):
    title: ShortText
    policy: LongText | None = Field(default=None, description="基本方針")
    subjects: Annotated[list[Subject], Field(max_length=50)] = Field(default_factory=list)
    role_division: Annotated[list[RoleDivision], Field(max_length=2)] = Field(default_factory=list)


class AgreementCreate(AgreementContent):
    """A draft agreement between two governments; its conclusion procedure starts at once."""

    kind: AgreementKind
    parties: Annotated[list[Code], Field(min_length=2, max_length=2)]
    area_id: ResourceId | None = None
    effective_on: Day | None = Field(
        default=None, description="when it takes effect; default: the notification date"
    )
    consensus_rules: ConsensusRules | None = None


class AgreementUpdate(Body):
    consensus_rules: ConsensusRules | None = None


class AmendmentCreate(Body):
    """A new version; omitted content is carried over from the version in force."""

    title: ShortText | None = None
    policy: LongText | None = None
    subjects: Annotated[list[Subject] | None, Field(max_length=50)] = None
    role_division: Annotated[list[RoleDivision] | None, Field(max_length=2)] = None
    effective_on: Day | None = None
    reason: Note | None = None


class TerminationCreate(Body):
    reason: Annotated[str, Field(min_length=1, max_length=2000)]
    effective_on: Day | None = None


class WithdrawalCreate(Body):
    withdrawn_on: Day
    reason: Annotated[str, Field(min_length=1, max_length=2000)]


class StepCreate(Body):
    """A step of the open procedure; a per-party step (council_resolution, public_notice) is the caller's."""

    step: StepName
    on: Day
    party: Code | None = Field(default=None, description="per-party steps only; defaults to the caller's org")
    number: Number | None = Field(
        default=None, description="required for council_resolution and public_notice"
    )
    note: Note | None = None


class SlotPublic(BaseModel):
    step: StepName
    party: str | None


class StepPublic(BaseModel):
    step: StepName
    party: str | None
    on: date
    number: str | None
    note: str | None
    recorded_by_org: str
    recorded_at: datetime


class NotificationTargetPublic(BaseModel):
    authority: Literal["minister", "governor"]
    prefecture_code: str | None
    title: str


class ProcedurePublic(BaseModel):
    id: str
    purpose: Literal["conclusion", "amendment", "termination"]
    version: int
    status: Literal["open", "completed", "withdrawn"]
    effective_on: date | None
    reason: str | None
    notification_targets: list[NotificationTargetPublic]
    steps: list[StepPublic]
    next_steps: list[SlotPublic] = Field(description="what may be recorded now")
    outstanding: list[SlotPublic]
    completed_on: date | None
    withdrawn_on: date | None


class VersionPublic(BaseModel):
    number: int
    title: str
    policy: str | None
    subjects: list[Subject]
    role_division: list[RoleDivision]
    status: Literal["pending", "in_force", "superseded", "terminated", "withdrawn"]
    in_force_on: date | None
    ended_on: date | None


class PartyPublic(BaseModel):
    code: str
    role: str


class AgreementPublic(BaseModel):
    id: str
    kind: AgreementKind
    title: str
    parties: list[PartyPublic]
    area_id: str | None
    status: Literal["draft", "in_force", "terminated", "withdrawn"]
    in_force_version: int | None
    latest_version: int
    current: VersionPublic | None = Field(description="the version in force")
    open_procedure: ProcedurePublic | None
    consensus_rules: ConsensusRules | None
    created_at: datetime


class AgreementsPublic(Page):
    data: list[AgreementPublic]


class VersionHistoryEntry(VersionPublic):
    procedures: list[ProcedurePublic] = Field(description="the procedures that made or ended this version")


class AgreementVersionsPublic(BaseModel):
    agreement_id: str
    data: list[VersionHistoryEntry]
