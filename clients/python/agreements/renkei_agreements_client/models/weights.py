from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Weights")


@_attrs_define
class Weights:
    """均等割, 人口割 and 利用割 as decimal strings; they must sum to exactly 1.

    Attributes:
        equal (str): decimal 0–1
        population (str): decimal 0–1
        usage (str): decimal 0–1
    """

    equal: str
    population: str
    usage: str

    def to_dict(self) -> dict[str, Any]:
        equal = self.equal

        population = self.population

        usage = self.usage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "equal": equal,
                "population": population,
                "usage": usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        equal = d.pop("equal")

        population = d.pop("population")

        usage = d.pop("usage")

        weights = cls(
            equal=equal,
            population=population,
            usage=usage,
        )

        return weights
