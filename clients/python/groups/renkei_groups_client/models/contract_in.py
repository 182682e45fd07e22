from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ContractIn")


@_attrs_define
class ContractIn:
    """
    Attributes:
        amount_yen (int): integer yen
        awarded_on (datetime.date):
        end_on (datetime.date):
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        start_on (datetime.date):
        subject (str):
    """

    amount_yen: int
    awarded_on: datetime.date
    end_on: datetime.date
    fiscal_year: int
    start_on: datetime.date
    subject: str

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        awarded_on = self.awarded_on.isoformat()

        end_on = self.end_on.isoformat()

        fiscal_year = self.fiscal_year

        start_on = self.start_on.isoformat()

        subject = self.subject

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_yen": amount_yen,
                "awarded_on": awarded_on,
                "end_on": end_on,
                "fiscal_year": fiscal_year,
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

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

        subject = d.pop("subject")

        contract_in = cls(
            amount_yen=amount_yen,
            awarded_on=awarded_on,
            end_on=end_on,
            fiscal_year=fiscal_year,
            start_on=start_on,
            subject=subject,
        )

        return contract_in
