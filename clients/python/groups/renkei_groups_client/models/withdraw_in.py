from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WithdrawIn")


@_attrs_define
class WithdrawIn:
    """
    Attributes:
        withdrawn_on (datetime.date | None | Unset):
    """

    withdrawn_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        withdrawn_on: None | str | Unset
        if isinstance(self.withdrawn_on, Unset):
            withdrawn_on = UNSET
        elif isinstance(self.withdrawn_on, datetime.date):
            withdrawn_on = self.withdrawn_on.isoformat()
        else:
            withdrawn_on = self.withdrawn_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if withdrawn_on is not UNSET:
            field_dict["withdrawn_on"] = withdrawn_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_withdrawn_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_on_type_0 = datetime.date.fromisoformat(data)

                return withdrawn_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        withdrawn_on = _parse_withdrawn_on(d.pop("withdrawn_on", UNSET))

        withdraw_in = cls(
            withdrawn_on=withdrawn_on,
        )

        return withdraw_in
