"""Schemas of /v1/shared-services: shared facilities and joint tasks, and their yearly cost sharing."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AliasChoices, BaseModel, Field
from renkei_common.api_deps import Public
from renkei_common.schema_types import Yen

from renkei_agreements.api.schemas.common import (
    AS_LITERAL,
    Body,
    Code,
    Day,
    DecimalString,
    Page,
    ResourceId,
    ShortText,
)
from renkei_agreements.domain.shared_services import Consent, ConsentBasis
from renkei_agreements.domain.vocabulary import SharedServiceCategory

Category = Annotated[SharedServiceCategory, AS_LITERAL]


class SharedServiceCreate(Body):
    """A shared facility (公共施設の集約化・共同利用) or a joint task (事務の共同実施) and its members."""

    name: ShortText
    category: Category
    area_id: ResourceId | None = None
    agreement_id: ResourceId | None = None
    description: Annotated[str | None, Field(max_length=4000)] = None
    lead_code: Code = Field(description="the member that runs it and records the cost sharing")
    members: Annotated[list[Code], Field(min_length=2, max_length=100)]


class ConsentCreate(Body):
    """The calling member's consent to take part in the service and share its costs."""

    consented_on: Day = Field(description="the day the member decided to take part")


class Weights(Body):
    """均等割, 人口割 and 利用割 as decimal strings; they must sum to exactly 1."""

    equal: DecimalString
    population: DecimalString
    usage: DecimalString


class MemberUsage(Body):
    code: Code
    usage: Annotated[
        Decimal | None,
        Field(
            ge=0,
            le=10**12,
            max_digits=18,
            decimal_places=6,
            description="e.g. meals served or visits; needed if usage is weighted",
        ),
    ] = None


class CostSharingPut(Body):
    cost_yen: Yen
    weights: Weights
    members: Annotated[
        list[MemberUsage], Field(min_length=1, max_length=100, description="every member once")
    ]
    remainder_to: Code = Field(description="the member that takes the rounding remainder")
    agreed_on: Day


class MemberSharePublic(BaseModel):
    code: str
    population: int | None
    population_year: int | None
    usage: str | None
    share_yen: int
    exact_yen: str = Field(description="the unrounded share, to 2 decimal places")


class CostSharingPublic(Public):
    shared_service_id: str
    fiscal_year: int
    cost_yen: int
    weights: dict[str, str]
    remainder_to: str
    members: list[MemberSharePublic]
    agreed_on: date
    revision: int
    population_sources: list[str] = Field(description="attribution of the population figures used")


class MemberConsentPublic(Public):
    code: str
    consent: Annotated[Consent, AS_LITERAL] = Field(description="pending members may not be billed")
    consent_basis: Annotated[ConsentBasis, AS_LITERAL] | None = Field(
        description="lead: it registered the service; agreement: a party, with the lead, of the linked "
        "agreement; stated: it recorded its consent"
    )
    consented_on: date | None


class SharedServicePublic(Public):
    id: str
    name: str
    category: Category
    area_id: str | None
    agreement_id: str | None
    description: str | None
    lead_code: str
    members: list[str] = Field(validation_alias=AliasChoices("member_codes", "members"))
    member_consents: list[MemberConsentPublic] = Field(
        validation_alias=AliasChoices("members", "member_consents"),
        description="each member's consent; costs are shared only once every member consented",
    )
    cost_sharings: list[CostSharingPublic]
    created_at: datetime


class SharedServicesPublic(Page):
    data: list[SharedServicePublic]
