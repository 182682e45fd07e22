from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure import Measure

T = TypeVar("T", bound="ActualPublic")


@_attrs_define
class ActualPublic:
    """
    Attributes:
        amount_yen (int):
        decided_on (datetime.date):
        fiscal_year (int):
        measure (Measure):
        note (str):
        recipient_code (str):
        version (int):
    """

    amount_yen: int
    decided_on: datetime.date
    fiscal_year: int
    measure: Measure
    note: str
    recipient_code: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        decided_on = self.decided_on.isoformat()

        fiscal_year = self.fiscal_year

        measure = self.measure.value

        note = self.note

        recipient_code = self.recipient_code

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "decided_on": decided_on,
                "fiscal_year": fiscal_year,
                "measure": measure,
                "note": note,
                "recipient_code": recipient_code,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        fiscal_year = d.pop("fiscal_year")

        measure = Measure(d.pop("measure"))

        note = d.pop("note")

        recipient_code = d.pop("recipient_code")

        version = d.pop("version")

        actual_public = cls(
            amount_yen=amount_yen,
            decided_on=decided_on,
            fiscal_year=fiscal_year,
            measure=measure,
            note=note,
            recipient_code=recipient_code,
            version=version,
        )

        actual_public.additional_properties = d
        return actual_public

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
