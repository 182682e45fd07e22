from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subject_type import SubjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Subject")


@_attrs_define
class Subject:
    """What the parties do together: a policy field, joint task, shared facility or staffing cooperation.

    Attributes:
        type_ (SubjectType):
        description (str | Unset):  Default: ''.
        field (None | str | Unset): policy field, e.g. 医療, 公共交通
        shared_service_id (None | str | Unset):
    """

    type_: SubjectType
    description: str | Unset = ""
    field: None | str | Unset = UNSET
    shared_service_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        description = self.description

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        shared_service_id: None | str | Unset
        if isinstance(self.shared_service_id, Unset):
            shared_service_id = UNSET
        else:
            shared_service_id = self.shared_service_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if field is not UNSET:
            field_dict["field"] = field
        if shared_service_id is not UNSET:
            field_dict["shared_service_id"] = shared_service_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = SubjectType(d.pop("type"))

        description = d.pop("description", UNSET)

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        def _parse_shared_service_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        shared_service_id = _parse_shared_service_id(d.pop("shared_service_id", UNSET))

        subject = cls(
            type_=type_,
            description=description,
            field=field,
            shared_service_id=shared_service_id,
        )

        return subject
