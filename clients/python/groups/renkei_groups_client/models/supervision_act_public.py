from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.supervision_kind import SupervisionKind

T = TypeVar("T", bound="SupervisionActPublic")


@_attrs_define
class SupervisionActPublic:
    """
    Attributes:
        due_on (datetime.date | None):
        group_id (str):
        id (str):
        issued_on (datetime.date):
        kind (SupervisionKind): Acts of supervision by the mayor: a report request (報告の求め), a corrective order (措置命令).
        summary (str):
    """

    due_on: datetime.date | None
    group_id: str
    id: str
    issued_on: datetime.date
    kind: SupervisionKind
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due_on: None | str
        if isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        group_id = self.group_id

        id = self.id

        issued_on = self.issued_on.isoformat()

        kind = self.kind.value

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due_on": due_on,
                "group_id": group_id,
                "id": id,
                "issued_on": issued_on,
                "kind": kind,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_due_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_on = _parse_due_on(d.pop("due_on"))

        group_id = d.pop("group_id")

        id = d.pop("id")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        kind = SupervisionKind(d.pop("kind"))

        summary = d.pop("summary")

        supervision_act_public = cls(
            due_on=due_on,
            group_id=group_id,
            id=id,
            issued_on=issued_on,
            kind=kind,
            summary=summary,
        )

        supervision_act_public.additional_properties = d
        return supervision_act_public

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
