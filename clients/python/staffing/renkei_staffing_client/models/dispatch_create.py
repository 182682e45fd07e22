from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DispatchCreate")


@_attrs_define
class DispatchCreate:
    """
    Attributes:
        agreement_id (str): the 連携協約 the dispatch rests on
        ends_on (datetime.date):
        receiving_code (str): 6-digit 団体コード with check digit
        specialist_id (str):
        starts_on (datetime.date):
        need_id (None | str | Unset):
    """

    agreement_id: str
    ends_on: datetime.date
    receiving_code: str
    specialist_id: str
    starts_on: datetime.date
    need_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        ends_on = self.ends_on.isoformat()

        receiving_code = self.receiving_code

        specialist_id = self.specialist_id

        starts_on = self.starts_on.isoformat()

        need_id: None | str | Unset
        if isinstance(self.need_id, Unset):
            need_id = UNSET
        else:
            need_id = self.need_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agreement_id": agreement_id,
                "ends_on": ends_on,
                "receiving_code": receiving_code,
                "specialist_id": specialist_id,
                "starts_on": starts_on,
            }
        )
        if need_id is not UNSET:
            field_dict["need_id"] = need_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        receiving_code = d.pop("receiving_code")

        specialist_id = d.pop("specialist_id")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_need_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        need_id = _parse_need_id(d.pop("need_id", UNSET))

        dispatch_create = cls(
            agreement_id=agreement_id,
            ends_on=ends_on,
            receiving_code=receiving_code,
            specialist_id=specialist_id,
            starts_on=starts_on,
            need_id=need_id,
        )

        return dispatch_create
