from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.licence_in import LicenceIn


T = TypeVar("T", bound="SpecialistUpdate")


@_attrs_define
class SpecialistUpdate:
    """
    Attributes:
        contact (None | str | Unset):
        employed_until (datetime.date | None | Unset):
        licences (list[LicenceIn] | None | Unset):
    """

    contact: None | str | Unset = UNSET
    employed_until: datetime.date | None | Unset = UNSET
    licences: list[LicenceIn] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        employed_until: None | str | Unset
        if isinstance(self.employed_until, Unset):
            employed_until = UNSET
        elif isinstance(self.employed_until, datetime.date):
            employed_until = self.employed_until.isoformat()
        else:
            employed_until = self.employed_until

        licences: list[dict[str, Any]] | None | Unset
        if isinstance(self.licences, Unset):
            licences = UNSET
        elif isinstance(self.licences, list):
            licences = []
            for licences_type_0_item_data in self.licences:
                licences_type_0_item = licences_type_0_item_data.to_dict()
                licences.append(licences_type_0_item)

        else:
            licences = self.licences

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contact is not UNSET:
            field_dict["contact"] = contact
        if employed_until is not UNSET:
            field_dict["employed_until"] = employed_until
        if licences is not UNSET:
            field_dict["licences"] = licences

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.licence_in import LicenceIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        def _parse_employed_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employed_until_type_0 = datetime.date.fromisoformat(data)

                return employed_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        employed_until = _parse_employed_until(d.pop("employed_until", UNSET))

        def _parse_licences(data: object) -> list[LicenceIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                licences_type_0 = []
                _licences_type_0 = data
                for licences_type_0_item_data in _licences_type_0:
                    licences_type_0_item = LicenceIn.from_dict(licences_type_0_item_data)

                    licences_type_0.append(licences_type_0_item)

                return licences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LicenceIn] | None | Unset, data)

        licences = _parse_licences(d.pop("licences", UNSET))

        specialist_update = cls(
            contact=contact,
            employed_until=employed_until,
            licences=licences,
        )

        return specialist_update
