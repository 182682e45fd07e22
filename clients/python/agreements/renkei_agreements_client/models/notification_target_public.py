from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_target_public_authority import NotificationTargetPublicAuthority

T = TypeVar("T", bound="NotificationTargetPublic")


@_attrs_define
class NotificationTargetPublic:
    """To whom a party notifies (届出先): 総務大臣, or the 知事 of a prefecture.

    A government is named by its 6-digit 団体コード (`authority_code`); `prefecture_code` means the 2-digit
    prefecture code (JIS X 0401) everywhere else in the API, and is kept here with its old 6-digit value
    only so that existing clients do not break (docs/agreements.md, "Codes").

        Attributes:
            authority (NotificationTargetPublicAuthority):
            authority_code (None | str): 団体コード (6 digits) of the prefecture whose 知事 is notified; null for 総務大臣
            prefecture_code (None | str): deprecated: the same 6-digit 団体コード as authority_code; read authority_code
            title (str):
    """

    authority: NotificationTargetPublicAuthority
    authority_code: None | str
    prefecture_code: None | str
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authority = self.authority.value

        authority_code: None | str
        authority_code = self.authority_code

        prefecture_code: None | str
        prefecture_code = self.prefecture_code

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authority": authority,
                "authority_code": authority_code,
                "prefecture_code": prefecture_code,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        authority = NotificationTargetPublicAuthority(d.pop("authority"))

        def _parse_authority_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        authority_code = _parse_authority_code(d.pop("authority_code"))

        def _parse_prefecture_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prefecture_code = _parse_prefecture_code(d.pop("prefecture_code"))

        title = d.pop("title")

        notification_target_public = cls(
            authority=authority,
            authority_code=authority_code,
            prefecture_code=prefecture_code,
            title=title,
        )

        notification_target_public.additional_properties = d
        return notification_target_public

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
