from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shared_service_public_category import SharedServicePublicCategory

if TYPE_CHECKING:
    from ..models.cost_sharing_public import CostSharingPublic
    from ..models.member_consent_public import MemberConsentPublic


T = TypeVar("T", bound="SharedServicePublic")


@_attrs_define
class SharedServicePublic:
    """
    Attributes:
        agreement_id (None | str):
        area_id (None | str):
        category (SharedServicePublicCategory):
        cost_sharings (list[CostSharingPublic]):
        created_at (datetime.datetime):
        description (None | str):
        id (str):
        lead_code (str):
        member_consents (list[MemberConsentPublic]): each member's consent; costs are shared only once every member
            consented
        members (list[str]):
        name (str):
    """

    agreement_id: None | str
    area_id: None | str
    category: SharedServicePublicCategory
    cost_sharings: list[CostSharingPublic]
    created_at: datetime.datetime
    description: None | str
    id: str
    lead_code: str
    member_consents: list[MemberConsentPublic]
    members: list[str]
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id: None | str
        agreement_id = self.agreement_id

        area_id: None | str
        area_id = self.area_id

        category = self.category.value

        cost_sharings = []
        for cost_sharings_item_data in self.cost_sharings:
            cost_sharings_item = cost_sharings_item_data.to_dict()
            cost_sharings.append(cost_sharings_item)

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        id = self.id

        lead_code = self.lead_code

        member_consents = []
        for member_consents_item_data in self.member_consents:
            member_consents_item = member_consents_item_data.to_dict()
            member_consents.append(member_consents_item)

        members = self.members

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "area_id": area_id,
                "category": category,
                "cost_sharings": cost_sharings,
                "created_at": created_at,
                "description": description,
                "id": id,
                "lead_code": lead_code,
                "member_consents": member_consents,
                "members": members,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_sharing_public import CostSharingPublic  # noqa: PLC0415
        from ..models.member_consent_public import MemberConsentPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_agreement_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agreement_id = _parse_agreement_id(d.pop("agreement_id"))

        def _parse_area_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_id = _parse_area_id(d.pop("area_id"))

        category = SharedServicePublicCategory(d.pop("category"))

        cost_sharings = []
        _cost_sharings = d.pop("cost_sharings")
        for cost_sharings_item_data in _cost_sharings:
            cost_sharings_item = CostSharingPublic.from_dict(cost_sharings_item_data)

            cost_sharings.append(cost_sharings_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        id = d.pop("id")

        lead_code = d.pop("lead_code")

        member_consents = []
        _member_consents = d.pop("member_consents")
        for member_consents_item_data in _member_consents:
            member_consents_item = MemberConsentPublic.from_dict(member_consents_item_data)

            member_consents.append(member_consents_item)

        members = cast(list[str], d.pop("members"))

        name = d.pop("name")

        shared_service_public = cls(
            agreement_id=agreement_id,
            area_id=area_id,
            category=category,
            cost_sharings=cost_sharings,
            created_at=created_at,
            description=description,
            id=id,
            lead_code=lead_code,
            member_consents=member_consents,
            members=members,
            name=name,
        )

        shared_service_public.additional_properties = d
        return shared_service_public

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
