from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LeasePublic")


@_attrs_define
class LeasePublic:
    """
    Attributes:
        asset_id (str):
        asset_name (str):
        end_on (datetime.date):
        group_id (str):
        id (str):
        part (None | str):
        rent_reduced (bool):
        rent_yen (int):
        start_on (datetime.date):
    """

    asset_id: str
    asset_name: str
    end_on: datetime.date
    group_id: str
    id: str
    part: None | str
    rent_reduced: bool
    rent_yen: int
    start_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id = self.asset_id

        asset_name = self.asset_name

        end_on = self.end_on.isoformat()

        group_id = self.group_id

        id = self.id

        part: None | str
        part = self.part

        rent_reduced = self.rent_reduced

        rent_yen = self.rent_yen

        start_on = self.start_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_id": asset_id,
                "asset_name": asset_name,
                "end_on": end_on,
                "group_id": group_id,
                "id": id,
                "part": part,
                "rent_reduced": rent_reduced,
                "rent_yen": rent_yen,
                "start_on": start_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_id = d.pop("asset_id")

        asset_name = d.pop("asset_name")

        end_on = datetime.date.fromisoformat(d.pop("end_on"))

        group_id = d.pop("group_id")

        id = d.pop("id")

        def _parse_part(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        part = _parse_part(d.pop("part"))

        rent_reduced = d.pop("rent_reduced")

        rent_yen = d.pop("rent_yen")

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

        lease_public = cls(
            asset_id=asset_id,
            asset_name=asset_name,
            end_on=end_on,
            group_id=group_id,
            id=id,
            part=part,
            rent_reduced=rent_reduced,
            rent_yen=rent_yen,
            start_on=start_on,
        )

        lease_public.additional_properties = d
        return lease_public

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
