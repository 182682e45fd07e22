from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GroupFundingPublic")


@_attrs_define
class GroupFundingPublic:
    """
    Attributes:
        amount_yen (int): integer yen; a lease's rent over its whole period, 0 when free
        ends_on (datetime.date | None):
        fiscal_year (int): the grant's or contract's FY; a lease's first FY
        funding_id (str): the support, lease or contract id of the groups service
        kind (str): grant (交付金), lease (行政財産の貸付け: its rent) or contract (随意契約)
        starts_on (datetime.date | None):
        under_review (bool | Unset): listed as active when the designation was revoked: to review (取消し後の見直し対象) Default:
            False.
    """

    amount_yen: int
    ends_on: datetime.date | None
    fiscal_year: int
    funding_id: str
    kind: str
    starts_on: datetime.date | None
    under_review: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen = self.amount_yen

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        fiscal_year = self.fiscal_year

        funding_id = self.funding_id

        kind = self.kind

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        under_review = self.under_review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "ends_on": ends_on,
                "fiscal_year": fiscal_year,
                "funding_id": funding_id,
                "kind": kind,
                "starts_on": starts_on,
            }
        )
        if under_review is not UNSET:
            field_dict["under_review"] = under_review

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_yen = d.pop("amount_yen")

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        fiscal_year = d.pop("fiscal_year")

        funding_id = d.pop("funding_id")

        kind = d.pop("kind")

        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))

        under_review = d.pop("under_review", UNSET)

        group_funding_public = cls(
            amount_yen=amount_yen,
            ends_on=ends_on,
            fiscal_year=fiscal_year,
            funding_id=funding_id,
            kind=kind,
            starts_on=starts_on,
            under_review=under_review,
        )

        group_funding_public.additional_properties = d
        return group_funding_public

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
