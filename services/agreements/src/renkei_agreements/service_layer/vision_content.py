"""A vision's content between the command, the domain draft and the rows: check, fill, read back, audit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from renkei_common.persistence import new_id, snapshot

from renkei_agreements.adapters.orm import AreaRow, KpiRow, ProjectRow, VisionRow
from renkei_agreements.domain import visions as rules
from renkei_agreements.service_layer.areas import participants
from renkei_agreements.service_layer.commands import BudgetIn, KpiIn, ProjectIn, TargetIn


def check_content(
    area: AreaRow, first: int, last: int, projects: Sequence[ProjectIn], kpis: Sequence[KpiIn]
) -> None:
    """Every rule the content breaks, at once (422); budgets may name the area's centres and members."""
    draft = rules.VisionDraft(
        area_type=area.area_type,
        first_fiscal_year=first,
        last_fiscal_year=last,
        projects=tuple(
            rules.ProjectDraft(
                p.name,
                p.field,
                p.role,
                p.bond_eligibility,
                tuple(rules.Budget(b.fiscal_year, b.municipality_code, b.amount_yen) for b in p.budgets),
            )
            for p in projects
        ),
        kpis=tuple(
            rules.KpiDraft(
                k.name,
                k.unit,
                k.baseline_fiscal_year,
                k.baseline_value,
                tuple((t.fiscal_year, t.value) for t in k.targets),
                k.project_index,
            )
            for k in kpis
        ),
    )
    rules.check_vision(draft, participants=participants(area))


def fill_rows(vision: VisionRow, projects: Sequence[ProjectIn], kpis: Sequence[KpiIn]) -> None:
    """Replace the draft's projects and KPIs; a KPI names its project by position in the request."""
    vision.projects = [
        ProjectRow(
            id=new_id(),
            vision_id=vision.id,
            position=i,
            name=p.name,
            field=p.field,
            role=p.role,
            bond_eligibility=p.bond_eligibility,
            budgets=[asdict(b) for b in p.budgets],
        )
        for i, p in enumerate(projects)
    ]
    vision.kpis = [
        KpiRow(
            id=new_id(),
            vision_id=vision.id,
            position=i,
            name=k.name,
            unit=k.unit,
            project_id=vision.projects[k.project_index].id if k.project_index is not None else None,
            baseline_fiscal_year=k.baseline_fiscal_year,
            baseline_value=k.baseline_value,
            targets=[[t.fiscal_year, t.value] for t in k.targets],
            actuals=[],
        )
        for i, k in enumerate(kpis)
    ]


def audit_view(vision: VisionRow) -> dict[str, object]:
    return {
        **snapshot(vision),
        "projects": [snapshot(p) for p in vision.projects],
        "kpis": [snapshot(k) for k in vision.kpis],
    }


def project_in(row: ProjectRow) -> ProjectIn:
    budgets = tuple(BudgetIn(**b) for b in row.budgets)
    return ProjectIn(row.name, row.field, row.role, row.bond_eligibility, budgets)


def kpi_in(vision: VisionRow, row: KpiRow) -> KpiIn:
    index = next((p.position for p in vision.projects if p.id == row.project_id), None)
    targets = tuple(TargetIn(fiscal_year=y, value=v) for y, v in row.targets)
    return KpiIn(row.name, row.unit, row.baseline_fiscal_year, row.baseline_value, targets, index)
