"""Area visions (都市圏ビジョン / 共生ビジョン): period, projects with budgets, and KPIs with targets."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from renkei_common.domain_errors import RuleViolation, StateConflict, Violation
from renkei_common.i18n import msg

from renkei_agreements.domain.vocabulary import AreaType, BondField, VisionStatus

MAX_PERIOD_YEARS = 10
VISION_TITLES = {AreaType.METROPOLITAN: "都市圏ビジョン", AreaType.SETTLEMENT: "共生ビジョン"}
# The roles an area serves (連携中枢都市圏構想推進要綱, 定住自立圏構想推進要綱; docs/domain.md §4).
ROLES_BY_AREA_TYPE: dict[AreaType, tuple[str, ...]] = {
    # 圏域全体の経済成長のけん引 / 高次の都市機能の集積・強化 / 生活関連機能サービスの向上
    AreaType.METROPOLITAN: ("economic_growth", "urban_functions", "life_services"),
    # 生活機能の強化 / 結びつきやネットワークの強化 / 圏域マネジメント能力の強化
    AreaType.SETTLEMENT: ("life_functions", "networks", "management_capacity"),
}
# 地域活性化事業債 covers 定住自立圏 projects only in these fields (docs/domain.md §4, after 総務省
# 「地方自治体の広域連携及び多様な主体との連携・協働について」2024-11-25).
BOND_FIELDS = tuple(BondField)


@dataclass(frozen=True)
class Budget:
    fiscal_year: int
    municipality_code: str
    amount_yen: int


@dataclass(frozen=True)
class ProjectDraft:
    name: str
    field: str
    role: str
    bond_eligibility: BondField | None = None
    budgets: tuple[Budget, ...] = ()


@dataclass(frozen=True)
class KpiDraft:
    name: str
    unit: str
    baseline_fiscal_year: int | None = None
    baseline_value: float | None = None
    targets: tuple[tuple[int, float], ...] = ()
    project_index: int | None = None


@dataclass(frozen=True)
class VisionDraft:
    area_type: AreaType
    first_fiscal_year: int
    last_fiscal_year: int
    projects: tuple[ProjectDraft, ...] = ()
    kpis: tuple[KpiDraft, ...] = field(default_factory=tuple)

    def covers(self, fiscal_year: int) -> bool:
        return self.first_fiscal_year <= fiscal_year <= self.last_fiscal_year


def check_vision(draft: VisionDraft, *, participants: Collection[str]) -> None:
    """Every broken rule of a draft vision at once; `participants` are the area's centre and members."""
    if draft.area_type not in ROLES_BY_AREA_TYPE:
        raise RuleViolation(
            "area_id",
            "area_has_vision",
            msg("agreements.area_has_vision"),
        )
    violations: list[Violation] = []
    span = draft.last_fiscal_year - draft.first_fiscal_year + 1
    if not 1 <= span <= MAX_PERIOD_YEARS:
        violations.append(
            Violation(
                "last_fiscal_year",
                "period",
                msg("agreements.period", MAX_PERIOD_YEARS=MAX_PERIOD_YEARS, span=span),
            )
        )
    for i, project in enumerate(draft.projects):
        violations += _project(draft, project, f"projects[{i}]", participants)
    for i, kpi in enumerate(draft.kpis):
        violations += _kpi(draft, kpi, f"kpis[{i}]")
    if violations:
        raise RuleViolation(violations=violations)


def _project(
    draft: VisionDraft, project: ProjectDraft, where: str, participants: Collection[str]
) -> list[Violation]:
    found: list[Violation] = []
    roles = ROLES_BY_AREA_TYPE[draft.area_type]
    if project.role not in roles:
        found.append(
            Violation(
                f"{where}.role",
                "area_role",
                msg("agreements.area_role", draft_area_type=draft.area_type, value=", ".join(roles)),
            )
        )
    if project.bond_eligibility is not None:
        if draft.area_type != AreaType.SETTLEMENT:
            found.append(
                Violation(
                    f"{where}.bond_eligibility",
                    "settlement_only",
                    msg("agreements.settlement_only"),
                )
            )
        elif project.bond_eligibility not in BOND_FIELDS:
            found.append(
                Violation(
                    f"{where}.bond_eligibility",
                    "bond_field",
                    msg("agreements.bond_field", value=", ".join(BOND_FIELDS)),
                )
            )
    seen: set[tuple[int, str]] = set()
    for j, budget in enumerate(project.budgets):
        at = f"{where}.budgets[{j}]"
        if not draft.covers(budget.fiscal_year):
            found.append(
                Violation(
                    f"{at}.fiscal_year",
                    "within_period",
                    msg("agreements.within_period_2", budget_fiscal_year=budget.fiscal_year),
                )
            )
        if budget.municipality_code not in participants:
            found.append(
                Violation(
                    f"{at}.municipality_code",
                    "area_participant",
                    msg("agreements.area_participant", budget_municipality_code=budget.municipality_code),
                )
            )
        if (budget.fiscal_year, budget.municipality_code) in seen:
            found.append(
                Violation(
                    f"{at}.fiscal_year",
                    "one_budget_per_year_and_member",
                    msg("agreements.one_budget_per_year_and_member"),
                )
            )
        seen.add((budget.fiscal_year, budget.municipality_code))
    return found


def _kpi(draft: VisionDraft, kpi: KpiDraft, where: str) -> list[Violation]:
    found: list[Violation] = []
    if kpi.project_index is not None and not 0 <= kpi.project_index < len(draft.projects):
        found.append(Violation(f"{where}.project_index", "project_exists", msg("agreements.project_exists")))
    if kpi.baseline_fiscal_year is not None and kpi.baseline_fiscal_year > draft.last_fiscal_year:
        found.append(
            Violation(f"{where}.baseline_fiscal_year", "not_after_period", msg("agreements.not_after_period"))
        )
    years = [year for year, _ in kpi.targets]
    for j, (year, value) in enumerate(kpi.targets):
        if not draft.covers(year):
            found.append(
                Violation(
                    f"{where}.targets[{j}].fiscal_year",
                    "within_period",
                    msg("agreements.within_period_3", year=year),
                )
            )
        if years.count(year) > 1:
            found.append(
                Violation(
                    f"{where}.targets[{j}].fiscal_year",
                    "one_target_per_year",
                    msg("agreements.one_target_per_year", year=year),
                )
            )
        if not math.isfinite(value):
            found.append(Violation(f"{where}.targets[{j}].value", "finite", msg("agreements.finite")))
    return found


def check_adoption(*, status: VisionStatus, project_count: int) -> VisionStatus:
    """The status after adoption (策定), or why the vision cannot be adopted."""
    if status != VisionStatus.DRAFT:
        raise StateConflict(msg("agreements.already_adopted"), rule="already_adopted")
    if project_count == 0:
        raise RuleViolation("projects", "at_least_one", msg("agreements.at_least_one"))
    return VisionStatus.ADOPTED


def check_kpi_report(
    *, status: VisionStatus, first_fiscal_year: int, last_fiscal_year: int, fiscal_year: int
) -> None:
    if status != VisionStatus.ADOPTED:
        raise StateConflict(msg("agreements.vision_not_adopted"), rule="vision_not_adopted")
    if not first_fiscal_year <= fiscal_year <= last_fiscal_year:
        raise RuleViolation(
            "fiscal_year",
            "within_period",
            msg(
                "agreements.within_period",
                fiscal_year=fiscal_year,
                first_fiscal_year=first_fiscal_year,
                last_fiscal_year=last_fiscal_year,
            ),
        )


def target_for(targets: Sequence[tuple[int, float]], fiscal_year: int) -> float | None:
    return next((value for year, value in targets if year == fiscal_year), None)
