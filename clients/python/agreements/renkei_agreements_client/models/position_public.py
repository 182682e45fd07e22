from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_public_position import PositionPublicPosition

T = TypeVar("T", bound="PositionPublic")


@_attrs_define
class PositionPublic:
    """
    Attributes:
        partner (str):
        position (PositionPublicPosition):
        reasons (None | str):
        recorded_at (datetime.datetime):
        recorded_by_org (str):
        stated_on (datetime.date):
    """

    partner: str
    position: PositionPublicPosition
    reasons: None | str
    recorded_at: datetime.datetime
    recorded_by_org: str
    stated_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        partner = self.partner

        position = self.position.value

        reasons: None | str
        reasons = self.reasons

        recorded_at = self.recorded_at.isoformat()

        recorded_by_org = self.recorded_by_org

        stated_on = self.stated_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partner": partner,
                "position": position,
                "reasons": reasons,
                "recorded_at": recorded_at,
                "recorded_by_org": recorded_by_org,
                "stated_on": stated_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partner = d.pop("partner")

        position = PositionPublicPosition(d.pop("position"))

        def _parse_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reasons = _parse_reasons(d.pop("reasons"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by_org = d.pop("recorded_by_org")

        stated_on = datetime.date.fromisoformat(d.pop("stated_on"))

        position_public = cls(
            partner=partner,
            position=position,
            reasons=reasons,
            recorded_at=recorded_at,
            recorded_by_org=recorded_by_org,
            stated_on=stated_on,
        )

        position_public.additional_properties = d
        return position_public

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
