from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_status_position_type_0 import PartnerStatusPositionType0

T = TypeVar("T", bound="PartnerStatus")


@_attrs_define
class PartnerStatus:
    """
    Attributes:
        partner (str):
        position (None | PartnerStatusPositionType0):
        stated_on (datetime.date | None):
    """

    partner: str
    position: None | PartnerStatusPositionType0
    stated_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        partner = self.partner

        position: None | str
        if isinstance(self.position, PartnerStatusPositionType0):
            position = self.position.value
        else:
            position = self.position

        stated_on: None | str
        if isinstance(self.stated_on, datetime.date):
            stated_on = self.stated_on.isoformat()
        else:
            stated_on = self.stated_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partner": partner,
                "position": position,
                "stated_on": stated_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner = d.pop("partner")

        def _parse_position(data: object) -> None | PartnerStatusPositionType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                position_type_0 = PartnerStatusPositionType0(data)

                return position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerStatusPositionType0, data)

        position = _parse_position(d.pop("position"))

        def _parse_stated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stated_on_type_0 = datetime.date.fromisoformat(data)

                return stated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        stated_on = _parse_stated_on(d.pop("stated_on"))

        partner_status = cls(
            partner=partner,
            position=position,
            stated_on=stated_on,
        )

        partner_status.additional_properties = d
        return partner_status

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
