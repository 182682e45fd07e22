from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PopulationChange")


@_attrs_define
class PopulationChange:
    """
    Attributes:
        code (str):
        name (str):
        population (int):
        previous_population (int | None):
        previous_population_year (int | None):
    """

    code: str
    name: str
    population: int
    previous_population: int | None
    previous_population_year: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        population = self.population

        previous_population: int | None
        previous_population = self.previous_population

        previous_population_year: int | None
        previous_population_year = self.previous_population_year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "population": population,
                "previous_population": previous_population,
                "previous_population_year": previous_population_year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        population = d.pop("population")

        def _parse_previous_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_population = _parse_previous_population(d.pop("previous_population"))

        def _parse_previous_population_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_population_year = _parse_previous_population_year(d.pop("previous_population_year"))

        population_change = cls(
            code=code,
            name=name,
            population=population,
            previous_population=previous_population,
            previous_population_year=previous_population_year,
        )

        population_change.additional_properties = d
        return population_change

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
