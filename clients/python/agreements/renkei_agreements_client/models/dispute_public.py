from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dispute_public_status import DisputePublicStatus

T = TypeVar("T", bound="DisputePublic")


@_attrs_define
class DisputePublic:
    """
    Attributes:
        agreement_id (str):
        applicant_code (str):
        applied_on (datetime.date):
        authority (list[str]): who appoints the commissioners: 総務大臣 or the 知事
        closed_on (datetime.date | None):
        id (str):
        matter (str):
        plan_presented_on (datetime.date | None):
        plan_summary (None | str):
        status (DisputePublicStatus):
        updated_at (datetime.datetime):
    """

    agreement_id: str
    applicant_code: str
    applied_on: datetime.date
    authority: list[str]
    closed_on: datetime.date | None
    id: str
    matter: str
    plan_presented_on: datetime.date | None
    plan_summary: None | str
    status: DisputePublicStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        applicant_code = self.applicant_code

        applied_on = self.applied_on.isoformat()

        authority = self.authority

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        id = self.id

        matter = self.matter

        plan_presented_on: None | str
        if isinstance(self.plan_presented_on, datetime.date):
            plan_presented_on = self.plan_presented_on.isoformat()
        else:
            plan_presented_on = self.plan_presented_on

        plan_summary: None | str
        plan_summary = self.plan_summary

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "applicant_code": applicant_code,
                "applied_on": applied_on,
                "authority": authority,
                "closed_on": closed_on,
                "id": id,
                "matter": matter,
                "plan_presented_on": plan_presented_on,
                "plan_summary": plan_summary,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        applicant_code = d.pop("applicant_code")

        applied_on = datetime.date.fromisoformat(d.pop("applied_on"))

        authority = cast(list[str], d.pop("authority"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        id = d.pop("id")

        matter = d.pop("matter")

        def _parse_plan_presented_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_presented_on_type_0 = datetime.date.fromisoformat(data)

                return plan_presented_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        plan_presented_on = _parse_plan_presented_on(d.pop("plan_presented_on"))

        def _parse_plan_summary(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_summary = _parse_plan_summary(d.pop("plan_summary"))

        status = DisputePublicStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        dispute_public = cls(
            agreement_id=agreement_id,
            applicant_code=applicant_code,
            applied_on=applied_on,
            authority=authority,
            closed_on=closed_on,
            id=id,
            matter=matter,
            plan_presented_on=plan_presented_on,
            plan_summary=plan_summary,
            status=status,
            updated_at=updated_at,
        )

        dispute_public.additional_properties = d
        return dispute_public

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
