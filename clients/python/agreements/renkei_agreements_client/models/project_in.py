from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.project_in_bond_eligibility_type_0 import ProjectInBondEligibilityType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.budget_in import BudgetIn


T = TypeVar("T", bound="ProjectIn")


@_attrs_define
class ProjectIn:
    """
    Attributes:
        field (str): policy field, e.g. 医療, 産業振興
        name (str):
        role (str): the area role it serves, e.g. life_services
        bond_eligibility (None | ProjectInBondEligibilityType0 | Unset): 共生ビジョン only: 地域活性化事業債 field
        budgets (list[BudgetIn] | Unset):
    """

    field: str
    name: str
    role: str
    bond_eligibility: None | ProjectInBondEligibilityType0 | Unset = UNSET
    budgets: list[BudgetIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field

        name = self.name

        role = self.role

        bond_eligibility: None | str | Unset
        if isinstance(self.bond_eligibility, Unset):
            bond_eligibility = UNSET
        elif isinstance(self.bond_eligibility, ProjectInBondEligibilityType0):
            bond_eligibility = self.bond_eligibility.value
        else:
            bond_eligibility = self.bond_eligibility

        budgets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.budgets, Unset):
            budgets = []
            for budgets_item_data in self.budgets:
                budgets_item = budgets_item_data.to_dict()
                budgets.append(budgets_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
                "name": name,
                "role": role,
            }
        )
        if bond_eligibility is not UNSET:
            field_dict["bond_eligibility"] = bond_eligibility
        if budgets is not UNSET:
            field_dict["budgets"] = budgets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_in import BudgetIn  # noqa: PLC0415

        d = dict(src_dict)
        field = d.pop("field")

        name = d.pop("name")

        role = d.pop("role")

        def _parse_bond_eligibility(data: object) -> None | ProjectInBondEligibilityType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bond_eligibility_type_0 = ProjectInBondEligibilityType0(data)

                return bond_eligibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectInBondEligibilityType0 | Unset, data)

        bond_eligibility = _parse_bond_eligibility(d.pop("bond_eligibility", UNSET))

        _budgets = d.pop("budgets", UNSET)
        budgets: list[BudgetIn] | Unset = UNSET
        if _budgets is not UNSET:
            budgets = []
            for budgets_item_data in _budgets:
                budgets_item = BudgetIn.from_dict(budgets_item_data)

                budgets.append(budgets_item)

        project_in = cls(
            field=field,
            name=name,
            role=role,
            bond_eligibility=bond_eligibility,
            budgets=budgets,
        )

        return project_in
