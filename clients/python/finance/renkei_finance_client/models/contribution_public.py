from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contribution_public_formula import ContributionPublicFormula


T = TypeVar("T", bound="ContributionPublic")


@_attrs_define
class ContributionPublic:
    """
    Attributes:
        category (str):
        cost_yen (int): the whole yearly cost; the shares of all members sum to it
        fiscal_year (int):
        formula (ContributionPublicFormula): equal/population/usage weights, who takes the remainder, the rounding, and
            `classes`: each cost class (建設費, 運営費, ...) with its cost, weights and every member's share of it
        municipality_code (str):
        name (str):
        population (int | None):
        revision (int):
        share_yen (int): this member's contribution in integer yen, as agreements computed it
        shared_service_id (str):
        usage (None | str):
    """

    category: str
    cost_yen: int
    fiscal_year: int
    formula: ContributionPublicFormula
    municipality_code: str
    name: str
    population: int | None
    revision: int
    share_yen: int
    shared_service_id: str
    usage: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category

        cost_yen = self.cost_yen

        fiscal_year = self.fiscal_year

        formula = self.formula.to_dict()

        municipality_code = self.municipality_code

        name = self.name

        population: int | None
        population = self.population

        revision = self.revision

        share_yen = self.share_yen

        shared_service_id = self.shared_service_id

        usage: None | str
        usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "cost_yen": cost_yen,
                "fiscal_year": fiscal_year,
                "formula": formula,
                "municipality_code": municipality_code,
                "name": name,
                "population": population,
                "revision": revision,
                "share_yen": share_yen,
                "shared_service_id": shared_service_id,
                "usage": usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contribution_public_formula import ContributionPublicFormula  # noqa: PLC0415

        d = dict(src_dict)
        category = d.pop("category")

        cost_yen = d.pop("cost_yen")

        fiscal_year = d.pop("fiscal_year")

        formula = ContributionPublicFormula.from_dict(d.pop("formula"))

        municipality_code = d.pop("municipality_code")

        name = d.pop("name")

        def _parse_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population = _parse_population(d.pop("population"))

        revision = d.pop("revision")

        share_yen = d.pop("share_yen")

        shared_service_id = d.pop("shared_service_id")

        def _parse_usage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        usage = _parse_usage(d.pop("usage"))

        contribution_public = cls(
            category=category,
            cost_yen=cost_yen,
            fiscal_year=fiscal_year,
            formula=formula,
            municipality_code=municipality_code,
            name=name,
            population=population,
            revision=revision,
            share_yen=share_yen,
            shared_service_id=shared_service_id,
            usage=usage,
        )

        contribution_public.additional_properties = d
        return contribution_public

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
