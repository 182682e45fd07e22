from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.need_status import NeedStatus

T = TypeVar("T", bound="NeedPublic")


@_attrs_define
class NeedPublic:
    """
    Attributes:
        created_at (datetime.datetime):
        description (str):
        dispatch_id (None | str):
        ends_on (datetime.date):
        id (str):
        municipality_code (str):
        profession_code (str):
        starts_on (datetime.date):
        status (NeedStatus):
        workload_percent (int):
    """

    created_at: datetime.datetime
    description: str
    dispatch_id: None | str
    ends_on: datetime.date
    id: str
    municipality_code: str
    profession_code: str
    starts_on: datetime.date
    status: NeedStatus
    workload_percent: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        description = self.description

        dispatch_id: None | str
        dispatch_id = self.dispatch_id

        ends_on = self.ends_on.isoformat()

        id = self.id

        municipality_code = self.municipality_code

        profession_code = self.profession_code

        starts_on = self.starts_on.isoformat()

        status = self.status.value

        workload_percent = self.workload_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "dispatch_id": dispatch_id,
                "ends_on": ends_on,
                "id": id,
                "municipality_code": municipality_code,
                "profession_code": profession_code,
                "starts_on": starts_on,
                "status": status,
                "workload_percent": workload_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        def _parse_dispatch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dispatch_id = _parse_dispatch_id(d.pop("dispatch_id"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        id = d.pop("id")

        municipality_code = d.pop("municipality_code")

        profession_code = d.pop("profession_code")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = NeedStatus(d.pop("status"))

        workload_percent = d.pop("workload_percent")

        need_public = cls(
            created_at=created_at,
            description=description,
            dispatch_id=dispatch_id,
            ends_on=ends_on,
            id=id,
            municipality_code=municipality_code,
            profession_code=profession_code,
            starts_on=starts_on,
            status=status,
            workload_percent=workload_percent,
        )

        need_public.additional_properties = d
        return need_public

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
