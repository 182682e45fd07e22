from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetChangeIn")


@_attrs_define
class BudgetChangeIn:
    """
    Attributes:
        amount_yen (int):
        area_id (str):
        fiscal_year (int):
        kind (Literal['budget']):
        municipality_code (str):
        project_id (str):
        bond_eligibility (None | str | Unset):
        field (str | Unset):  Default: ''.
    """

    amount_yen: int
    area_id: str
    fiscal_year: int
    kind: Literal["budget"]
    municipality_code: str
    project_id: str
    bond_eligibility: None | str | Unset = UNSET
    field: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        area_id = self.area_id

        fiscal_year = self.fiscal_year

        kind = self.kind

        municipality_code = self.municipality_code

        project_id = self.project_id

        bond_eligibility: None | str | Unset
        if isinstance(self.bond_eligibility, Unset):
            bond_eligibility = UNSET
        else:
            bond_eligibility = self.bond_eligibility

        field = self.field

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_yen": amount_yen,
                "area_id": area_id,
                "fiscal_year": fiscal_year,
                "kind": kind,
                "municipality_code": municipality_code,
                "project_id": project_id,
            }
        )
        if bond_eligibility is not UNSET:
            field_dict["bond_eligibility"] = bond_eligibility
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        area_id = d.pop("area_id")

        fiscal_year = d.pop("fiscal_year")

        kind = cast(Literal["budget"], d.pop("kind"))
        if kind != "budget":
            raise ValueError(f"kind must match const 'budget', got '{kind}'")

        municipality_code = d.pop("municipality_code")

        project_id = d.pop("project_id")

        def _parse_bond_eligibility(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bond_eligibility = _parse_bond_eligibility(d.pop("bond_eligibility", UNSET))

        field = d.pop("field", UNSET)

        budget_change_in = cls(
            amount_yen=amount_yen,
            area_id=area_id,
            fiscal_year=fiscal_year,
            kind=kind,
            municipality_code=municipality_code,
            project_id=project_id,
            bond_eligibility=bond_eligibility,
            field=field,
        )

        return budget_change_in
