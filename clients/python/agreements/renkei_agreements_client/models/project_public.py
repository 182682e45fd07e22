from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.project_public_bond_eligibility_type_0 import ProjectPublicBondEligibilityType0

if TYPE_CHECKING:
    from ..models.budget_public import BudgetPublic


T = TypeVar("T", bound="ProjectPublic")


@_attrs_define
class ProjectPublic:
    """
    Attributes:
        bond_eligibility (None | ProjectPublicBondEligibilityType0):
        budgets (list[BudgetPublic]):
        field (str):
        id (str):
        name (str):
        role (str):
        total_yen (int):
    """

    bond_eligibility: None | ProjectPublicBondEligibilityType0
    budgets: list[BudgetPublic]
    field: str
    id: str
    name: str
    role: str
    total_yen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bond_eligibility: None | str
        if isinstance(self.bond_eligibility, ProjectPublicBondEligibilityType0):
            bond_eligibility = self.bond_eligibility.value
        else:
            bond_eligibility = self.bond_eligibility

        budgets = []
        for budgets_item_data in self.budgets:
            budgets_item = budgets_item_data.to_dict()
            budgets.append(budgets_item)

        field = self.field

        id = self.id

        name = self.name

        role = self.role

        total_yen = self.total_yen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bond_eligibility": bond_eligibility,
                "budgets": budgets,
                "field": field,
                "id": id,
                "name": name,
                "role": role,
                "total_yen": total_yen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.budget_public import BudgetPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_bond_eligibility(data: object) -> None | ProjectPublicBondEligibilityType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bond_eligibility_type_0 = ProjectPublicBondEligibilityType0(data)

                return bond_eligibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProjectPublicBondEligibilityType0, data)

        bond_eligibility = _parse_bond_eligibility(d.pop("bond_eligibility"))

        budgets = []
        _budgets = d.pop("budgets")
        for budgets_item_data in _budgets:
            budgets_item = BudgetPublic.from_dict(budgets_item_data)

            budgets.append(budgets_item)

        field = d.pop("field")

        id = d.pop("id")

        name = d.pop("name")

        role = d.pop("role")

        total_yen = d.pop("total_yen")

        project_public = cls(
            bond_eligibility=bond_eligibility,
            budgets=budgets,
            field=field,
            id=id,
            name=name,
            role=role,
            total_yen=total_yen,
        )

        project_public.additional_properties = d
        return project_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
