from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.licence_in import LicenceIn


T = TypeVar("T", bound="SpecialistCreate")


@_attrs_define
class SpecialistCreate:
    """
    Attributes:
        employed_from (datetime.date):
        employed_until (datetime.date):
        employer_code (str): 6-digit 団体コード with check digit
        name (str): 氏名; personal data
        profession_code (str): lower-case, digits, _
        contact (None | str | Unset): 連絡先; personal data
        licences (list[LicenceIn] | Unset):
    """

    employed_from: datetime.date
    employed_until: datetime.date
    employer_code: str
    name: str
    profession_code: str
    contact: None | str | Unset = UNSET
    licences: list[LicenceIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        employed_from = self.employed_from.isoformat()

        employed_until = self.employed_until.isoformat()

        employer_code = self.employer_code

        name = self.name

        profession_code = self.profession_code

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        licences: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.licences, Unset):
            licences = []
            for licences_item_data in self.licences:
                licences_item = licences_item_data.to_dict()
                licences.append(licences_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employed_from": employed_from,
                "employed_until": employed_until,
                "employer_code": employer_code,
                "name": name,
                "profession_code": profession_code,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact
        if licences is not UNSET:
            field_dict["licences"] = licences

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.licence_in import LicenceIn  # noqa: PLC0415

        d = dict(src_dict)
        employed_from = datetime.date.fromisoformat(d.pop("employed_from"))

        employed_until = datetime.date.fromisoformat(d.pop("employed_until"))

        employer_code = d.pop("employer_code")

        name = d.pop("name")

        profession_code = d.pop("profession_code")

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        _licences = d.pop("licences", UNSET)
        licences: list[LicenceIn] | Unset = UNSET
        if _licences is not UNSET:
            licences = []
            for licences_item_data in _licences:
                licences_item = LicenceIn.from_dict(licences_item_data)

                licences.append(licences_item)

        specialist_create = cls(
            employed_from=employed_from,
            employed_until=employed_until,
            employer_code=employer_code,
            name=name,
            profession_code=profession_code,
            contact=contact,
            licences=licences,
        )

        return specialist_create
