"""Schemas of /v1/ordinance-profiles."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field
from renkei_common.api_deps import Body, Code, Day, Page, Public

from renkei_groups.api.schemas.common import Count, Days, DecimalShare, MachineCode, Name
from renkei_groups.domain.kinds import DocumentKind, OrganisationKind


class LabelledCodeIn(Body):
    code: MachineCode
    label: Name


class MembershipRulesIn(Body):
    """Omitted rules keep the default: half the members residents, at least 2 members, no listed kinds."""

    min_resident_share: DecimalShare | None = None
    organisation_resident_share: DecimalShare | None = Field(
        default=None, description="an organisation counts as mainly residents from this own share"
    )
    min_members: Annotated[int, Field(strict=True, ge=-1000, le=100_000)] | None = None
    required_organisation_kinds: Annotated[list[OrganisationKind], Field(max_length=20)] = Field(
        default_factory=list
    )
    min_required_kinds: Annotated[int, Field(strict=True, ge=-100, le=100)] | None = Field(
        default=None, description="how many listed kinds must take part; default all of them"
    )


class ProfileCreate(Body):
    """A version of the ordinance (条例). Whatever is left out is the shipped default profile's."""

    municipality_code: Code
    ordinance_title: Name
    enacted_on: Day
    effective_on: Day
    activities: Annotated[list[LabelledCodeIn], Field(max_length=100)] | None = None
    membership: MembershipRulesIn | None = None
    additional_article_items: Annotated[list[LabelledCodeIn], Field(max_length=50)] = Field(
        default_factory=list
    )
    required_documents: Annotated[list[DocumentKind], Field(max_length=20)] | None = None
    report_due_days: Annotated[int, Field(strict=True, ge=-1000, le=1000)] | None = None
    coordination_answer_days: Annotated[int, Field(strict=True, ge=-1000, le=1000)] | None = None
    judgement_items: Annotated[list[MachineCode], Field(max_length=20)] | None = None


class LabelledCodePublic(BaseModel):
    code: str
    label: str


class MembershipRulesPublic(Public):
    min_resident_share: str
    organisation_resident_share: str
    min_members: int
    required_organisation_kinds: list[OrganisationKind]
    min_required_kinds: int


class ProfilePublic(BaseModel):
    id: str | None = Field(description="null for the shipped default, which is not recorded")
    municipality_code: str
    profile_version: int
    ordinance_title: str
    enacted_on: date
    effective_on: date
    activities: list[LabelledCodePublic]
    membership: MembershipRulesPublic
    article_items: list[LabelledCodePublic]
    required_documents: list[DocumentKind]
    judgement_items: list[str]
    report_due_days: Count
    coordination_answer_days: Days
    created_at: datetime | None = None


class ProfilesPublic(Page):
    data: list[ProfilePublic]
