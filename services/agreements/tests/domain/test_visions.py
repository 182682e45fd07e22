"""Vision rules: period, the area's roles, bond eligibility for 共生ビジョン only, budgets and KPI targets."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.visions import (
    Budget,
    KpiDraft,
    ProjectDraft,
    VisionDraft,
    check_adoption,
    check_kpi_report,
    check_vision,
    target_for,
)
from renkei_common.domain_errors import RuleViolation, StateConflict

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


def refused_fields(vision: VisionDraft) -> list[tuple[str, str]]:
    with pytest.raises(RuleViolation) as refused:
        check_vision(vision, participants=MEMBERS)
    return fields(refused)


@pytest.mark.parametrize(("last", "ok"), [(2024, True), (2033, True), (2034, False), (2023, False)])
def test_a_vision_covers_1_to_10_fiscal_years(last: int, ok: bool) -> None:
    vision = draft(last_fiscal_year=last, kpis=(), projects=())
    if ok:
        check_vision(vision, participants=MEMBERS)
    else:
        assert refused_fields(vision) == [("last_fiscal_year", "period")]


def test_budgets_and_targets_on_the_first_and_last_year_are_within_the_vision() -> None:
    project = ProjectDraft(
        "x", "教育", "life_services", None, (Budget(2024, "062014", 1), Budget(2028, "062103", 1))
    )
    kpi = KpiDraft("k", "件", 2028, 1.0, ((2024, 1.0), (2028, 2.0)), 0)
    check_vision(draft(projects=(project,), kpis=(kpi,)), participants=MEMBERS)
    late = ProjectDraft("x", "教育", "life_services", None, (Budget(2029, "062014", 1),))
    assert refused_fields(draft(projects=(late,), kpis=())) == [
        ("projects[0].budgets[0].fiscal_year", "within_period")
    ]


def test_a_baseline_after_the_vision_is_refused() -> None:
    kpi = KpiDraft("k", "件", 2029, 1.0, (), None)
    assert refused_fields(draft(kpis=(kpi,))) == [("kpis[0].baseline_fiscal_year", "not_after_period")]


def test_a_target_year_given_twice_is_refused_at_each_place() -> None:
    kpi = KpiDraft("k", "件", None, None, ((2025, 1.0), (2026, 2.0), (2025, 3.0)), None)
    assert refused_fields(draft(kpis=(kpi,))) == [
        ("kpis[0].targets[0].fiscal_year", "one_target_per_year"),
        ("kpis[0].targets[2].fiscal_year", "one_target_per_year"),
    ]


@pytest.mark.parametrize(("index", "ok"), [(0, True), (1, False), (-1, False)])
def test_a_kpi_names_an_existing_project(index: int, ok: bool) -> None:
    vision = draft(kpis=(KpiDraft("k", "件", None, None, (), index),))
    if ok:
        check_vision(vision, participants=MEMBERS)
    else:
        assert refused_fields(vision) == [("kpis[0].project_index", "project_exists")]


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_a_target_is_a_finite_number(value: float) -> None:
    kpi = KpiDraft("k", "件", None, None, ((2025, value),), None)
    assert refused_fields(draft(kpis=(kpi,))) == [("kpis[0].targets[0].value", "finite")]


def test_a_settlement_project_states_one_of_the_three_bond_fields() -> None:
    project = ProjectDraft("x", "観光", "networks", "tourism")
    assert refused_fields(draft("settlement", projects=(project,), kpis=())) == [
        ("projects[0].bond_eligibility", "bond_field")
    ]
    for bond in ("medical_welfare", "industry", "public_transport"):
        check_vision(
            draft("settlement", projects=(ProjectDraft("x", "y", "networks", bond),), kpis=()),
            participants=MEMBERS,
        )


def test_a_settlement_project_serves_a_settlement_role() -> None:
    project = ProjectDraft("x", "y", "economic_growth")
    assert refused_fields(draft("settlement", projects=(project,), kpis=())) == [
        ("projects[0].role", "area_role")
    ]


def test_wide_area_cooperation_has_no_vision() -> None:
    with pytest.raises(RuleViolation) as refused:
        check_vision(draft("wide_area"), participants=MEMBERS)
    assert fields(refused) == [("area_id", "area_has_vision")]


def test_adoption_needs_a_draft_with_a_project() -> None:
    check_adoption(status="draft", project_count=1)
    with pytest.raises(RuleViolation) as refused:
        check_adoption(status="draft", project_count=0)
    assert fields(refused) == [("projects", "at_least_one")]
    with pytest.raises(StateConflict) as conflict:
        check_adoption(status="adopted", project_count=1)
    assert conflict.value.rule == "already_adopted"


@pytest.mark.parametrize(("year", "ok"), [(2024, True), (2028, True), (2023, False), (2029, False)])
def test_kpis_are_reported_for_the_vision_s_years(year: int, ok: bool) -> None:
    if ok:
        check_kpi_report(status="adopted", first_fiscal_year=2024, last_fiscal_year=2028, fiscal_year=year)
        return
    with pytest.raises(RuleViolation) as refused:
        check_kpi_report(status="adopted", first_fiscal_year=2024, last_fiscal_year=2028, fiscal_year=year)
    assert fields(refused) == [("fiscal_year", "within_period")]


def test_kpis_are_reported_only_against_an_adopted_vision() -> None:
    with pytest.raises(StateConflict) as conflict:
        check_kpi_report(status="draft", first_fiscal_year=2024, last_fiscal_year=2028, fiscal_year=2024)
    assert conflict.value.rule == "vision_not_adopted"


def test_the_target_for_a_year() -> None:
    targets = ((2024, 1.0), (2025, 2.5))
    assert target_for(targets, 2025) == 2.5
    assert target_for(targets, 2026) is None
