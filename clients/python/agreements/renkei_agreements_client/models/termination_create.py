from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TerminationCreate")


@_attrs_define
class TerminationCreate:
    """
    Attributes:
        reason (str):
        effective_on (datetime.date | None | Unset):
    """

    reason: str
    effective_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        effective_on: None | str | Unset
        if isinstance(self.effective_on, Unset):
            effective_on = UNSET
        elif isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if effective_on is not UNSET:
            field_dict["effective_on"] = effective_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_effective_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)

                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_on = _parse_effective_on(d.pop("effective_on", UNSET))

        termination_create = cls(
            reason=reason,
            effective_on=effective_on,
        )

        return termination_create
