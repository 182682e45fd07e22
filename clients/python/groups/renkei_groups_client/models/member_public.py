from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.member_kind import MemberKind
from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="MemberPublic")


@_attrs_define
class MemberPublic:
    """
    Attributes:
        address (None | str):
        contact (None | str):
        kind (MemberKind): A direct member of the group: a person, or an organisation (自治会, PTA, NPO法人 ...).
        name (str):
        organisation_kind (None | OrganisationKind):
        resident (bool):
        resident_share (None | str):
    """

    address: None | str
    contact: None | str
    kind: MemberKind
    name: str
    organisation_kind: None | OrganisationKind
    resident: bool
    resident_share: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        contact: None | str
        contact = self.contact

        kind = self.kind.value

        name = self.name

        organisation_kind: None | str
        if isinstance(self.organisation_kind, OrganisationKind):
            organisation_kind = self.organisation_kind.value
        else:
            organisation_kind = self.organisation_kind

        resident = self.resident

        resident_share: None | str
        resident_share = self.resident_share

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "contact": contact,
                "kind": kind,
                "name": name,
                "organisation_kind": organisation_kind,
                "resident": resident,
                "resident_share": resident_share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))

        kind = MemberKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_organisation_kind(data: object) -> None | OrganisationKind:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_kind_type_0 = OrganisationKind(data)

                return organisation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationKind, data)

        organisation_kind = _parse_organisation_kind(d.pop("organisation_kind"))

        resident = d.pop("resident")

        def _parse_resident_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resident_share = _parse_resident_share(d.pop("resident_share"))

        member_public = cls(
            address=address,
            contact=contact,
            kind=kind,
            name=name,
            organisation_kind=organisation_kind,
            resident=resident,
            resident_share=resident_share,
        )

        member_public.additional_properties = d
        return member_public

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
