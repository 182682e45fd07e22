"""What-if changes applied to a copy of a snapshot: nothing here touches the projections."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from renkei_common.i18n import msg

from renkei_finance.domain.engine import Area, Budget, Member, Snapshot
from renkei_finance.domain.rules import RuleBook, RuleRow


@dataclass(frozen=True)
class PopulationChange:
    code: str
    population: int


@dataclass(frozen=True)
class Join:
    area_id: str
    code: str
    role: str
    since: date


@dataclass(frozen=True)
class Leave:
    area_id: str
    code: str
    until: date


@dataclass(frozen=True)
class BudgetChange:
    area_id: str
    project_id: str
    municipality_code: str
    fiscal_year: int
    amount_yen: int
    field: str = ""
    bond_eligibility: str | None = None


@dataclass(frozen=True)
class RuleChange:
    row: RuleRow


Change = PopulationChange | Join | Leave | BudgetChange | RuleChange


class UnknownArea(LookupError):
    def __init__(self, index: int, area_id: str) -> None:
        self.message = msg("finance.whatif_unknown_area", index=index, area_id=area_id)
        super().__init__(self.message)
        self.index = index


def apply_changes(snapshot: Snapshot, rules: RuleBook, changes: list[Change]) -> tuple[Snapshot, RuleBook]:
    """A new snapshot and rule book with `changes` applied in order; the inputs are left as they were."""
    populations = dict(snapshot.populations)
    areas = {a.area_id: a for a in snapshot.areas}
    budgets = list(snapshot.budgets)
    rule_rows: list[RuleRow] = []
    for index, change in enumerate(changes):
        if isinstance(change, PopulationChange):
            populations[change.code] = change.population
        elif isinstance(change, Join | Leave):
            area = areas.get(change.area_id)
            if area is None:
                raise UnknownArea(index, change.area_id)
            areas[area.area_id] = _membership(area, change)
        elif isinstance(change, BudgetChange):
            cell = (change.area_id, change.project_id, change.municipality_code, change.fiscal_year)
            budgets = [
                b for b in budgets if (b.area_id, b.project_id, b.municipality_code, b.fiscal_year) != cell
            ]
            budgets.append(
                Budget(
                    change.area_id,
                    change.project_id,
                    change.municipality_code,
                    change.fiscal_year,
                    change.amount_yen,
                    change.field,
                    change.bond_eligibility,
                )
            )
        else:
            rule_rows.append(change.row)
    changed = replace(snapshot, populations=populations, areas=list(areas.values()), budgets=budgets)
    return changed, rules.overlaid(rule_rows) if rule_rows else rules


def _membership(area: Area, change: Join | Leave) -> Area:
    if isinstance(change, Join):
        return replace(area, members=(*area.members, Member(change.code, change.role, change.since)))
    members = tuple(
        replace(m, until=change.until)
        if m.code == change.code and (m.until is None or m.until > change.until)
        else m
        for m in area.members
    )
    return replace(area, members=members)
