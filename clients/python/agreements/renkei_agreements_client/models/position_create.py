from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.position_create_position import PositionCreatePosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionCreate")


@_attrs_define
class PositionCreate:
    """consulted: by the proposer for `partner`; agreed / objected: by the partner; resolved: either.

    Attributes:
        position (PositionCreatePosition):
        stated_on (datetime.date):
        partner (None | str | Unset): required when the proposer records; default the caller
        reasons (None | str | Unset): required for an objection
    """

    position: PositionCreatePosition
    stated_on: datetime.date
    partner: None | str | Unset = UNSET
    reasons: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        position = self.position.value

        stated_on = self.stated_on.isoformat()

        partner: None | str | Unset
        if isinstance(self.partner, Unset):
            partner = UNSET
        else:
            partner = self.partner

        reasons: None | str | Unset
        if isinstance(self.reasons, Unset):
            reasons = UNSET
        else:
            reasons = self.reasons

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "position": position,
                "stated_on": stated_on,
            }
        )
        if partner is not UNSET:
            field_dict["partner"] = partner
        if reasons is not UNSET:
            field_dict["reasons"] = reasons

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = PositionCreatePosition(d.pop("position"))

        stated_on = datetime.date.fromisoformat(d.pop("stated_on"))

        def _parse_partner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner = _parse_partner(d.pop("partner", UNSET))

        def _parse_reasons(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reasons = _parse_reasons(d.pop("reasons", UNSET))

        position_create = cls(
            position=position,
            stated_on=stated_on,
            partner=partner,
            reasons=reasons,
        )

        return position_create
