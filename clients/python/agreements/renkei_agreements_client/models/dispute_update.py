from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DisputeUpdate")


@_attrs_define
class DisputeUpdate:
    """
    Attributes:
        closed_on (datetime.date | None | Unset): when the parties settled or the matter ended
        plan_presented_on (datetime.date | None | Unset):
        plan_summary (None | str | Unset):
    """

    closed_on: datetime.date | None | Unset = UNSET
    plan_presented_on: datetime.date | None | Unset = UNSET
    plan_summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        plan_presented_on: None | str | Unset
        if isinstance(self.plan_presented_on, Unset):
            plan_presented_on = UNSET
        elif isinstance(self.plan_presented_on, datetime.date):
            plan_presented_on = self.plan_presented_on.isoformat()
        else:
            plan_presented_on = self.plan_presented_on

        plan_summary: None | str | Unset
        if isinstance(self.plan_summary, Unset):
            plan_summary = UNSET
        else:
            plan_summary = self.plan_summary

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if plan_presented_on is not UNSET:
            field_dict["plan_presented_on"] = plan_presented_on
        if plan_summary is not UNSET:
            field_dict["plan_summary"] = plan_summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

        def _parse_plan_presented_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_presented_on_type_0 = datetime.date.fromisoformat(data)

                return plan_presented_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        plan_presented_on = _parse_plan_presented_on(d.pop("plan_presented_on", UNSET))

        def _parse_plan_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_summary = _parse_plan_summary(d.pop("plan_summary", UNSET))

        dispute_update = cls(
            closed_on=closed_on,
            plan_presented_on=plan_presented_on,
            plan_summary=plan_summary,
        )

        return dispute_update
