from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CentreIn")


@_attrs_define
class CentreIn:
    """
    Attributes:
        code (str): 6-digit 団体コード with check digit
        day_night_ratio (float | None | str | Unset): 昼夜間人口比率 of the centre, e.g. 1.02
    """

    code: str
    day_night_ratio: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        day_night_ratio: float | None | str | Unset
        if isinstance(self.day_night_ratio, Unset):
            day_night_ratio = UNSET
        else:
            day_night_ratio = self.day_night_ratio

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )
        if day_night_ratio is not UNSET:
            field_dict["day_night_ratio"] = day_night_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_day_night_ratio(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        day_night_ratio = _parse_day_night_ratio(d.pop("day_night_ratio", UNSET))

        centre_in = cls(
            code=code,
            day_night_ratio=day_night_ratio,
        )

        return centre_in
