from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FactorPublic")


@_attrs_define
class FactorPublic:
    """
    Attributes:
        detail (str):
        factor (str): profession, employment, licences, availability, continuity, ...
        passed (bool):
        points (int):
    """

    detail: str
    factor: str
    passed: bool
    points: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        detail = self.detail

        factor = self.factor

        passed = self.passed

        points = self.points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
                "factor": factor,
                "passed": passed,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        detail = d.pop("detail")

        factor = d.pop("factor")

        passed = d.pop("passed")

        points = d.pop("points")

        factor_public = cls(
            detail=detail,
            factor=factor,
            passed=passed,
            points=points,
        )

        factor_public.additional_properties = d
        return factor_public

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
