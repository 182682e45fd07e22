from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.municipality_public_kind import MunicipalityPublicKind

T = TypeVar("T", bound="MunicipalityPublic")


@_attrs_define
class MunicipalityPublic:
    """
    Attributes:
        code (str):
        flags (list[str]): designated_city, core_city, prefectural_capital
        kind (MunicipalityPublicKind):
        name (str):
        population (int | None):
        population_source (None | str): attribution to show with the population figure
        population_year (int | None):
        prefecture (str):
        prefecture_code (str):
        updated_at (datetime.datetime):
    """

    code: str
    flags: list[str]
    kind: MunicipalityPublicKind
    name: str
    population: int | None
    population_source: None | str
    population_year: int | None
    prefecture: str
    prefecture_code: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        flags = self.flags

        kind = self.kind.value

        name = self.name

        population: int | None
        population = self.population

        population_source: None | str
        population_source = self.population_source

        population_year: int | None
        population_year = self.population_year

        prefecture = self.prefecture

        prefecture_code = self.prefecture_code

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "flags": flags,
                "kind": kind,
                "name": name,
                "population": population,
                "population_source": population_source,
                "population_year": population_year,
                "prefecture": prefecture,
                "prefecture_code": prefecture_code,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        flags = cast(list[str], d.pop("flags"))

        kind = MunicipalityPublicKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population = _parse_population(d.pop("population"))

        def _parse_population_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        population_source = _parse_population_source(d.pop("population_source"))

        def _parse_population_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population_year = _parse_population_year(d.pop("population_year"))

        prefecture = d.pop("prefecture")

        prefecture_code = d.pop("prefecture_code")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        municipality_public = cls(
            code=code,
            flags=flags,
            kind=kind,
            name=name,
            population=population,
            population_source=population_source,
            population_year=population_year,
            prefecture=prefecture,
            prefecture_code=prefecture_code,
            updated_at=updated_at,
        )

        municipality_public.additional_properties = d
        return municipality_public

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
