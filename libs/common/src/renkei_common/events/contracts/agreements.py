"""Contracts of the agreements service: municipalities, areas, agreements, visions, KPIs, cost sharing."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from renkei_common.events.contracts.base import (
    AS_LITERAL,
    AgreementKind,
    AreaType,
    EventPayload,
    LocalGovernmentCode,
)


class DeclarationKind(StrEnum):
    RENKEI_CHUSU_TOSHI_SENGEN = "renkei_chusu_toshi_sengen"  # 連携中枢都市宣言
    CHUSHIN_SHI_SENGEN = "chushin_shi_sengen"  # 中心市宣言


class AreaChange(StrEnum):
    MEMBER_ADDED = "member_added"
    MEMBER_CHANGED = "member_changed"
    DETAILS_CHANGED = "details_changed"


class Confidence(StrEnum):
    """How firmly a requirement rule rests on a public primary source."""

    SEED = "seed"
    PUBLIC = "public"
    UNCONFIRMED = "unconfirmed"


class SharedServiceCategory(StrEnum):
    FACILITY = "facility"  # 公共施設の集約化・共同利用
    JOINT_TASK = "joint_task"  # 事務の共同実施


# Enum fields published before they were enums keep their inline Literal schemas (AS_LITERAL).
AreaTypeField = Annotated[AreaType, AS_LITERAL]
KindField = Annotated[AgreementKind, AS_LITERAL]


class _Agreements(EventPayload):
    service: ClassVar[str] = "agreements"


class Party(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    code: LocalGovernmentCode
    name: str
    role: str = Field(description="centre or partner within an area, otherwise party")
    kind: str | None = Field(
        default=None, description="prefecture, designated_city, city, town, village, ..."
    )
    flags: list[str] = Field(
        default_factory=list, description="designated_city, core_city, prefectural_capital"
    )


class MunicipalityUpdated(_Agreements):
    event_name: ClassVar[str] = "MunicipalityUpdated"
    aggregate: ClassVar[str] = "municipality"
    description: ClassVar[str] = "Reference data of a local government changed (e.g. a population refresh)."
    public: ClassVar[bool] = True  # published reference data (総務省 団体コード, 国勢調査 population)
    code: LocalGovernmentCode
    name: str
    kind: str
    prefecture_code: str
    population: int | None
    population_year: int | None
    flags: list[str] = Field(default_factory=list)
    population_source: str | None = Field(default=None, description="attribution of the population figure")
    previous_population: int | None = None
    previous_population_year: int | None = None


class AreaMember(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    code: LocalGovernmentCode
    role: str
    since: date
    until: date | None = None


class RequirementWarning(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    rule: str = Field(description="id of the requirement rule, e.g. settlement.centre_population_guideline")
    field: str
    message: str
    confidence: Annotated[Confidence, AS_LITERAL]
    source: str


class AreaDeclared(_Agreements):
    event_name: ClassVar[str] = "AreaDeclared"
    aggregate: ClassVar[str] = "area"
    description: ClassVar[str] = (
        "A centre city declared an area (連携中枢都市宣言 or 中心市宣言), "
        "or other wide-area cooperation was formed."
    )
    area_id: str
    area_type: AreaTypeField
    name: str
    centre_codes: list[LocalGovernmentCode]
    declared_on: date
    declaration_kind: Annotated[DeclarationKind, AS_LITERAL] | None = None
    members: list[AreaMember] = Field(default_factory=list)
    warnings: list[RequirementWarning] = Field(default_factory=list)


class AreaUpdated(_Agreements):
    event_name: ClassVar[str] = "AreaUpdated"
    aggregate: ClassVar[str] = "area"
    description: ClassVar[str] = (
        "An area's members, their roles or periods, or its name changed; carries the full state."
    )
    area_id: str
    area_type: AreaTypeField
    name: str
    centre_codes: list[LocalGovernmentCode]
    change: Annotated[AreaChange, AS_LITERAL]
    members: list[AreaMember] = Field(default_factory=list)


class AgreementSigned(_Agreements):
    event_name: ClassVar[str] = "AgreementSigned"
    aggregate: ClassVar[str] = "agreement"
    description: ClassVar[str] = "A bilateral agreement completed every step and is in force."
    agreement_id: str
    agreement_version: int
    kind: KindField
    title: str
    parties: list[Party]
    area_id: str | None = None
    area_type: AreaTypeField | None = None
    concluded_on: date
    in_force_on: date
    subjects: list[str] = Field(default_factory=list)


class AgreementAmended(AgreementSigned):
    event_name: ClassVar[str] = "AgreementAmended"
    description: ClassVar[str] = (
        "A new version of an agreement completed every step and replaced the previous one."
    )
    previous_version: int


class AgreementTerminated(_Agreements):
    event_name: ClassVar[str] = "AgreementTerminated"
    aggregate: ClassVar[str] = "agreement"
    description: ClassVar[str] = "An agreement's termination completed every step; it is no longer in force."
    agreement_id: str
    agreement_version: int
    parties: list[Party]
    area_id: str | None = None
    terminated_on: date
    kind: KindField | None = None
    title: str | None = None


class ProjectBudget(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    fiscal_year: int
    municipality_code: LocalGovernmentCode
    amount_yen: int


class VisionProject(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    project_id: str
    name: str
    field: str
    role: str
    bond_eligibility: str | None = None
    budgets: list[ProjectBudget] = Field(default_factory=list)


class VisionAdopted(_Agreements):
    event_name: ClassVar[str] = "VisionAdopted"
    aggregate: ClassVar[str] = "vision"
    description: ClassVar[str] = "An area vision (都市圏ビジョン or 共生ビジョン) was adopted."
    vision_id: str
    area_id: str
    area_type: AreaTypeField
    title: str
    first_fiscal_year: int
    last_fiscal_year: int
    adopted_on: date
    projects: list[VisionProject] = Field(default_factory=list)


class KpiReported(_Agreements):
    event_name: ClassVar[str] = "KpiReported"
    aggregate: ClassVar[str] = "vision"
    description: ClassVar[str] = "An actual KPI value was reported for a fiscal year."
    vision_id: str
    kpi_id: str
    name: str
    unit: str
    fiscal_year: int
    actual: float
    target: float | None = None
    area_id: str | None = None
    centre_codes: list[LocalGovernmentCode] = Field(
        default_factory=list,
        description="the area's centre cities (中心市), which report the KPI;"
        " they and their prefectures see it (ADR 0011)",
    )


class ClassShare(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    cost_class: str = Field(
        description="construction (建設費), operation (運営費) or maintenance (維持管理費)"
    )
    share_yen: int = Field(description="this member's share of the class; a class's shares sum to its cost")


class CostShare(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    municipality_code: LocalGovernmentCode
    share_yen: int = Field(
        description="this member's share of the whole FY cost in integer yen (the sum of its `classes`); "
        "the shares sum to cost_yen"
    )
    population: int | None = None
    population_year: int | None = None
    usage: str | None = Field(default=None, description="usage figure as a decimal string")
    fiscal_need_yen: int | None = Field(default=None, description="基準財政需要額 in yen, when weighted")
    tonnage: str | None = Field(
        default=None, description="累積搬入量 in tonnes as a decimal string, when weighted"
    )
    classes: list[ClassShare] = Field(default_factory=list, description="the share per cost class")


class CostWeightPeriod(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    from_fy: int | None = Field(description="first FY of the period; null: open-ended")
    to_fy: int | None = Field(description="last FY of the period; null: open-ended")
    weights: dict[str, str] = Field(
        description="basis (equal, population, usage, fiscal_need, tonnage) to decimal string; sum 1"
    )


class CostClassFormula(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    cost_class: str = Field(
        description="construction (建設費), operation (運営費) or maintenance (維持管理費)"
    )
    cost_yen: int
    weights: dict[str, str] = Field(description="the weights applied in this FY, from `schedule`")
    schedule: list[CostWeightPeriod] = Field(
        description="the weights by FY range, in order, no gap or overlap"
    )


class CostSharingAgreed(_Agreements):
    event_name: ClassVar[str] = "CostSharingAgreed"
    aggregate: ClassVar[str] = "shared_service"
    description: ClassVar[str] = (
        "Members agreed how to share the yearly cost of a joint task or shared facility."
    )
    shared_service_id: str
    name: str
    category: Annotated[SharedServiceCategory, AS_LITERAL]
    area_id: str | None = None
    fiscal_year: int
    cost_yen: int
    equal_weight: str = Field(
        description="decimal string; the weights of the first cost class (the only one in a single-class "
        "formula on these three bases, where the three sum to 1); `classes` has every class's weights"
    )
    population_weight: str
    usage_weight: str
    remainder_to: LocalGovernmentCode
    members: list[CostShare]
    agreed_on: date
    revision: int = Field(
        description="1 for the first sharing of this fiscal year, then 2, 3, ... on changes"
    )
    rounding: str = Field(
        default="floor_to_yen",
        description="the stated rounding of each share: floor_to_yen, or truncate_under_1000 "
        "(千円未満切捨て); what it cuts off goes to remainder_to",
    )
    classes: list[CostClassFormula] = Field(
        default_factory=list, description="the formula per cost class; cost_yen is the sum of their costs"
    )
    cause: str = Field(
        default="agreed",
        description="agreed: the lead agreed the sharing; population_import: an import changed the inputs "
        "and agreements recomputed it",
    )
