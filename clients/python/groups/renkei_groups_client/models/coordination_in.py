from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CoordinationIn")


@_attrs_define
class CoordinationIn:
    """
    Attributes:
        counterparties (list[str]):
        subject (str):
        received_on (datetime.date | None | Unset):
    """

    counterparties: list[str]
    subject: str
    received_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        counterparties = self.counterparties

        subject = self.subject

        received_on: None | str | Unset
        if isinstance(self.received_on, Unset):
            received_on = UNSET
        elif isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "counterparties": counterparties,
                "subject": subject,
            }
        )
        if received_on is not UNSET:
            field_dict["received_on"] = received_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        counterparties = cast(list[str], d.pop("counterparties"))

        subject = d.pop("subject")

        def _parse_received_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        received_on = _parse_received_on(d.pop("received_on", UNSET))

        coordination_in = cls(
            counterparties=counterparties,
            subject=subject,
            received_on=received_on,
        )

        return coordination_in
