from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PopulationChangeIn")


@_attrs_define
class PopulationChangeIn:
    """
    Attributes:
        code (str):
        kind (Literal['population']):
        population (int):
    """

    code: str
    kind: Literal["population"]
    population: int

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind = self.kind

        population = self.population

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "kind": kind,
                "population": population,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        kind = cast(Literal["population"], d.pop("kind"))
        if kind != "population":
            raise ValueError(f"kind must match const 'population', got '{kind}'")

        population = d.pop("population")

        population_change_in = cls(
            code=code,
            kind=kind,
            population=population,
        )

        return population_change_in
