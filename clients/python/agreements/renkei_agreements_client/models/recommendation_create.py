from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.recommendation_create_issued_by import RecommendationCreateIssuedBy
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecommendationCreate")


@_attrs_define
class RecommendationCreate:
    """A recommendation to conclude (or change) an agreement, LAA art. 252-2 para. 5.

    Attributes:
        issued_by (RecommendationCreateIssuedBy):
        received_on (datetime.date):
        summary (str):
        reference_number (None | str | Unset):
    """

    issued_by: RecommendationCreateIssuedBy
    received_on: datetime.date
    summary: str
    reference_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        issued_by = self.issued_by.value

        received_on = self.received_on.isoformat()

        summary = self.summary

        reference_number: None | str | Unset
        if isinstance(self.reference_number, Unset):
            reference_number = UNSET
        else:
            reference_number = self.reference_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issued_by": issued_by,
                "received_on": received_on,
                "summary": summary,
            }
        )
        if reference_number is not UNSET:
            field_dict["reference_number"] = reference_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issued_by = RecommendationCreateIssuedBy(d.pop("issued_by"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        summary = d.pop("summary")

        def _parse_reference_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_number = _parse_reference_number(d.pop("reference_number", UNSET))

        recommendation_create = cls(
            issued_by=issued_by,
            received_on=received_on,
            summary=summary,
            reference_number=reference_number,
        )

        return recommendation_create
