from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClassSharePublic")


@_attrs_define
class ClassSharePublic:
    """
    Attributes:
        arithmetic (str): the share in words: each basis, the sum, the rounding
        cost_class (str):
        exact_yen (str): the unrounded share of the class, to 2 decimal places
        share_yen (int):
    """

    arithmetic: str
    cost_class: str
    exact_yen: str
    share_yen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        arithmetic = self.arithmetic

        cost_class = self.cost_class

        exact_yen = self.exact_yen

        share_yen = self.share_yen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "arithmetic": arithmetic,
                "cost_class": cost_class,
                "exact_yen": exact_yen,
                "share_yen": share_yen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        arithmetic = d.pop("arithmetic")

        cost_class = d.pop("cost_class")

        exact_yen = d.pop("exact_yen")

        share_yen = d.pop("share_yen")

        class_share_public = cls(
            arithmetic=arithmetic,
            cost_class=cost_class,
            exact_yen=exact_yen,
            share_yen=share_yen,
        )

        class_share_public.additional_properties = d
        return class_share_public

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
