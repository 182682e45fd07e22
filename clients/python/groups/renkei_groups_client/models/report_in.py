from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportIn")


@_attrs_define
class ReportIn:
    """
    Attributes:
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        summary (str):
        filed_on (datetime.date | None | Unset):
    """

    fiscal_year: int
    summary: str
    filed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        summary = self.summary

        filed_on: None | str | Unset
        if isinstance(self.filed_on, Unset):
            filed_on = UNSET
        elif isinstance(self.filed_on, datetime.date):
            filed_on = self.filed_on.isoformat()
        else:
            filed_on = self.filed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "summary": summary,
            }
        )
        if filed_on is not UNSET:
            field_dict["filed_on"] = filed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        summary = d.pop("summary")

        def _parse_filed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_on_type_0 = datetime.date.fromisoformat(data)

                return filed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        filed_on = _parse_filed_on(d.pop("filed_on", UNSET))

        report_in = cls(
            fiscal_year=fiscal_year,
            summary=summary,
            filed_on=filed_on,
        )

        return report_in
