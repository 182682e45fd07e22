from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RecruitmentUpdate")


@_attrs_define
class RecruitmentUpdate:
    """
    Attributes:
        headcount_hired (int | None | Unset):
        headcount_sought (int | None | Unset):
    """

    headcount_hired: int | None | Unset = UNSET
    headcount_sought: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        headcount_hired: int | None | Unset
        if isinstance(self.headcount_hired, Unset):
            headcount_hired = UNSET
        else:
            headcount_hired = self.headcount_hired

        headcount_sought: int | None | Unset
        if isinstance(self.headcount_sought, Unset):
            headcount_sought = UNSET
        else:
            headcount_sought = self.headcount_sought

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if headcount_hired is not UNSET:
            field_dict["headcount_hired"] = headcount_hired
        if headcount_sought is not UNSET:
            field_dict["headcount_sought"] = headcount_sought

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_headcount_hired(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headcount_hired = _parse_headcount_hired(d.pop("headcount_hired", UNSET))

        def _parse_headcount_sought(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        headcount_sought = _parse_headcount_sought(d.pop("headcount_sought", UNSET))

        recruitment_update = cls(
            headcount_hired=headcount_hired,
            headcount_sought=headcount_sought,
        )

        return recruitment_update
