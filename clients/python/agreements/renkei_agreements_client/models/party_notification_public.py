from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_target_public import NotificationTargetPublic


T = TypeVar("T", bound="PartyNotificationPublic")


@_attrs_define
class PartyNotificationPublic:
    """One party's notification (届出): to whom, and on which day once recorded.

    Attributes:
        joint (bool): recorded in one joint record for both parties
        number (None | str):
        on (datetime.date | None): null while this party has not notified
        party (str):
        target (NotificationTargetPublic): To whom a party notifies (届出先): 総務大臣, or the 知事 of a prefecture.

            A government is named by its 6-digit 団体コード (`authority_code`); `prefecture_code` means the 2-digit
            prefecture code (JIS X 0401) everywhere else in the API, and is kept here with its old 6-digit value
            only so that existing clients do not break (docs/agreements.md, "Codes").
    """

    joint: bool
    number: None | str
    on: datetime.date | None
    party: str
    target: NotificationTargetPublic
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        joint = self.joint

        number: None | str
        number = self.number

        on: None | str
        if isinstance(self.on, datetime.date):
            on = self.on.isoformat()
        else:
            on = self.on

        party = self.party

        target = self.target.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "joint": joint,
                "number": number,
                "on": on,
                "party": party,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_target_public import NotificationTargetPublic  # noqa: PLC0415

        d = dict(src_dict)
        joint = d.pop("joint")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        def _parse_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                on_type_0 = datetime.date.fromisoformat(data)

                return on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        on = _parse_on(d.pop("on"))

        party = d.pop("party")

        target = NotificationTargetPublic.from_dict(d.pop("target"))

        party_notification_public = cls(
            joint=joint,
            number=number,
            on=on,
            party=party,
            target=target,
        )

        party_notification_public.additional_properties = d
        return party_notification_public

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
