from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.role_division import RoleDivision
    from ..models.subject import Subject


T = TypeVar("T", bound="AmendmentCreate")


@_attrs_define
class AmendmentCreate:
    """A new version; omitted content is carried over from the version in force.

    Attributes:
        effective_on (datetime.date | None | Unset):
        policy (None | str | Unset):
        reason (None | str | Unset):
        role_division (list[RoleDivision] | None | Unset):
        subjects (list[Subject] | None | Unset):
        title (None | str | Unset):
    """

    effective_on: datetime.date | None | Unset = UNSET
    policy: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    role_division: list[RoleDivision] | None | Unset = UNSET
    subjects: list[Subject] | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        effective_on: None | str | Unset
        if isinstance(self.effective_on, Unset):
            effective_on = UNSET
        elif isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        policy: None | str | Unset
        if isinstance(self.policy, Unset):
            policy = UNSET
        else:
            policy = self.policy

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        role_division: list[dict[str, Any]] | None | Unset
        if isinstance(self.role_division, Unset):
            role_division = UNSET
        elif isinstance(self.role_division, list):
            role_division = []
            for role_division_type_0_item_data in self.role_division:
                role_division_type_0_item = role_division_type_0_item_data.to_dict()
                role_division.append(role_division_type_0_item)

        else:
            role_division = self.role_division

        subjects: list[dict[str, Any]] | None | Unset
        if isinstance(self.subjects, Unset):
            subjects = UNSET
        elif isinstance(self.subjects, list):
            subjects = []
            for subjects_type_0_item_data in self.subjects:
                subjects_type_0_item = subjects_type_0_item_data.to_dict()
                subjects.append(subjects_type_0_item)

        else:
            subjects = self.subjects

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if effective_on is not UNSET:
            field_dict["effective_on"] = effective_on
        if policy is not UNSET:
            field_dict["policy"] = policy
        if reason is not UNSET:
            field_dict["reason"] = reason
        if role_division is not UNSET:
            field_dict["role_division"] = role_division
        if subjects is not UNSET:
            field_dict["subjects"] = subjects
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.role_division import RoleDivision  # noqa: PLC0415
        from ..models.subject import Subject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_effective_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)

                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        effective_on = _parse_effective_on(d.pop("effective_on", UNSET))

        def _parse_policy(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        policy = _parse_policy(d.pop("policy", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_role_division(data: object) -> list[RoleDivision] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                role_division_type_0 = []
                _role_division_type_0 = data
                for role_division_type_0_item_data in _role_division_type_0:
                    role_division_type_0_item = RoleDivision.from_dict(role_division_type_0_item_data)

                    role_division_type_0.append(role_division_type_0_item)

                return role_division_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RoleDivision] | None | Unset, data)

        role_division = _parse_role_division(d.pop("role_division", UNSET))

        def _parse_subjects(data: object) -> list[Subject] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                subjects_type_0 = []
                _subjects_type_0 = data
                for subjects_type_0_item_data in _subjects_type_0:
                    subjects_type_0_item = Subject.from_dict(subjects_type_0_item_data)

                    subjects_type_0.append(subjects_type_0_item)

                return subjects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Subject] | None | Unset, data)

        subjects = _parse_subjects(d.pop("subjects", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        amendment_create = cls(
            effective_on=effective_on,
            policy=policy,
            reason=reason,
            role_division=role_division,
            subjects=subjects,
            title=title,
        )

        return amendment_create
