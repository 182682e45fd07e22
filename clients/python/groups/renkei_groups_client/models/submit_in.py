from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitIn")


@_attrs_define
class SubmitIn:
    """
    Attributes:
        submitted_on (datetime.date | None | Unset): default today (JST); never in the future
    """

    submitted_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        submitted_on: None | str | Unset
        if isinstance(self.submitted_on, Unset):
            submitted_on = UNSET
        elif isinstance(self.submitted_on, datetime.date):
            submitted_on = self.submitted_on.isoformat()
        else:
            submitted_on = self.submitted_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if submitted_on is not UNSET:
            field_dict["submitted_on"] = submitted_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_submitted_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_on_type_0 = datetime.date.fromisoformat(data)

                return submitted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        submitted_on = _parse_submitted_on(d.pop("submitted_on", UNSET))

        submit_in = cls(
            submitted_on=submitted_on,
        )

        return submit_in
