from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeaseIn")


@_attrs_define
class LeaseIn:
    """
    Attributes:
        asset_id (str): the municipality's asset id
        asset_name (str):
        end_on (datetime.date):
        rent_yen (int): rent over the period; 0 when free
        start_on (datetime.date):
        part (None | str | Unset): the part leased (a room, a floor); none: the whole
        rent_reduced (bool | Unset):  Default: False.
    """

    asset_id: str
    asset_name: str
    end_on: datetime.date
    rent_yen: int
    start_on: datetime.date
    part: None | str | Unset = UNSET
    rent_reduced: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        asset_id = self.asset_id

        asset_name = self.asset_name

        end_on = self.end_on.isoformat()

        rent_yen = self.rent_yen

        start_on = self.start_on.isoformat()

        part: None | str | Unset
        if isinstance(self.part, Unset):
            part = UNSET
        else:
            part = self.part

        rent_reduced = self.rent_reduced

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "asset_id": asset_id,
                "asset_name": asset_name,
                "end_on": end_on,
                "rent_yen": rent_yen,
                "start_on": start_on,
            }
        )
        if part is not UNSET:
            field_dict["part"] = part
        if rent_reduced is not UNSET:
            field_dict["rent_reduced"] = rent_reduced

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_id = d.pop("asset_id")

        asset_name = d.pop("asset_name")

        end_on = datetime.date.fromisoformat(d.pop("end_on"))

        rent_yen = d.pop("rent_yen")

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

        def _parse_part(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        part = _parse_part(d.pop("part", UNSET))

        rent_reduced = d.pop("rent_reduced", UNSET)

        lease_in = cls(
            asset_id=asset_id,
            asset_name=asset_name,
            end_on=end_on,
            rent_yen=rent_yen,
            start_on=start_on,
            part=part,
            rent_reduced=rent_reduced,
        )

        return lease_in
