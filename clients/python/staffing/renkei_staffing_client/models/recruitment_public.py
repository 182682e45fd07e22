from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cost_public import CostPublic


T = TypeVar("T", bound="RecruitmentPublic")


@_attrs_define
class RecruitmentPublic:
    """
    Attributes:
        employer_code (str):
        fiscal_year (int):
        headcount_hired (int):
        headcount_sought (int):
        id (str):
        profession_code (str):
        title (str):
        costs (list[CostPublic] | Unset):
    """

    employer_code: str
    fiscal_year: int
    headcount_hired: int
    headcount_sought: int
    id: str
    profession_code: str
    title: str
    costs: list[CostPublic] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        employer_code = self.employer_code

        fiscal_year = self.fiscal_year

        headcount_hired = self.headcount_hired

        headcount_sought = self.headcount_sought

        id = self.id

        profession_code = self.profession_code

        title = self.title

        costs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.costs, Unset):
            costs = []
            for costs_item_data in self.costs:
                costs_item = costs_item_data.to_dict()
                costs.append(costs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "employer_code": employer_code,
                "fiscal_year": fiscal_year,
                "headcount_hired": headcount_hired,
                "headcount_sought": headcount_sought,
                "id": id,
                "profession_code": profession_code,
                "title": title,
            }
        )
        if costs is not UNSET:
            field_dict["costs"] = costs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_public import CostPublic  # noqa: PLC0415

        d = dict(src_dict)
        employer_code = d.pop("employer_code")

        fiscal_year = d.pop("fiscal_year")

        headcount_hired = d.pop("headcount_hired")

        headcount_sought = d.pop("headcount_sought")

        id = d.pop("id")

        profession_code = d.pop("profession_code")

        title = d.pop("title")

        _costs = d.pop("costs", UNSET)
        costs: list[CostPublic] | Unset = UNSET
        if _costs is not UNSET:
            costs = []
            for costs_item_data in _costs:
                costs_item = CostPublic.from_dict(costs_item_data)

                costs.append(costs_item)

        recruitment_public = cls(
            employer_code=employer_code,
            fiscal_year=fiscal_year,
            headcount_hired=headcount_hired,
            headcount_sought=headcount_sought,
            id=id,
            profession_code=profession_code,
            title=title,
            costs=costs,
        )

        recruitment_public.additional_properties = d
        return recruitment_public

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
