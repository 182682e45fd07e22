from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RoleDivision")


@_attrs_define
class RoleDivision:
    """役割分担: what one party undertakes.

    Attributes:
        party (str): 6-digit 団体コード with check digit
        role (str):
    """

    party: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        party = self.party

        role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "party": party,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        party = d.pop("party")

        role = d.pop("role")

        role_division = cls(
            party=party,
            role=role,
        )

        return role_division
