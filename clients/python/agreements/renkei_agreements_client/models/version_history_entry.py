from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.version_history_entry_status import VersionHistoryEntryStatus

if TYPE_CHECKING:
    from ..models.procedure_public import ProcedurePublic
    from ..models.role_division import RoleDivision
    from ..models.subject import Subject


T = TypeVar("T", bound="VersionHistoryEntry")


@_attrs_define
class VersionHistoryEntry:
    """
    Attributes:
        ended_on (datetime.date | None):
        in_force_on (datetime.date | None):
        number (int):
        policy (None | str):
        procedures (list[ProcedurePublic]): the procedures that made or ended this version
        role_division (list[RoleDivision]):
        status (VersionHistoryEntryStatus):
        subjects (list[Subject]):
        title (str):
    """

    ended_on: datetime.date | None
    in_force_on: datetime.date | None
    number: int
    policy: None | str
    procedures: list[ProcedurePublic]
    role_division: list[RoleDivision]
    status: VersionHistoryEntryStatus
    subjects: list[Subject]
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        in_force_on: None | str
        if isinstance(self.in_force_on, datetime.date):
            in_force_on = self.in_force_on.isoformat()
        else:
            in_force_on = self.in_force_on

        number = self.number

        policy: None | str
        policy = self.policy

        procedures = []
        for procedures_item_data in self.procedures:
            procedures_item = procedures_item_data.to_dict()
            procedures.append(procedures_item)

        role_division = []
        for role_division_item_data in self.role_division:
            role_division_item = role_division_item_data.to_dict()
            role_division.append(role_division_item)

        status = self.status.value

        subjects = []
        for subjects_item_data in self.subjects:
            subjects_item = subjects_item_data.to_dict()
            subjects.append(subjects_item)

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ended_on": ended_on,
                "in_force_on": in_force_on,
                "number": number,
                "policy": policy,
                "procedures": procedures,
                "role_division": role_division,
                "status": status,
                "subjects": subjects,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.procedure_public import ProcedurePublic  # noqa: PLC0415
        from ..models.role_division import RoleDivision  # noqa: PLC0415
        from ..models.subject import Subject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        def _parse_in_force_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_force_on_type_0 = datetime.date.fromisoformat(data)

                return in_force_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        in_force_on = _parse_in_force_on(d.pop("in_force_on"))

        number = d.pop("number")

        def _parse_policy(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy = _parse_policy(d.pop("policy"))

        procedures = []
        _procedures = d.pop("procedures")
        for procedures_item_data in _procedures:
            procedures_item = ProcedurePublic.from_dict(procedures_item_data)

            procedures.append(procedures_item)

        role_division = []
        _role_division = d.pop("role_division")
        for role_division_item_data in _role_division:
            role_division_item = RoleDivision.from_dict(role_division_item_data)

            role_division.append(role_division_item)

        status = VersionHistoryEntryStatus(d.pop("status"))

        subjects = []
        _subjects = d.pop("subjects")
        for subjects_item_data in _subjects:
            subjects_item = Subject.from_dict(subjects_item_data)

            subjects.append(subjects_item)

        title = d.pop("title")

        version_history_entry = cls(
            ended_on=ended_on,
            in_force_on=in_force_on,
            number=number,
            policy=policy,
            procedures=procedures,
            role_division=role_division,
            status=status,
            subjects=subjects,
            title=title,
        )

        version_history_entry.additional_properties = d
        return version_history_entry

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
