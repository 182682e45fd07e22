from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.licence_public import LicencePublic


T = TypeVar("T", bound="SpecialistPublic")


@_attrs_define
class SpecialistPublic:
    """
    Attributes:
        contact (None | str):
        display_name (str): 氏名 for the employer (and the receiving municipality during a dispatch), otherwise a stable
            pseudonym
        employed_from (datetime.date):
        employed_until (datetime.date):
        employer_code (str):
        id (str):
        licences (list[LicencePublic]):
        personal_data (bool): whether name, contact and licence numbers are shown
        profession_code (str):
    """

    contact: None | str
    display_name: str
    employed_from: datetime.date
    employed_until: datetime.date
    employer_code: str
    id: str
    licences: list[LicencePublic]
    personal_data: bool
    profession_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contact: None | str
        contact = self.contact

        display_name = self.display_name

        employed_from = self.employed_from.isoformat()

        employed_until = self.employed_until.isoformat()

        employer_code = self.employer_code

        id = self.id

        licences = []
        for licences_item_data in self.licences:
            licences_item = licences_item_data.to_dict()
            licences.append(licences_item)

        personal_data = self.personal_data

        profession_code = self.profession_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contact": contact,
                "display_name": display_name,
                "employed_from": employed_from,
                "employed_until": employed_until,
                "employer_code": employer_code,
                "id": id,
                "licences": licences,
                "personal_data": personal_data,
                "profession_code": profession_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.licence_public import LicencePublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))

        display_name = d.pop("display_name")

        employed_from = datetime.date.fromisoformat(d.pop("employed_from"))

        employed_until = datetime.date.fromisoformat(d.pop("employed_until"))

        employer_code = d.pop("employer_code")

        id = d.pop("id")

        licences = []
        _licences = d.pop("licences")
        for licences_item_data in _licences:
            licences_item = LicencePublic.from_dict(licences_item_data)

            licences.append(licences_item)

        personal_data = d.pop("personal_data")

        profession_code = d.pop("profession_code")

        specialist_public = cls(
            contact=contact,
            display_name=display_name,
            employed_from=employed_from,
            employed_until=employed_until,
            employer_code=employer_code,
            id=id,
            licences=licences,
            personal_data=personal_data,
            profession_code=profession_code,
        )

        specialist_public.additional_properties = d
        return specialist_public

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
