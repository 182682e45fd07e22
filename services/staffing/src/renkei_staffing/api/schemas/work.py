"""Schemas of recruitments, needs with their candidates, dispatches and costs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from renkei_staffing.api.schemas.common import (
    Body,
    Code,
    Count,
    Day,
    FiscalYear,
    LongText,
    MachineCode,
    Page,
    ResourceId,
    ShortText,
    Yen,
)
from renkei_staffing.domain.enums import (
    CostKind,
    DispatchStatus,
    EndReason,
    FlagReason,
    NeedStatus,
    RecruitmentCostItem,
)

Note = Annotated[str, Field(max_length=2000)]


class RecruitmentCreate(Body):
    employer_code: Code
    profession_code: MachineCode
    fiscal_year: FiscalYear
    title: ShortText
    headcount_sought: Annotated[Count, Field(ge=1)]
    headcount_hired: Count = 0


class RecruitmentUpdate(Body):
    headcount_sought: Annotated[Count | None, Field(ge=1)] = None
    headcount_hired: Count | None = None


class RecruitmentCostCreate(Body):
    item: RecruitmentCostItem
    amount_yen: Yen
    note: Note | None = None


class CostPublic(BaseModel):
    id: str
    kind: CostKind
    employer_code: str
    profession_code: str
    fiscal_year: int
    month: int | None
    amount_yen: int
    item: RecruitmentCostItem | None
    breakdown: dict[str, int] | None
    recruitment_id: str | None
    dispatch_id: str | None
    note: str | None
    created_at: datetime


class CostsPublic(BaseModel):
    data: list[CostPublic]


class RecruitmentPublic(BaseModel):
    id: str
    employer_code: str
    profession_code: str
    fiscal_year: int
    title: str
    headcount_sought: int
    headcount_hired: int
    costs: list[CostPublic] = []


class RecruitmentsPublic(Page):
    data: list[RecruitmentPublic]


class NeedCreate(Body):
    municipality_code: Code
    profession_code: MachineCode
    starts_on: Day
    ends_on: Day
    workload_percent: Annotated[
        int, Field(ge=1, le=100, strict=True, description="share of a full-time post")
    ]
    description: LongText = ""


class NeedPublic(BaseModel):
    id: str
    municipality_code: str
    profession_code: str
    starts_on: date
    ends_on: date
    workload_percent: int
    description: str
    status: NeedStatus
    dispatch_id: str | None
    created_at: datetime


class NeedsPublic(Page):
    data: list[NeedPublic]


class FactorPublic(BaseModel):
    factor: str = Field(description="profession, employment, licences, availability, continuity, ...")
    points: int
    passed: bool
    detail: str


class CandidatePublic(BaseModel):
    rank: int
    specialist_id: str
    display_name: str
    employer_code: str
    score: int
    factors: list[FactorPublic]


class CandidatesPublic(BaseModel):
    need_id: str
    data: list[CandidatePublic]


class DispatchCreate(Body):
    specialist_id: ResourceId
    receiving_code: Code
    agreement_id: ResourceId = Field(description="the 連携協約 the dispatch rests on")
    starts_on: Day
    ends_on: Day
    need_id: ResourceId | None = None


class DispatchEnd(Body):
    ended_on: Day = Field(description="the last day of the dispatch")
    reason: EndReason
    note: Note | None = None


class PersonnelCostCreate(Body):
    fiscal_year: FiscalYear
    month: Annotated[int | None, Field(ge=1, le=12, strict=True, description="null for a whole FY")] = None
    salary_yen: Yen
    allowances_yen: Yen = 0
    social_insurance_yen: Yen = 0
    note: Note | None = None


class DispatchPublic(BaseModel):
    id: str
    specialist_id: str
    profession_code: str
    employer_code: str
    receiving_code: str
    agreement_id: str
    need_id: str | None
    starts_on: date
    ends_on: date
    status: DispatchStatus
    ended_on: date | None
    end_reason: EndReason | None
    flagged_at: datetime | None = Field(description="set when the agreement was terminated before the end")
    agreement_terminated_on: date | None
    flag_reason: FlagReason | None


class DispatchesPublic(Page):
    data: list[DispatchPublic]


class CostLinePublic(BaseModel):
    cost_id: str
    kind: CostKind
    profession_code: str
    month: int | None
    amount_yen: int
    eligible_yen: int
    ineligible_yen: int
    ineligible_reason: str | None
    dispatch_id: str | None
    recruitment_id: str | None


class CostReportPublic(BaseModel):
    employer_code: str
    fiscal_year: int
    eligible_yen: int
    ineligible_yen: int
    ineligible_by_reason: dict[str, int]
    lines: list[CostLinePublic]


class GroupPublic(BaseModel):
    key: str
    label: str
    dispatches: int


class DispatchGroupsPublic(BaseModel):
    by: str
    on: date
    data: list[GroupPublic]


class CoveragePublic(BaseModel):
    open: int
    filled: int
    cancelled: int
    unfilled_days: int
    unfilled_longer: int = Field(description="open needs stated more than unfilled_days days ago")
    unfilled_longer_ids: list[str]
