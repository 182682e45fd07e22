from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProfessionCreate")


@_attrs_define
class ProfessionCreate:
    """
    Attributes:
        code (str): lower-case, digits, _
        name (str):
        covered_by_measure (bool | Unset): False for professions with separate measures (技術職員, デジタル人材) Default: True.
        description (str | Unset):  Default: ''.
        required_licences (list[str] | Unset):
    """

    code: str
    name: str
    covered_by_measure: bool | Unset = True
    description: str | Unset = ""
    required_licences: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        covered_by_measure = self.covered_by_measure

        description = self.description

        required_licences: list[str] | Unset = UNSET
        if not isinstance(self.required_licences, Unset):
            required_licences = self.required_licences

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if covered_by_measure is not UNSET:
            field_dict["covered_by_measure"] = covered_by_measure
        if description is not UNSET:
            field_dict["description"] = description
        if required_licences is not UNSET:
            field_dict["required_licences"] = required_licences

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        covered_by_measure = d.pop("covered_by_measure", UNSET)

        description = d.pop("description", UNSET)

        required_licences = cast(list[str], d.pop("required_licences", UNSET))

        profession_create = cls(
            code=code,
            name=name,
            covered_by_measure=covered_by_measure,
            description=description,
            required_licences=required_licences,
        )

        return profession_create
