"""Schemas of /v1/agreements: content, versions, procedures and their steps."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AliasChoices, BaseModel, Field, model_validator
from renkei_common.api_deps import Public

from renkei_agreements.api.schemas.common import (
    AS_LITERAL,
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
from renkei_agreements.domain.lifecycle import Purpose, Status, Step
from renkei_agreements.domain.vocabulary import (
    AgreementKind,
    Authority,
    PartyRole,
    ProcedureStatus,
    SubjectType,
    VersionStatus,
)

Kind = Annotated[AgreementKind, AS_LITERAL]
AgreementStatus = Annotated[Status, AS_LITERAL]
StepName = Annotated[Step, AS_LITERAL]
Note = Annotated[str, Field(max_length=2000)]


class Subject(Body):
    """What the parties do together: a policy field, joint task, shared facility or staffing cooperation."""

    type: Annotated[SubjectType, AS_LITERAL]
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

    kind: Kind
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


class SlotPublic(Public):
    step: StepName
    party: str | None


class StepPublic(Public):
    step: StepName
    party: str | None = Field(validation_alias=AliasChoices("party", "party_code"))
    on: date = Field(validation_alias=AliasChoices("on", "taken_on"))
    number: str | None
    note: str | None
    recorded_by_org: str
    recorded_at: datetime


class NotificationTargetPublic(BaseModel):
    """To whom a party notifies (届出先): 総務大臣, or the 知事 of a prefecture.

    A government is named by its 6-digit 団体コード (`authority_code`); `prefecture_code` means the 2-digit
    prefecture code (JIS X 0401) everywhere else in the API, and is kept here with its old 6-digit value
    only so that existing clients do not break (docs/agreements.md, "Codes").
    """

    authority: Annotated[Authority, AS_LITERAL]
    authority_code: str | None = Field(
        description="団体コード (6 digits) of the prefecture whose 知事 is notified; null for 総務大臣"
    )
    prefecture_code: str | None = Field(
        deprecated=True,
        description="deprecated: the same 6-digit 団体コード as authority_code; read authority_code",
    )
    title: str

    @model_validator(mode="before")
    @classmethod
    def _authority_code(cls, data: Any) -> Any:
        # Stored targets carry the 団体コード under their original name.
        if isinstance(data, dict) and "authority_code" not in data:
            return {**data, "authority_code": data.get("prefecture_code")}
        return data


class PartyNotificationPublic(BaseModel):
    """One party's notification (届出): to whom, and on which day once recorded."""

    party: str
    target: NotificationTargetPublic
    on: date | None = Field(description="null while this party has not notified")
    number: str | None
    joint: bool = Field(description="recorded in one joint record for both parties")


class ProcedurePublic(BaseModel):
    id: str
    purpose: Annotated[Purpose, AS_LITERAL]
    version: int
    status: Annotated[ProcedureStatus, AS_LITERAL]
    effective_on: date | None
    reason: str | None
    notification_targets: list[NotificationTargetPublic]
    notifications: list[PartyNotificationPublic] = Field(description="each party's notification, in order")
    steps: list[StepPublic]
    next_steps: list[SlotPublic] = Field(description="what may be recorded now")
    outstanding: list[SlotPublic]
    completed_on: date | None
    withdrawn_on: date | None


class VersionPublic(Public):
    number: int
    title: str
    policy: str | None
    subjects: list[Subject]
    role_division: list[RoleDivision]
    status: Annotated[VersionStatus, AS_LITERAL]
    in_force_on: date | None
    ended_on: date | None


class PartyPublic(BaseModel):
    code: str
    role: Annotated[PartyRole, AS_LITERAL]


class AgreementPublic(BaseModel):
    id: str
    kind: Kind
    title: str
    parties: list[PartyPublic]
    area_id: str | None
    status: AgreementStatus
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
