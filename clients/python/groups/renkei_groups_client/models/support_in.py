from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.support_kind import SupportKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupportIn")


@_attrs_define
class SupportIn:
    """
    Attributes:
        fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        granted_on (datetime.date):
        kind (SupportKind): Municipal support of a designated group (支援): a grant in yen, or information provided.
        purpose (str):
        amount_yen (int | None | Unset): a grant's amount; none for information
    """

    fiscal_year: int
    granted_on: datetime.date
    kind: SupportKind
    purpose: str
    amount_yen: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        granted_on = self.granted_on.isoformat()

        kind = self.kind.value

        purpose = self.purpose

        amount_yen: int | None | Unset
        if isinstance(self.amount_yen, Unset):
            amount_yen = UNSET
        else:
            amount_yen = self.amount_yen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fiscal_year": fiscal_year,
                "granted_on": granted_on,
                "kind": kind,
                "purpose": purpose,
            }
        )
        if amount_yen is not UNSET:
            field_dict["amount_yen"] = amount_yen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        kind = SupportKind(d.pop("kind"))

        purpose = d.pop("purpose")

        def _parse_amount_yen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_yen = _parse_amount_yen(d.pop("amount_yen", UNSET))

        support_in = cls(
            fiscal_year=fiscal_year,
            granted_on=granted_on,
            kind=kind,
            purpose=purpose,
            amount_yen=amount_yen,
        )

        return support_in
