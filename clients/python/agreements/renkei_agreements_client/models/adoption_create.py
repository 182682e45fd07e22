from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AdoptionCreate")


@_attrs_define
class AdoptionCreate:
    """
    Attributes:
        adopted_on (datetime.date):
    """

    adopted_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        adopted_on = self.adopted_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adopted_on": adopted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adopted_on = datetime.date.fromisoformat(d.pop("adopted_on"))

        adoption_create = cls(
            adopted_on=adopted_on,
        )

        return adoption_create
