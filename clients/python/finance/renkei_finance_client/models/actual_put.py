from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActualPut")


@_attrs_define
class ActualPut:
    """
    Attributes:
        amount_yen (int): the decided amount in integer yen
        decided_on (datetime.date):
        note (str | Unset):  Default: ''.
    """

    amount_yen: int
    decided_on: datetime.date
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        decided_on = self.decided_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_yen": amount_yen,
                "decided_on": decided_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        note = d.pop("note", UNSET)

        actual_put = cls(
            amount_yen=amount_yen,
            decided_on=decided_on,
            note=note,
        )

        return actual_put
