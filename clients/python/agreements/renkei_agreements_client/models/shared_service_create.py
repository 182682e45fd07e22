from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.shared_service_create_category import SharedServiceCreateCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="SharedServiceCreate")


@_attrs_define
class SharedServiceCreate:
    """A shared facility (公共施設の集約化・共同利用) or a joint task (事務の共同実施) and its members.

    Attributes:
        category (SharedServiceCreateCategory):
        lead_code (str): the member that runs it and records the cost sharing
        members (list[str]):
        name (str):
        agreement_id (None | str | Unset):
        area_id (None | str | Unset):
        description (None | str | Unset):
    """

    category: SharedServiceCreateCategory
    lead_code: str
    members: list[str]
    name: str
    agreement_id: None | str | Unset = UNSET
    area_id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        lead_code = self.lead_code

        members = self.members

        name = self.name

        agreement_id: None | str | Unset
        if isinstance(self.agreement_id, Unset):
            agreement_id = UNSET
        else:
            agreement_id = self.agreement_id

        area_id: None | str | Unset
        if isinstance(self.area_id, Unset):
            area_id = UNSET
        else:
            area_id = self.area_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "lead_code": lead_code,
                "members": members,
                "name": name,
            }
        )
        if agreement_id is not UNSET:
            field_dict["agreement_id"] = agreement_id
        if area_id is not UNSET:
            field_dict["area_id"] = area_id
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = SharedServiceCreateCategory(d.pop("category"))

        lead_code = d.pop("lead_code")

        members = cast(list[str], d.pop("members"))

        name = d.pop("name")

        def _parse_agreement_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agreement_id = _parse_agreement_id(d.pop("agreement_id", UNSET))

        def _parse_area_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        area_id = _parse_area_id(d.pop("area_id", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        shared_service_create = cls(
            category=category,
            lead_code=lead_code,
            members=members,
            name=name,
            agreement_id=agreement_id,
            area_id=area_id,
            description=description,
        )

        return shared_service_create
