from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure import Measure

T = TypeVar("T", bound="ComparisonPublic")


@_attrs_define
class ComparisonPublic:
    """
    Attributes:
        actual_yen (int | None): the decided amount (決定額), if recorded
        decided_on (datetime.date | None):
        difference_yen (int | None): actual − estimate
        estimate_yen (int | None): sum of the current allocation lines (試算)
        fiscal_year (int):
        measure (Measure):
        recipient_code (str):
    """

    actual_yen: int | None
    decided_on: datetime.date | None
    difference_yen: int | None
    estimate_yen: int | None
    fiscal_year: int
    measure: Measure
    recipient_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actual_yen: int | None
        actual_yen = self.actual_yen

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        difference_yen: int | None
        difference_yen = self.difference_yen

        estimate_yen: int | None
        estimate_yen = self.estimate_yen

        fiscal_year = self.fiscal_year

        measure = self.measure.value

        recipient_code = self.recipient_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actual_yen": actual_yen,
                "decided_on": decided_on,
                "difference_yen": difference_yen,
                "estimate_yen": estimate_yen,
                "fiscal_year": fiscal_year,
                "measure": measure,
                "recipient_code": recipient_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actual_yen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        actual_yen = _parse_actual_yen(d.pop("actual_yen"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_difference_yen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        difference_yen = _parse_difference_yen(d.pop("difference_yen"))

        def _parse_estimate_yen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimate_yen = _parse_estimate_yen(d.pop("estimate_yen"))

        fiscal_year = d.pop("fiscal_year")

        measure = Measure(d.pop("measure"))

        recipient_code = d.pop("recipient_code")

        comparison_public = cls(
            actual_yen=actual_yen,
            decided_on=decided_on,
            difference_yen=difference_yen,
            estimate_yen=estimate_yen,
            fiscal_year=fiscal_year,
            measure=measure,
            recipient_code=recipient_code,
        )

        comparison_public.additional_properties = d
        return comparison_public

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
