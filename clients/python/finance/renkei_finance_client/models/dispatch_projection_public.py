from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DispatchProjectionPublic")


@_attrs_define
class DispatchProjectionPublic:
    """
    Attributes:
        aggregate_version (int):
        agreement_id (str): the 連携協約 the dispatch rests on
        dispatch_id (str):
        employer_code (str): the dispatching employer (派遣元), the specialist measure's recipient
        ended_on (datetime.date | None): the actual last day, once `DispatchEnded` arrived
        ends_on (datetime.date | None): the planned last day
        flag_reason (None | str): agreement_terminated or party_left_agreement
        flag_terminated_on (datetime.date | None): first day the agreement no longer covers it (DispatchFlagged); costs
            of periods starting on or after it are not eligible
        profession_code (None | str): null while only a later event has arrived
        receiving_code (str): the receiving municipality (派遣先)
        starts_on (datetime.date | None):
        status (str): active, flagged or ended
    """

    aggregate_version: int
    agreement_id: str
    dispatch_id: str
    employer_code: str
    ended_on: datetime.date | None
    ends_on: datetime.date | None
    flag_reason: None | str
    flag_terminated_on: datetime.date | None
    profession_code: None | str
    receiving_code: str
    starts_on: datetime.date | None
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aggregate_version = self.aggregate_version

        agreement_id = self.agreement_id

        dispatch_id = self.dispatch_id

        employer_code = self.employer_code

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        flag_reason: None | str
        flag_reason = self.flag_reason

        flag_terminated_on: None | str
        if isinstance(self.flag_terminated_on, datetime.date):
            flag_terminated_on = self.flag_terminated_on.isoformat()
        else:
            flag_terminated_on = self.flag_terminated_on

        profession_code: None | str
        profession_code = self.profession_code

        receiving_code = self.receiving_code

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aggregate_version": aggregate_version,
                "agreement_id": agreement_id,
                "dispatch_id": dispatch_id,
                "employer_code": employer_code,
                "ended_on": ended_on,
                "ends_on": ends_on,
                "flag_reason": flag_reason,
                "flag_terminated_on": flag_terminated_on,
                "profession_code": profession_code,
                "receiving_code": receiving_code,
                "starts_on": starts_on,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aggregate_version = d.pop("aggregate_version")

        agreement_id = d.pop("agreement_id")

        dispatch_id = d.pop("dispatch_id")

        employer_code = d.pop("employer_code")

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

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

        def _parse_flag_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        flag_reason = _parse_flag_reason(d.pop("flag_reason"))

        def _parse_flag_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                flag_terminated_on_type_0 = datetime.date.fromisoformat(data)

                return flag_terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        flag_terminated_on = _parse_flag_terminated_on(d.pop("flag_terminated_on"))

        def _parse_profession_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profession_code = _parse_profession_code(d.pop("profession_code"))

        receiving_code = d.pop("receiving_code")

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

        status = d.pop("status")

        dispatch_projection_public = cls(
            aggregate_version=aggregate_version,
            agreement_id=agreement_id,
            dispatch_id=dispatch_id,
            employer_code=employer_code,
            ended_on=ended_on,
            ends_on=ends_on,
            flag_reason=flag_reason,
            flag_terminated_on=flag_terminated_on,
            profession_code=profession_code,
            receiving_code=receiving_code,
            starts_on=starts_on,
            status=status,
        )

        dispatch_projection_public.additional_properties = d
        return dispatch_projection_public

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
