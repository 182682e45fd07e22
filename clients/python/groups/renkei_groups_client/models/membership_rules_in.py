from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.organisation_kind import OrganisationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="MembershipRulesIn")


@_attrs_define
class MembershipRulesIn:
    """Omitted rules keep the default: half the members residents, at least 2 members, no listed kinds.

    Attributes:
        min_members (int | None | Unset):
        min_required_kinds (int | None | Unset): how many listed kinds must take part; default all of them
        min_resident_share (None | str | Unset):
        organisation_resident_share (None | str | Unset): an organisation counts as mainly residents from this own share
        required_organisation_kinds (list[OrganisationKind] | Unset):
    """

    min_members: int | None | Unset = UNSET
    min_required_kinds: int | None | Unset = UNSET
    min_resident_share: None | str | Unset = UNSET
    organisation_resident_share: None | str | Unset = UNSET
    required_organisation_kinds: list[OrganisationKind] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        min_members: int | None | Unset
        if isinstance(self.min_members, Unset):
            min_members = UNSET
        else:
            min_members = self.min_members

        min_required_kinds: int | None | Unset
        if isinstance(self.min_required_kinds, Unset):
            min_required_kinds = UNSET
        else:
            min_required_kinds = self.min_required_kinds

        min_resident_share: None | str | Unset
        if isinstance(self.min_resident_share, Unset):
            min_resident_share = UNSET
        else:
            min_resident_share = self.min_resident_share

        organisation_resident_share: None | str | Unset
        if isinstance(self.organisation_resident_share, Unset):
            organisation_resident_share = UNSET
        else:
            organisation_resident_share = self.organisation_resident_share

        required_organisation_kinds: list[str] | Unset = UNSET
        if not isinstance(self.required_organisation_kinds, Unset):
            required_organisation_kinds = []
            for required_organisation_kinds_item_data in self.required_organisation_kinds:
                required_organisation_kinds_item = required_organisation_kinds_item_data.value
                required_organisation_kinds.append(required_organisation_kinds_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if min_members is not UNSET:
            field_dict["min_members"] = min_members
        if min_required_kinds is not UNSET:
            field_dict["min_required_kinds"] = min_required_kinds
        if min_resident_share is not UNSET:
            field_dict["min_resident_share"] = min_resident_share
        if organisation_resident_share is not UNSET:
            field_dict["organisation_resident_share"] = organisation_resident_share
        if required_organisation_kinds is not UNSET:
            field_dict["required_organisation_kinds"] = required_organisation_kinds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_min_members(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_members = _parse_min_members(d.pop("min_members", UNSET))

        def _parse_min_required_kinds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_required_kinds = _parse_min_required_kinds(d.pop("min_required_kinds", UNSET))

        def _parse_min_resident_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_resident_share = _parse_min_resident_share(d.pop("min_resident_share", UNSET))

        def _parse_organisation_resident_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organisation_resident_share = _parse_organisation_resident_share(d.pop("organisation_resident_share", UNSET))

        _required_organisation_kinds = d.pop("required_organisation_kinds", UNSET)
        required_organisation_kinds: list[OrganisationKind] | Unset = UNSET
        if _required_organisation_kinds is not UNSET:
            required_organisation_kinds = []
            for required_organisation_kinds_item_data in _required_organisation_kinds:
                required_organisation_kinds_item = OrganisationKind(required_organisation_kinds_item_data)

                required_organisation_kinds.append(required_organisation_kinds_item)

        membership_rules_in = cls(
            min_members=min_members,
            min_required_kinds=min_required_kinds,
            min_resident_share=min_resident_share,
            organisation_resident_share=organisation_resident_share,
            required_organisation_kinds=required_organisation_kinds,
        )

        return membership_rules_in
