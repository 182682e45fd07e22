from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.supervision_kind import SupervisionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupervisionActIn")


@_attrs_define
class SupervisionActIn:
    """
    Attributes:
        issued_on (datetime.date):
        kind (SupervisionKind): Acts of supervision by the mayor: a report request (報告の求め), a corrective order (措置命令).
        summary (str):
        due_on (datetime.date | None | Unset):
    """

    issued_on: datetime.date
    kind: SupervisionKind
    summary: str
    due_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issued_on = self.issued_on.isoformat()

        kind = self.kind.value

        summary = self.summary

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issued_on": issued_on,
                "kind": kind,
                "summary": summary,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        kind = SupervisionKind(d.pop("kind"))

        summary = d.pop("summary")

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        supervision_act_in = cls(
            issued_on=issued_on,
            kind=kind,
            summary=summary,
            due_on=due_on,
        )

        return supervision_act_in
