from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recommendation_public_issued_by import RecommendationPublicIssuedBy

T = TypeVar("T", bound="RecommendationPublic")


@_attrs_define
class RecommendationPublic:
    """
    Attributes:
        agreement_id (str):
        id (str):
        issued_by (RecommendationPublicIssuedBy):
        issuer_code (None | str):
        received_on (datetime.date):
        recorded_at (datetime.datetime):
        recorded_by_org (str):
        reference_number (None | str):
        summary (str):
    """

    agreement_id: str
    id: str
    issued_by: RecommendationPublicIssuedBy
    issuer_code: None | str
    received_on: datetime.date
    recorded_at: datetime.datetime
    recorded_by_org: str
    reference_number: None | str
    summary: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        id = self.id

        issued_by = self.issued_by.value

        issuer_code: None | str
        issuer_code = self.issuer_code

        received_on = self.received_on.isoformat()

        recorded_at = self.recorded_at.isoformat()

        recorded_by_org = self.recorded_by_org

        reference_number: None | str
        reference_number = self.reference_number

        summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "id": id,
                "issued_by": issued_by,
                "issuer_code": issuer_code,
                "received_on": received_on,
                "recorded_at": recorded_at,
                "recorded_by_org": recorded_by_org,
                "reference_number": reference_number,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        id = d.pop("id")

        issued_by = RecommendationPublicIssuedBy(d.pop("issued_by"))

        def _parse_issuer_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issuer_code = _parse_issuer_code(d.pop("issuer_code"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by_org = d.pop("recorded_by_org")

        def _parse_reference_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference_number = _parse_reference_number(d.pop("reference_number"))

        summary = d.pop("summary")

        recommendation_public = cls(
            agreement_id=agreement_id,
            id=id,
            issued_by=issued_by,
            issuer_code=issuer_code,
            received_on=received_on,
            recorded_at=recorded_at,
            recorded_by_org=recorded_by_org,
            reference_number=reference_number,
            summary=summary,
        )

        recommendation_public.additional_properties = d
        return recommendation_public

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
