from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NeedCreate")


@_attrs_define
class NeedCreate:
    """
    Attributes:
        ends_on (datetime.date):
        municipality_code (str): 6-digit 団体コード with check digit
        profession_code (str): lower-case, digits, _
        starts_on (datetime.date):
        workload_percent (int): share of a full-time post
        description (str | Unset):  Default: ''.
    """

    ends_on: datetime.date
    municipality_code: str
    profession_code: str
    starts_on: datetime.date
    workload_percent: int
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        municipality_code = self.municipality_code

        profession_code = self.profession_code

        starts_on = self.starts_on.isoformat()

        workload_percent = self.workload_percent

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ends_on": ends_on,
                "municipality_code": municipality_code,
                "profession_code": profession_code,
                "starts_on": starts_on,
                "workload_percent": workload_percent,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        municipality_code = d.pop("municipality_code")

        profession_code = d.pop("profession_code")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        workload_percent = d.pop("workload_percent")

        description = d.pop("description", UNSET)

        need_create = cls(
            ends_on=ends_on,
            municipality_code=municipality_code,
            profession_code=profession_code,
            starts_on=starts_on,
            workload_percent=workload_percent,
            description=description,
        )

        return need_create
