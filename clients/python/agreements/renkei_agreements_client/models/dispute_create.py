from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DisputeCreate")


@_attrs_define
class DisputeCreate:
    """A written application for a settlement plan by 自治紛争処理委員, LAA art. 252-2 para. 7.

    Attributes:
        applied_on (datetime.date):
        matter (str):
    """

    applied_on: datetime.date
    matter: str

    def to_dict(self) -> dict[str, Any]:
        applied_on = self.applied_on.isoformat()

        matter = self.matter

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applied_on": applied_on,
                "matter": matter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applied_on = datetime.date.fromisoformat(d.pop("applied_on"))

        matter = d.pop("matter")

        dispute_create = cls(
            applied_on=applied_on,
            matter=matter,
        )

        return dispute_create
