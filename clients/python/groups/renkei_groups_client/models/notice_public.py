from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notice_kind import NoticeKind

T = TypeVar("T", bound="NoticePublic")


@_attrs_define
class NoticePublic:
    """A notice as published: the group as an organisation, never its members.

    Attributes:
        area (str):
        group_id (str):
        group_name (str):
        id (str):
        kind (NoticeKind): Public notices (告示) of the designation.
        municipality_code (str):
        notice_number (str):
        noticed_on (datetime.date):
        office (str):
        summary (str):
    """

    area: str
    group_id: str
    group_name: str
    id: str
    kind: NoticeKind
    municipality_code: str
    notice_number: str
    noticed_on: datetime.date
    office: str
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        area = self.area

        group_id = self.group_id

        group_name = self.group_name

        id = self.id

        kind = self.kind.value

        municipality_code = self.municipality_code

        notice_number = self.notice_number

        noticed_on = self.noticed_on.isoformat()

        office = self.office

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area": area,
                "group_id": group_id,
                "group_name": group_name,
                "id": id,
                "kind": kind,
                "municipality_code": municipality_code,
                "notice_number": notice_number,
                "noticed_on": noticed_on,
                "office": office,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area = d.pop("area")

        group_id = d.pop("group_id")

        group_name = d.pop("group_name")

        id = d.pop("id")

        kind = NoticeKind(d.pop("kind"))

        municipality_code = d.pop("municipality_code")

        notice_number = d.pop("notice_number")

        noticed_on = datetime.date.fromisoformat(d.pop("noticed_on"))

        office = d.pop("office")

        summary = d.pop("summary")

        notice_public = cls(
            area=area,
            group_id=group_id,
            group_name=group_name,
            id=id,
            kind=kind,
            municipality_code=municipality_code,
            notice_number=notice_number,
            noticed_on=noticed_on,
            office=office,
            summary=summary,
        )

        notice_public.additional_properties = d
        return notice_public

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
