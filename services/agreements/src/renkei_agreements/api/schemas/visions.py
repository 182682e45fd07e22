"""Schemas of /v1/visions: 都市圏ビジョン / 共生ビジョン with projects, budgets and KPIs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field
from renkei_common.api_deps import Public
from renkei_common.schema_types import Yen

from renkei_agreements.api.schemas.common import (
    AS_LITERAL,
    Body,
    Code,
    Day,
    FiscalYear,
    Page,
    ResourceId,
    ShortText,
)
from renkei_agreements.domain.vocabulary import AreaType, BondField, VisionStatus

Value = Annotated[float, Field(ge=-1e15, le=1e15, allow_inf_nan=False)]
Bond = Annotated[BondField, AS_LITERAL]


class BudgetIn(Body):
    fiscal_year: FiscalYear
    municipality_code: Code
    amount_yen: Yen


class ProjectIn(Body):
    name: ShortText
    field: Annotated[
        str, Field(min_length=1, max_length=100, description="policy field, e.g. 医療, 産業振興")
    ]
    role: Annotated[
        str, Field(min_length=1, max_length=40, description="the area role it serves, e.g. life_services")
    ]
    bond_eligibility: Bond | None = Field(
        default=None, description="共生ビジョン only: 地域活性化事業債 field"
    )
    budgets: Annotated[list[BudgetIn], Field(max_length=500)] = Field(default_factory=list)


class TargetIn(Body):
    fiscal_year: FiscalYear
    value: Value


class KpiIn(Body):
    name: ShortText
    unit: Annotated[str, Field(min_length=1, max_length=50)]
    baseline_fiscal_year: FiscalYear | None = None
    baseline_value: Value | None = None
    targets: Annotated[list[TargetIn], Field(max_length=20)] = Field(default_factory=list)
    project_index: Annotated[int | None, Field(ge=0, le=199, description="the project it measures")] = None


class VisionCreate(Body):
    area_id: ResourceId
    title: ShortText | None = Field(default=None, description="default: the area name + ビジョン")
    first_fiscal_year: FiscalYear
    last_fiscal_year: FiscalYear
    projects: Annotated[list[ProjectIn], Field(max_length=200)] = Field(default_factory=list)
    kpis: Annotated[list[KpiIn], Field(max_length=200)] = Field(default_factory=list)


class VisionUpdate(Body):
    title: ShortText | None = None
    first_fiscal_year: FiscalYear | None = None
    last_fiscal_year: FiscalYear | None = None
    projects: Annotated[list[ProjectIn] | None, Field(max_length=200)] = None
    kpis: Annotated[list[KpiIn] | None, Field(max_length=200)] = None


class AdoptionCreate(Body):
    adopted_on: Day


class KpiActualCreate(Body):
    fiscal_year: FiscalYear
    value: Value
    reported_on: Day


class BudgetPublic(BaseModel):
    fiscal_year: int
    municipality_code: str
    amount_yen: int


class ProjectPublic(Public):
    id: str
    name: str
    field: str
    role: str
    bond_eligibility: Bond | None
    budgets: list[BudgetPublic]
    total_yen: int


class KpiYear(BaseModel):
    fiscal_year: int
    target: float | None
    actual: float | None = Field(description="the latest report for the year")


class ActualPublic(Public):
    fiscal_year: int
    value: float
    reported_on: date
    recorded_by_org: str
    recorded_at: datetime


class KpiReportPublic(BaseModel):
    """One reported actual value, with the target of its year."""

    kpi_id: str
    fiscal_year: int
    value: float
    target: float | None
    reported_on: date
    recorded_by_org: str
    recorded_at: datetime


class KpiPublic(BaseModel):
    id: str
    project_id: str | None
    name: str
    unit: str
    baseline_fiscal_year: int | None
    baseline_value: float | None
    years: list[KpiYear] = Field(description="target against actual for every fiscal year of the vision")
    reports: list[ActualPublic]


class VisionPublic(BaseModel):
    id: str
    area_id: str
    area_type: Annotated[AreaType, AS_LITERAL]
    title: str
    first_fiscal_year: int
    last_fiscal_year: int
    status: Annotated[VisionStatus, AS_LITERAL]
    adopted_on: date | None
    projects: list[ProjectPublic]
    kpis: list[KpiPublic]
    created_at: datetime


class VisionsPublic(Page):
    data: list[VisionPublic]
