"""Schemas of /v1/areas: declaration, members over time, and the requirement warnings."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator
from renkei_common.api_deps import Public
from renkei_common.i18n import localized

from renkei_agreements.api.schemas.common import AS_LITERAL, Body, Code, ConsensusRules, Day, Page
from renkei_agreements.domain.vocabulary import AreaType, Confidence, DeclarationKind, MemberRole

AreaTypeName = Annotated[AreaType, AS_LITERAL]
# A declared or added member is a partner or an observer; centres are named as centres.
MemberRoleName = Annotated[Literal[MemberRole.PARTNER, MemberRole.OBSERVER], AS_LITERAL]
Ratio = Annotated[Decimal, Field(ge=0, le=100, max_digits=9, decimal_places=4)]
Share = Annotated[Decimal, Field(ge=0, le=1, max_digits=7, decimal_places=6)]
AreaName = Annotated[str, Field(min_length=1, max_length=200)]


class CentreIn(Body):
    code: Code
    day_night_ratio: Ratio | None = Field(default=None, description="昼夜間人口比率 of the centre, e.g. 1.02")


class DeclaredMember(Body):
    code: Code
    role: MemberRoleName = MemberRole.PARTNER
    since: Day | None = Field(default=None, description="defaults to the declaration date")
    until: Day | None = None
    commuting_share: Share | None = Field(
        default=None, description="share of its commuters going to the centre"
    )


class AreaCreate(Body):
    """A 連携中枢都市宣言 or 中心市宣言 (or the formation of other wide-area cooperation)."""

    area_type: AreaTypeName
    name: AreaName
    declared_on: Day
    centres: Annotated[list[CentreIn], Field(min_length=1, max_length=2, description="two for 複眼型")]
    centres_adjacent: bool | None = Field(default=None, description="two-centre variant: are they adjacent?")
    members: Annotated[list[DeclaredMember], Field(max_length=200)] = Field(default_factory=list)
    consensus_rules: ConsensusRules | None = None


class AreaUpdate(Body):
    name: AreaName | None = None
    consensus_rules: ConsensusRules | None = None


class MemberCreate(Body):
    code: Code
    role: MemberRoleName = MemberRole.PARTNER
    since: Day
    until: Day | None = None


class MemberUpdate(Body):
    until: Day | None = Field(description="last day of the membership; null to reopen it")


class AdmittedOverridePublic(BaseModel):
    """The approved override that turned a blocking rule's finding into this warning."""

    rule: str
    centre_code: str
    reason: str
    approved_by: str
    approved_on: date


class RequirementWarningPublic(BaseModel):
    rule: str
    field: str
    message: str  # in the language negotiated by Accept-Language (en, ja)
    confidence: Annotated[Confidence, AS_LITERAL]
    source: str
    override: AdmittedOverridePublic | None = None

    @model_validator(mode="before")
    @classmethod
    def _in_callers_language(cls, data: Any) -> Any:
        return localized(data)


class AreaMemberPublic(Public):
    id: str
    code: str
    role: Annotated[MemberRole, AS_LITERAL]
    since: date
    until: date | None


class AreaPublic(Public):
    id: str
    area_type: AreaTypeName
    name: str
    centre_codes: list[str]
    declaration_kind: Annotated[DeclarationKind, AS_LITERAL] | None
    declared_on: date
    declaration_inputs: dict[str, Any]
    warnings: list[RequirementWarningPublic]
    consensus_rules: ConsensusRules | None
    members: list[AreaMemberPublic]
    created_at: datetime


class AreasPublic(Page):
    data: list[AreaPublic]
