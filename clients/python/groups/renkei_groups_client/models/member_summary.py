from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="MemberSummary")


@_attrs_define
class MemberSummary:
    """What readers other than the group and its municipality see: counts only.

    Attributes:
        members (int):
        organisation_kinds (list[OrganisationKind]):
        organisations (int):
    """

    members: int
    organisation_kinds: list[OrganisationKind]
    organisations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        members = self.members

        organisation_kinds = []
        for organisation_kinds_item_data in self.organisation_kinds:
            organisation_kinds_item = organisation_kinds_item_data.value
            organisation_kinds.append(organisation_kinds_item)

        organisations = self.organisations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "members": members,
                "organisation_kinds": organisation_kinds,
                "organisations": organisations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        members = d.pop("members")

        organisation_kinds = []
        _organisation_kinds = d.pop("organisation_kinds")
        for organisation_kinds_item_data in _organisation_kinds:
            organisation_kinds_item = OrganisationKind(organisation_kinds_item_data)

            organisation_kinds.append(organisation_kinds_item)

        organisations = d.pop("organisations")

        member_summary = cls(
            members=members,
            organisation_kinds=organisation_kinds,
            organisations=organisations,
        )

        member_summary.additional_properties = d
        return member_summary

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
