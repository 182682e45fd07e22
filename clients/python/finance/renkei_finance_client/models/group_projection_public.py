from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.group_funding_public import GroupFundingPublic


T = TypeVar("T", bound="GroupProjectionPublic")


@_attrs_define
class GroupProjectionPublic:
    """
    Attributes:
        designated_on (datetime.date | None):
        funding (list[GroupFundingPublic]):
        funding_total_yen (int): sum of the listed funding, integer yen
        group_id (str):
        municipality_code (str):
        name (None | str): null while only the revocation has arrived
        review_funding_ids (list[str]): the leases and contracts the revocation listed as active, whether finance has
            seen their own events yet or not
        revoked_on (datetime.date | None):
        status (str): designated or revoked
    """

    designated_on: datetime.date | None
    funding: list[GroupFundingPublic]
    funding_total_yen: int
    group_id: str
    municipality_code: str
    name: None | str
    review_funding_ids: list[str]
    revoked_on: datetime.date | None
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        designated_on: None | str
        if isinstance(self.designated_on, datetime.date):
            designated_on = self.designated_on.isoformat()
        else:
            designated_on = self.designated_on

        funding = []
        for funding_item_data in self.funding:
            funding_item = funding_item_data.to_dict()
            funding.append(funding_item)

        funding_total_yen = self.funding_total_yen

        group_id = self.group_id

        municipality_code = self.municipality_code

        name: None | str
        name = self.name

        review_funding_ids = self.review_funding_ids

        revoked_on: None | str
        if isinstance(self.revoked_on, datetime.date):
            revoked_on = self.revoked_on.isoformat()
        else:
            revoked_on = self.revoked_on

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "designated_on": designated_on,
                "funding": funding,
                "funding_total_yen": funding_total_yen,
                "group_id": group_id,
                "municipality_code": municipality_code,
                "name": name,
                "review_funding_ids": review_funding_ids,
                "revoked_on": revoked_on,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_funding_public import GroupFundingPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_designated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                designated_on_type_0 = datetime.date.fromisoformat(data)

                return designated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        designated_on = _parse_designated_on(d.pop("designated_on"))

        funding = []
        _funding = d.pop("funding")
        for funding_item_data in _funding:
            funding_item = GroupFundingPublic.from_dict(funding_item_data)

            funding.append(funding_item)

        funding_total_yen = d.pop("funding_total_yen")

        group_id = d.pop("group_id")

        municipality_code = d.pop("municipality_code")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        review_funding_ids = cast(list[str], d.pop("review_funding_ids"))

        def _parse_revoked_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_on_type_0 = datetime.date.fromisoformat(data)

                return revoked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        revoked_on = _parse_revoked_on(d.pop("revoked_on"))

        status = d.pop("status")

        group_projection_public = cls(
            designated_on=designated_on,
            funding=funding,
            funding_total_yen=funding_total_yen,
            group_id=group_id,
            municipality_code=municipality_code,
            name=name,
            review_funding_ids=review_funding_ids,
            revoked_on=revoked_on,
            status=status,
        )

        group_projection_public.additional_properties = d
        return group_projection_public

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
