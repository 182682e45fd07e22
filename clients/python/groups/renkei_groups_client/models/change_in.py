from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.representative_in import RepresentativeIn


T = TypeVar("T", bound="ChangeIn")


@_attrs_define
class ChangeIn:
    """
    Attributes:
        changed_on (datetime.date):
        notice_number (str):
        name (None | str | Unset):
        office (None | str | Unset):
        representative (None | RepresentativeIn | Unset):
    """

    changed_on: datetime.date
    notice_number: str
    name: None | str | Unset = UNSET
    office: None | str | Unset = UNSET
    representative: None | RepresentativeIn | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.representative_in import RepresentativeIn  # noqa: PLC0415

        changed_on = self.changed_on.isoformat()

        notice_number = self.notice_number

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        office: None | str | Unset
        if isinstance(self.office, Unset):
            office = UNSET
        else:
            office = self.office

        representative: dict[str, Any] | None | Unset
        if isinstance(self.representative, Unset):
            representative = UNSET
        elif isinstance(self.representative, RepresentativeIn):
            representative = self.representative.to_dict()
        else:
            representative = self.representative

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changed_on": changed_on,
                "notice_number": notice_number,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if office is not UNSET:
            field_dict["office"] = office
        if representative is not UNSET:
            field_dict["representative"] = representative

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.representative_in import RepresentativeIn  # noqa: PLC0415

        d = dict(src_dict)
        changed_on = datetime.date.fromisoformat(d.pop("changed_on"))

        notice_number = d.pop("notice_number")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_office(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        office = _parse_office(d.pop("office", UNSET))

        def _parse_representative(data: object) -> None | RepresentativeIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                representative_type_0 = RepresentativeIn.from_dict(data)

                return representative_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RepresentativeIn | Unset, data)

        representative = _parse_representative(d.pop("representative", UNSET))

        change_in = cls(
            changed_on=changed_on,
            notice_number=notice_number,
            name=name,
            office=office,
            representative=representative,
        )

        return change_in
