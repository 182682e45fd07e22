from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="MembershipRulesPublic")


@_attrs_define
class MembershipRulesPublic:
    """
    Attributes:
        min_members (int):
        min_required_kinds (int):
        min_resident_share (str):
        organisation_resident_share (str):
        required_organisation_kinds (list[OrganisationKind]):
    """

    min_members: int
    min_required_kinds: int
    min_resident_share: str
    organisation_resident_share: str
    required_organisation_kinds: list[OrganisationKind]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        min_members = self.min_members

        min_required_kinds = self.min_required_kinds

        min_resident_share = self.min_resident_share

        organisation_resident_share = self.organisation_resident_share

        required_organisation_kinds = []
        for required_organisation_kinds_item_data in self.required_organisation_kinds:
            required_organisation_kinds_item = required_organisation_kinds_item_data.value
            required_organisation_kinds.append(required_organisation_kinds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "min_members": min_members,
                "min_required_kinds": min_required_kinds,
                "min_resident_share": min_resident_share,
                "organisation_resident_share": organisation_resident_share,
                "required_organisation_kinds": required_organisation_kinds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_members = d.pop("min_members")

        min_required_kinds = d.pop("min_required_kinds")

        min_resident_share = d.pop("min_resident_share")

        organisation_resident_share = d.pop("organisation_resident_share")

        required_organisation_kinds = []
        _required_organisation_kinds = d.pop("required_organisation_kinds")
        for required_organisation_kinds_item_data in _required_organisation_kinds:
            required_organisation_kinds_item = OrganisationKind(required_organisation_kinds_item_data)

            required_organisation_kinds.append(required_organisation_kinds_item)

        membership_rules_public = cls(
            min_members=min_members,
            min_required_kinds=min_required_kinds,
            min_resident_share=min_resident_share,
            organisation_resident_share=organisation_resident_share,
            required_organisation_kinds=required_organisation_kinds,
        )

        membership_rules_public.additional_properties = d
        return membership_rules_public

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
