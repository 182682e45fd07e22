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
    FiscalYear,
    Page,
    ResourceId,
    ShortText,
)
from renkei_agreements.domain.cost_formula import CostClass
from renkei_agreements.domain.cost_sharing import Rounding
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


Figure = Annotated[Decimal, Field(ge=0, le=10**12, max_digits=18, decimal_places=6)]


class MemberUsage(Body):
    """構成団体と、その団体の按分基礎数値 (人口は団体コードの登録値を使う)."""

    code: Code
    usage: Annotated[
        Figure | None, Field(description="利用割の基礎数値 (給食数、利用者数等); 利用割に重みがあれば必須")
    ] = None
    fiscal_need_yen: Annotated[
        Yen | None, Field(description="基準財政需要額 (円); 基準財政需要額割に重みがあれば必須")
    ] = None
    tonnage: Annotated[
        Figure | None, Field(description="累積搬入量 (トン); 累積搬入量割に重みがあれば必須")
    ] = None


class BasisWeights(Body):
    """按分割合: 各基礎の重み (0〜1 の10進文字列)、合計は正確に 1。省略した基礎は 0。"""

    equal: DecimalString = Field(default="0", description="均等割")
    population: DecimalString = Field(default="0", description="人口割 (登録された国勢調査人口)")
    usage: DecimalString = Field(default="0", description="利用割")
    fiscal_need: DecimalString = Field(default="0", description="基準財政需要額割")
    tonnage: DecimalString = Field(default="0", description="累積搬入量割")


class WeightPeriodIn(Body):
    """ある年度範囲に適用する按分割合 (例: 令和8年度まで 均等割10%・人口割90%)。"""

    from_fy: FiscalYear | None = Field(default=None, description="適用開始年度 (省略: 最初から)")
    to_fy: FiscalYear | None = Field(default=None, description="適用終了年度 (省略: 以後ずっと)")
    weights: BasisWeights


class CostClassIn(Body):
    """経費区分ごとの負担金算定式: 経費と、年度ごとの按分割合 (年度順、空白・重複なし)。"""

    cost_class: Annotated[CostClass, AS_LITERAL] = Field(
        description="construction: 建設費, operation: 運営費, maintenance: 維持管理費"
    )
    cost_yen: Yen = Field(description="この区分の当該年度の経費 (円)")
    schedule: Annotated[list[WeightPeriodIn], Field(min_length=1, max_length=20)]


class CostSharingPut(Body):
    """当該年度の負担金の按分: `classes` (経費区分ごと) か、従来の `cost_yen` と `weights` のどちらか一方。"""

    cost_yen: Yen | None = Field(default=None, description="従来形式: 経費の総額 (円)")
    weights: Weights | None = Field(default=None, description="従来形式: 均等割・人口割・利用割")
    classes: Annotated[list[CostClassIn] | None, Field(min_length=1, max_length=3)] = Field(
        default=None, description="経費区分ごとの算定式"
    )
    members: Annotated[
        list[MemberUsage], Field(min_length=1, max_length=100, description="every member once")
    ]
    remainder_to: Code = Field(
        description="端数を負担する団体 (the member that takes the rounding remainder)"
    )
    rounding: Annotated[Rounding, AS_LITERAL] = Field(
        default=Rounding.FLOOR_TO_YEN,
        description="端数処理: floor_to_yen (円未満切捨て) or truncate_under_1000 (千円未満切捨て)、"
        "切り捨てた額は remainder_to の負担",
    )
    agreed_on: Day


class ClassSharePublic(BaseModel):
    cost_class: str
    share_yen: int
    exact_yen: str = Field(description="the unrounded share of the class, to 2 decimal places")
    arithmetic: str = Field(description="the share in words: each basis, the sum, the rounding")


class MemberSharePublic(BaseModel):
    code: str
    population: int | None
    population_year: int | None
    usage: str | None
    fiscal_need_yen: int | None = None
    tonnage: str | None = None
    share_yen: int = Field(description="the member's share of the whole cost: the sum of its classes")
    exact_yen: str = Field(description="the unrounded share, to 2 decimal places")
    classes: list[ClassSharePublic] = Field(default=[], description="the share of each cost class")


class WeightPeriodPublic(BaseModel):
    from_fy: int | None
    to_fy: int | None
    weights: dict[str, str]


class CostClassPublic(BaseModel):
    cost_class: str
    cost_yen: int
    weights: dict[str, str] = Field(description="the weights applied in this FY")
    schedule: list[WeightPeriodPublic]


class CostSharingPublic(Public):
    shared_service_id: str
    fiscal_year: int
    cost_yen: int
    weights: dict[str, str] = Field(description="the first class's equal, population and usage weights")
    remainder_to: str
    rounding: str
    classes: list[CostClassPublic]
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
