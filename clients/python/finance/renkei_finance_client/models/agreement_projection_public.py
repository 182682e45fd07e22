from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgreementProjectionPublic")


@_attrs_define
class AgreementProjectionPublic:
    """
    Attributes:
        aggregate_version (int):
        agreement_id (str):
        area_id (None | str):
        concluded_on (datetime.date | None):
        in_force_on (datetime.date | None): the first day any version of it was in force
        kind (None | str): null while only the termination has arrived
        party_codes (list[str]):
        status (str): in_force or terminated
        terminated_on (datetime.date | None):
        title (None | str):
        version (int):
    """

    aggregate_version: int
    agreement_id: str
    area_id: None | str
    concluded_on: datetime.date | None
    in_force_on: datetime.date | None
    kind: None | str
    party_codes: list[str]
    status: str
    terminated_on: datetime.date | None
    title: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aggregate_version = self.aggregate_version

        agreement_id = self.agreement_id

        area_id: None | str
        area_id = self.area_id

        concluded_on: None | str
        if isinstance(self.concluded_on, datetime.date):
            concluded_on = self.concluded_on.isoformat()
        else:
            concluded_on = self.concluded_on

        in_force_on: None | str
        if isinstance(self.in_force_on, datetime.date):
            in_force_on = self.in_force_on.isoformat()
        else:
            in_force_on = self.in_force_on

        kind: None | str
        kind = self.kind

        party_codes = self.party_codes

        status = self.status

        terminated_on: None | str
        if isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        title: None | str
        title = self.title

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aggregate_version": aggregate_version,
                "agreement_id": agreement_id,
                "area_id": area_id,
                "concluded_on": concluded_on,
                "in_force_on": in_force_on,
                "kind": kind,
                "party_codes": party_codes,
                "status": status,
                "terminated_on": terminated_on,
                "title": title,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aggregate_version = d.pop("aggregate_version")

        agreement_id = d.pop("agreement_id")

        def _parse_area_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_id = _parse_area_id(d.pop("area_id"))

        def _parse_concluded_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                concluded_on_type_0 = datetime.date.fromisoformat(data)

                return concluded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        concluded_on = _parse_concluded_on(d.pop("concluded_on"))

        def _parse_in_force_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_force_on_type_0 = datetime.date.fromisoformat(data)

                return in_force_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        in_force_on = _parse_in_force_on(d.pop("in_force_on"))

        def _parse_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kind = _parse_kind(d.pop("kind"))

        party_codes = cast(list[str], d.pop("party_codes"))

        status = d.pop("status")

        def _parse_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)

                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        version = d.pop("version")

        agreement_projection_public = cls(
            aggregate_version=aggregate_version,
            agreement_id=agreement_id,
            area_id=area_id,
            concluded_on=concluded_on,
            in_force_on=in_force_on,
            kind=kind,
            party_codes=party_codes,
            status=status,
            terminated_on=terminated_on,
            title=title,
            version=version,
        )

        agreement_projection_public.additional_properties = d
        return agreement_projection_public

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
