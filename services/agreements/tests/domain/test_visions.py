"""Vision rules: period, the area's roles, bond eligibility for 共生ビジョン only, budgets and KPI targets."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.errors import RuleViolation, StateConflict
from renkei_agreements.domain.visions import (
    Budget,
    KpiDraft,
    ProjectDraft,
    VisionDraft,
    check_adoption,
    check_kpi_report,
    check_vision,
)

MEMBERS = {"062014", "062103"}


def draft(area_type: str = "metropolitan", **changes) -> VisionDraft:  # type: ignore[no-untyped-def]
    project = ProjectDraft("共同炊飯", "教育", "life_services", None, (Budget(2024, "062014", 1_000_000),))
    values = dict(
        area_type=area_type,
        first_fiscal_year=2024,
        last_fiscal_year=2028,
        projects=(project,),
        kpis=(KpiDraft("食数", "食/日", 2023, 9000.0, ((2024, 10000.0),), 0),),
    )
    return VisionDraft(**{**values, **changes})  # type: ignore[arg-type]


def fields(refused: pytest.ExceptionInfo[RuleViolation]) -> list[tuple[str, str]]:
    return [(v.field, v.rule) for v in refused.value.violations]


def test_a_good_draft_passes() -> None:
    check_vision(draft(), participants=MEMBERS)


def test_every_broken_rule_is_reported() -> None:
    project = ProjectDraft(
        "x",
        "医療",
        "networks",
        "industry",
        (Budget(2030, "062073", 1), Budget(2024, "062014", 1), Budget(2024, "062014", 2)),
    )
    kpi = KpiDraft("k", "件", targets=((2023, 1.0), (2024, float("nan"))), project_index=3)
    with pytest.raises(RuleViolation) as refused:
        check_vision(draft(projects=(project,), kpis=(kpi,)), participants=MEMBERS)
    assert fields(refused) == [
        ("projects[0].role", "area_role"),
        ("projects[0].bond_eligibility", "settlement_only"),
        ("projects[0].budgets[0].fiscal_year", "within_period"),
        ("projects[0].budgets[0].municipality_code", "area_participant"),
        ("projects[0].budgets[2].fiscal_year", "one_budget_per_year_and_member"),
        ("kpis[0].project_index", "project_exists"),
        ("kpis[0].targets[0].fiscal_year", "within_period"),
        ("kpis[0].targets[1].value", "finite"),
    ]


def test_settlement_projects_state_their_bond_field() -> None:
    project = ProjectDraft("病児保育", "医療", "life_functions", "medical_welfare")
    check_vision(draft("settlement", projects=(project,), kpis=()), participants=MEMBERS)


def test_wide_area_cooperation_and_long_periods_are_refused() -> None:
    with pytest.raises(RuleViolation, match="visions belong"):
        check_vision(draft("wide_area"), participants=MEMBERS)
    with pytest.raises(RuleViolation) as refused:
        check_vision(draft(last_fiscal_year=2040, kpis=()), participants=MEMBERS)
    assert fields(refused) == [("last_fiscal_year", "period")]


def test_adoption_and_reports_follow_the_state() -> None:
    with pytest.raises(RuleViolation):
        check_adoption(status="draft", project_count=0)
    with pytest.raises(StateConflict):
        check_adoption(status="adopted", project_count=1)
    with pytest.raises(StateConflict):
        check_kpi_report(status="draft", first_fiscal_year=2024, last_fiscal_year=2028, fiscal_year=2024)
    with pytest.raises(RuleViolation):
        check_kpi_report(status="adopted", first_fiscal_year=2024, last_fiscal_year=2028, fiscal_year=2029)
