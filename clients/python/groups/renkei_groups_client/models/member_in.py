from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.member_kind import MemberKind
from ..models.organisation_kind import OrganisationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberIn")


@_attrs_define
class MemberIn:
    """
    Attributes:
        kind (MemberKind): A direct member of the group: a person, or an organisation (自治会, PTA, NPO法人 ...).
        name (str):
        address (None | str | Unset):
        contact (None | str | Unset):
        organisation_kind (None | OrganisationKind | Unset):
        resident (bool | Unset): a person living in the area (individuals only) Default: False.
        resident_share (None | str | Unset): organisations: share of residents
    """

    kind: MemberKind
    name: str
    address: None | str | Unset = UNSET
    contact: None | str | Unset = UNSET
    organisation_kind: None | OrganisationKind | Unset = UNSET
    resident: bool | Unset = False
    resident_share: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        organisation_kind: None | str | Unset
        if isinstance(self.organisation_kind, Unset):
            organisation_kind = UNSET
        elif isinstance(self.organisation_kind, OrganisationKind):
            organisation_kind = self.organisation_kind.value
        else:
            organisation_kind = self.organisation_kind

        resident = self.resident

        resident_share: None | str | Unset
        if isinstance(self.resident_share, Unset):
            resident_share = UNSET
        else:
            resident_share = self.resident_share

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if address is not UNSET:
            field_dict["address"] = address
        if contact is not UNSET:
            field_dict["contact"] = contact
        if organisation_kind is not UNSET:
            field_dict["organisation_kind"] = organisation_kind
        if resident is not UNSET:
            field_dict["resident"] = resident
        if resident_share is not UNSET:
            field_dict["resident_share"] = resident_share

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MemberKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_organisation_kind(data: object) -> None | OrganisationKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organisation_kind_type_0 = OrganisationKind(data)

                return organisation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationKind | Unset, data)

        organisation_kind = _parse_organisation_kind(d.pop("organisation_kind", UNSET))

        resident = d.pop("resident", UNSET)

        def _parse_resident_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resident_share = _parse_resident_share(d.pop("resident_share", UNSET))

        member_in = cls(
            kind=kind,
            name=name,
            address=address,
            contact=contact,
            organisation_kind=organisation_kind,
            resident=resident,
            resident_share=resident_share,
        )

        return member_in
