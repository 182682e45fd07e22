from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.budget_change_in import BudgetChangeIn
    from ..models.join_in import JoinIn
    from ..models.leave_in import LeaveIn
    from ..models.population_change_in import PopulationChangeIn
    from ..models.rule_change_in import RuleChangeIn


T = TypeVar("T", bound="SimulationIn")


@_attrs_define
class SimulationIn:
    """
    Attributes:
        changes (list[BudgetChangeIn | JoinIn | LeaveIn | PopulationChangeIn | RuleChangeIn]):
        fiscal_year (int):
    """

    changes: list[BudgetChangeIn | JoinIn | LeaveIn | PopulationChangeIn | RuleChangeIn]
    fiscal_year: int

    def to_dict(self) -> dict[str, Any]:
        from ..models.budget_change_in import BudgetChangeIn  # noqa: PLC0415
        from ..models.join_in import JoinIn  # noqa: PLC0415
        from ..models.leave_in import LeaveIn  # noqa: PLC0415
        from ..models.population_change_in import PopulationChangeIn  # noqa: PLC0415

        changes = []
        for changes_item_data in self.changes:
            changes_item: dict[str, Any]
            if isinstance(changes_item_data, PopulationChangeIn):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, JoinIn):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, LeaveIn):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, BudgetChangeIn):
                changes_item = changes_item_data.to_dict()
            else:
                changes_item = changes_item_data.to_dict()

            changes.append(changes_item)

        fiscal_year = self.fiscal_year

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
                "fiscal_year": fiscal_year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_change_in import BudgetChangeIn  # noqa: PLC0415
        from ..models.join_in import JoinIn  # noqa: PLC0415
        from ..models.leave_in import LeaveIn  # noqa: PLC0415
        from ..models.population_change_in import PopulationChangeIn  # noqa: PLC0415
        from ..models.rule_change_in import RuleChangeIn  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:

            def _parse_changes_item(
                data: object,
            ) -> BudgetChangeIn | JoinIn | LeaveIn | PopulationChangeIn | RuleChangeIn:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    changes_item_type_0 = PopulationChangeIn.from_dict(data)

                    return changes_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    changes_item_type_1 = JoinIn.from_dict(data)

                    return changes_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    changes_item_type_2 = LeaveIn.from_dict(data)

                    return changes_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    changes_item_type_3 = BudgetChangeIn.from_dict(data)

                    return changes_item_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                changes_item_type_4 = RuleChangeIn.from_dict(data)

                return changes_item_type_4

            changes_item = _parse_changes_item(changes_item_data)

            changes.append(changes_item)

        fiscal_year = d.pop("fiscal_year")

        simulation_in = cls(
            changes=changes,
            fiscal_year=fiscal_year,
        )

        return simulation_in
