from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContractPublic")


@_attrs_define
class ContractPublic:
    """
    Attributes:
        amount_yen (int):
        awarded_on (datetime.date):
        end_on (datetime.date):
        fiscal_year (int):
        group_id (str):
        id (str):
        start_on (datetime.date):
        subject (str):
    """

    amount_yen: int
    awarded_on: datetime.date
    end_on: datetime.date
    fiscal_year: int
    group_id: str
    id: str
    start_on: datetime.date
    subject: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        awarded_on = self.awarded_on.isoformat()

        end_on = self.end_on.isoformat()

        fiscal_year = self.fiscal_year

        group_id = self.group_id

        id = self.id

        start_on = self.start_on.isoformat()

        subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "awarded_on": awarded_on,
                "end_on": end_on,
                "fiscal_year": fiscal_year,
                "group_id": group_id,
                "id": id,
                "start_on": start_on,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        awarded_on = datetime.date.fromisoformat(d.pop("awarded_on"))

        end_on = datetime.date.fromisoformat(d.pop("end_on"))

        fiscal_year = d.pop("fiscal_year")

        group_id = d.pop("group_id")

        id = d.pop("id")

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

        subject = d.pop("subject")

        contract_public = cls(
            amount_yen=amount_yen,
            awarded_on=awarded_on,
            end_on=end_on,
            fiscal_year=fiscal_year,
            group_id=group_id,
            id=id,
            start_on=start_on,
            subject=subject,
        )

        contract_public.additional_properties = d
        return contract_public

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
