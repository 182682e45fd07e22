"""Schemas of the effects of designation and of supervision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field
from renkei_common.api_deps import Body, Day, FiscalYear, Public

from renkei_groups.api.schemas.applications import RepresentativeIn
from renkei_groups.api.schemas.common import Address, GroupId, Name, NoticeNumber, Text, Yen
from renkei_groups.domain.kinds import CoordinationStatus, SupervisionKind, SupportKind

AssetId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{1,100}$", description="the municipality's asset id")]


class ChangeIn(Body):
    changed_on: Day
    notice_number: NoticeNumber
    name: Name | None = None
    office: Address | None = None
    representative: RepresentativeIn | None = None


class SupportIn(Body):
    kind: SupportKind
    fiscal_year: FiscalYear
    purpose: Text
    granted_on: Day
    amount_yen: Yen | None = Field(default=None, description="a grant's amount; none for information")


class SupportPublic(Public):
    id: str
    group_id: str
    kind: SupportKind
    amount_yen: int | None
    fiscal_year: int
    purpose: str
    granted_on: date


class CoordinationIn(Body):
    subject: Text
    counterparties: Annotated[list[Name], Field(min_length=1, max_length=50)]
    received_on: Day | None = None


class CoordinationUpdate(Body):
    status: CoordinationStatus
    answer: Annotated[str, Field(max_length=10_000)] | None = None
    answered_on: Day | None = None


class CoordinationPublic(Public):
    id: str
    group_id: GroupId
    municipality_code: str
    subject: str
    counterparties: list[str]
    status: CoordinationStatus
    received_on: date
    due_on: date
    answer: str | None
    answered_on: date | None


class CoordinationsPublic(BaseModel):
    data: list[CoordinationPublic]
    next_cursor: str | None


class LeaseIn(Body):
    asset_id: AssetId
    asset_name: Name
    part: Name | None = Field(default=None, description="the part leased (a room, a floor); none: the whole")
    start_on: Day
    end_on: Day
    rent_yen: Yen = Field(description="rent over the period; 0 when free")
    rent_reduced: bool = False


class LeasePublic(Public):
    id: str
    group_id: str
    asset_id: str
    asset_name: str
    part: str | None
    start_on: date
    end_on: date
    rent_yen: int
    rent_reduced: bool


class ContractIn(Body):
    subject: Text
    amount_yen: Yen
    fiscal_year: FiscalYear
    start_on: Day
    end_on: Day
    awarded_on: Day


class ContractPublic(Public):
    id: str
    group_id: str
    subject: str
    amount_yen: int
    fiscal_year: int
    start_on: date
    end_on: date
    awarded_on: date


class EffectsPublic(BaseModel):
    supports: list[SupportPublic]
    coordination_requests: list[CoordinationPublic]
    leases: list[LeasePublic]
    contracts: list[ContractPublic]


class ReportIn(Body):
    fiscal_year: FiscalYear
    summary: Annotated[str, Field(min_length=1, max_length=10_000)]
    filed_on: Day | None = None


class ReportPublic(Public):
    id: str
    group_id: str
    fiscal_year: int
    filed_on: date
    recorded_at: datetime


class OverdueReportPublic(Public):
    group_id: str
    group_name: str
    fiscal_year: int
    due_on: date


class OverdueReportsPublic(BaseModel):
    data: list[OverdueReportPublic]


class SupervisionActIn(Body):
    kind: SupervisionKind
    issued_on: Day
    summary: Annotated[str, Field(min_length=1, max_length=10_000)]
    due_on: Day | None = None


class SupervisionActPublic(Public):
    id: str
    group_id: str
    kind: SupervisionKind
    issued_on: date
    due_on: date | None
    summary: str


class RevocationIn(Body):
    revoked_on: Day
    reasons: Annotated[str, Field(max_length=4000)]
    notice_number: NoticeNumber


class RevocationPublic(BaseModel):
    group_id: str
    status: str
    revoked_on: date
    active_leases: list[LeasePublic] = Field(description="leases still running: review them")
    active_contracts: list[ContractPublic] = Field(description="contracts still running: review them")
