from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.support_kind import SupportKind

T = TypeVar("T", bound="SupportPublic")


@_attrs_define
class SupportPublic:
    """
    Attributes:
        amount_yen (int | None):
        fiscal_year (int):
        granted_on (datetime.date):
        group_id (str):
        id (str):
        kind (SupportKind): Municipal support of a designated group (支援): a grant in yen, or information provided.
        purpose (str):
    """

    amount_yen: int | None
    fiscal_year: int
    granted_on: datetime.date
    group_id: str
    id: str
    kind: SupportKind
    purpose: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_yen: int | None
        amount_yen = self.amount_yen

        fiscal_year = self.fiscal_year

        granted_on = self.granted_on.isoformat()

        group_id = self.group_id

        id = self.id

        kind = self.kind.value

        purpose = self.purpose

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_yen": amount_yen,
                "fiscal_year": fiscal_year,
                "granted_on": granted_on,
                "group_id": group_id,
                "id": id,
                "kind": kind,
                "purpose": purpose,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount_yen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_yen = _parse_amount_yen(d.pop("amount_yen"))

        fiscal_year = d.pop("fiscal_year")

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        group_id = d.pop("group_id")

        id = d.pop("id")

        kind = SupportKind(d.pop("kind"))

        purpose = d.pop("purpose")

        support_public = cls(
            amount_yen=amount_yen,
            fiscal_year=fiscal_year,
            granted_on=granted_on,
            group_id=group_id,
            id=id,
            kind=kind,
            purpose=purpose,
        )

        support_public.additional_properties = d
        return support_public

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
