from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConsentCreate")


@_attrs_define
class ConsentCreate:
    """The calling member's consent to take part in the service and share its costs.

    Attributes:
        consented_on (datetime.date): the day the member decided to take part
    """

    consented_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        consented_on = self.consented_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "consented_on": consented_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        consented_on = datetime.date.fromisoformat(d.pop("consented_on"))

        consent_create = cls(
            consented_on=consented_on,
        )

        return consent_create
