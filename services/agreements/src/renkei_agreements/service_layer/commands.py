"""What each write asks for, as plain frozen dataclasses: routes build them, use cases take nothing else.

Field names follow the request bodies, so a route builds most of them with `to_command`; values the
service stores as given (consensus rules, an agreement's subjects) stay JSON-ready mappings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from renkei_agreements.domain.consensus import Position
from renkei_agreements.domain.lifecycle import Step
from renkei_agreements.domain.vocabulary import (
    AgreementKind,
    AreaType,
    Authority,
    BondField,
    MemberRole,
    ProposalSubject,
    SharedServiceCategory,
)

Json = dict[str, Any]  # content stored as given (JSON-ready), e.g. consensus rules


# Agreements (連携協約 / 定住自立圏形成協定)


@dataclass(frozen=True)
class RoleDivision:
    party: str
    role: str


@dataclass(frozen=True)
class DraftAgreement:
    kind: AgreementKind
    parties: tuple[str, str]
    title: str
    policy: str | None = None
    subjects: tuple[Json, ...] = ()
    role_division: tuple[RoleDivision, ...] = ()
    area_id: str | None = None
    effective_on: date | None = None
    consensus_rules: Json | None = None


@dataclass(frozen=True)
class SetConsensusRules:
    consensus_rules: Json | None


@dataclass(frozen=True)
class RecordStep:
    step: Step
    on: date
    party: str | None = None
    number: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class StartAmendment:
    """Content left None is carried over from the version in force."""

    title: str | None = None
    policy: str | None = None
    subjects: tuple[Json, ...] | None = None
    role_division: tuple[RoleDivision, ...] | None = None
    effective_on: date | None = None
    reason: str | None = None


@dataclass(frozen=True)
class StartTermination:
    reason: str
    effective_on: date | None = None


@dataclass(frozen=True)
class Withdrawal:
    withdrawn_on: date
    reason: str


@dataclass(frozen=True)
class RecordRecommendation:
    issued_by: Authority
    received_on: date
    summary: str
    reference_number: str | None = None


@dataclass(frozen=True)
class ApplyForSettlement:
    applied_on: date
    matter: str


@dataclass(frozen=True)
class UpdateDispute:
    plan_presented_on: date | None = None
    plan_summary: str | None = None
    closed_on: date | None = None


# Areas


@dataclass(frozen=True)
class CentreIn:
    code: str
    day_night_ratio: Decimal | None = None


@dataclass(frozen=True)
class DeclaredMember:
    code: str
    role: MemberRole = MemberRole.PARTNER
    since: date | None = None
    until: date | None = None
    commuting_share: Decimal | None = None


@dataclass(frozen=True)
class DeclareArea:
    area_type: AreaType
    name: str
    declared_on: date
    centres: tuple[CentreIn, ...]
    centres_adjacent: bool | None = None
    members: tuple[DeclaredMember, ...] = ()
    consensus_rules: Json | None = None


@dataclass(frozen=True)
class UpdateArea:
    name: str | None = None
    consensus_rules: Json | None = None
    consensus_rules_given: bool = False  # null given clears the rules; absent keeps them


@dataclass(frozen=True)
class RecordRuleOverride:
    """An exception to a blocking requirement rule approved for one centre (domain.rules.RuleOverride)."""

    rule: str
    centre_code: str
    reason: str
    approved_by: str
    approved_on: date


@dataclass(frozen=True)
class AddMember:
    code: str
    since: date
    role: MemberRole = MemberRole.PARTNER
    until: date | None = None


@dataclass(frozen=True)
class EndMembership:
    until: date | None


# Consensus (合意形成)


@dataclass(frozen=True)
class OpenProposal:
    subject_type: ProposalSubject
    subject_id: str
    title: str
    opened_on: date
    text: str | None = None
    partners: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RecordPosition:
    position: Position
    stated_on: date
    partner: str | None = None
    reasons: str | None = None


# Shared facilities and joint tasks


@dataclass(frozen=True)
class RegisterSharedService:
    name: str
    category: SharedServiceCategory
    lead_code: str
    members: tuple[str, ...]
    area_id: str | None = None
    agreement_id: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ConsentToSharedService:
    consented_on: date


@dataclass(frozen=True)
class Weights:
    equal: str  # decimal strings, kept exactly as agreed
    population: str
    usage: str


@dataclass(frozen=True)
class MemberUsage:
    code: str
    usage: Decimal | None = None
    fiscal_need_yen: int | None = None
    tonnage: Decimal | None = None


@dataclass(frozen=True)
class BasisWeights:
    equal: str = "0"  # decimal strings, kept exactly as agreed
    population: str = "0"
    usage: str = "0"
    fiscal_need: str = "0"
    tonnage: str = "0"


@dataclass(frozen=True)
class WeightPeriodIn:
    weights: BasisWeights
    from_fy: int | None = None
    to_fy: int | None = None


@dataclass(frozen=True)
class CostClassIn:
    cost_class: str
    cost_yen: int
    schedule: tuple[WeightPeriodIn, ...]


@dataclass(frozen=True)
class AgreeCostSharing:
    """Either the single-cost shape (`cost_yen` and `weights`) or `classes`, one formula per cost class."""

    fiscal_year: int
    members: tuple[MemberUsage, ...]
    remainder_to: str
    agreed_on: date
    cost_yen: int | None = None
    weights: Weights | None = None
    classes: tuple[CostClassIn, ...] | None = None
    rounding: str = "floor_to_yen"


# Visions (都市圏ビジョン / 共生ビジョン)


@dataclass(frozen=True)
class BudgetIn:
    fiscal_year: int
    municipality_code: str
    amount_yen: int


@dataclass(frozen=True)
class ProjectIn:
    name: str
    field: str
    role: str
    bond_eligibility: BondField | None = None
    budgets: tuple[BudgetIn, ...] = ()


@dataclass(frozen=True)
class TargetIn:
    fiscal_year: int
    value: float


@dataclass(frozen=True)
class KpiIn:
    name: str
    unit: str
    baseline_fiscal_year: int | None = None
    baseline_value: float | None = None
    targets: tuple[TargetIn, ...] = ()
    project_index: int | None = None


@dataclass(frozen=True)
class DraftVision:
    area_id: str
    first_fiscal_year: int
    last_fiscal_year: int
    title: str | None = None
    projects: tuple[ProjectIn, ...] = ()
    kpis: tuple[KpiIn, ...] = ()


@dataclass(frozen=True)
class ReviseVision:
    """Lists given replace the current ones; None keeps them."""

    title: str | None = None
    first_fiscal_year: int | None = None
    last_fiscal_year: int | None = None
    projects: tuple[ProjectIn, ...] | None = None
    kpis: tuple[KpiIn, ...] | None = None


@dataclass(frozen=True)
class AdoptVision:
    adopted_on: date


@dataclass(frozen=True)
class ReportKpi:
    fiscal_year: int
    value: float
    reported_on: date
