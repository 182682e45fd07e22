from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProfessionPublic")


@_attrs_define
class ProfessionPublic:
    """
    Attributes:
        code (str):
        covered_by_measure (bool):
        description (str):
        name (str):
        required_licences (list[str]):
    """

    code: str
    covered_by_measure: bool
    description: str
    name: str
    required_licences: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        covered_by_measure = self.covered_by_measure

        description = self.description

        name = self.name

        required_licences = self.required_licences

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "covered_by_measure": covered_by_measure,
                "description": description,
                "name": name,
                "required_licences": required_licences,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        covered_by_measure = d.pop("covered_by_measure")

        description = d.pop("description")

        name = d.pop("name")

        required_licences = cast(list[str], d.pop("required_licences"))

        profession_public = cls(
            code=code,
            covered_by_measure=covered_by_measure,
            description=description,
            name=name,
            required_licences=required_licences,
        )

        profession_public.additional_properties = d
        return profession_public

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
