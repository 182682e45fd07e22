from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dispatch_status import DispatchStatus
from ..models.end_reason import EndReason
from ..models.flag_reason import FlagReason

T = TypeVar("T", bound="DispatchPublic")


@_attrs_define
class DispatchPublic:
    """
    Attributes:
        agreement_id (str):
        agreement_terminated_on (datetime.date | None):
        employer_code (str):
        end_reason (EndReason | None):
        ended_on (datetime.date | None):
        ends_on (datetime.date):
        flag_reason (FlagReason | None):
        flagged_at (datetime.datetime | None): set when the agreement was terminated before the end
        id (str):
        need_id (None | str):
        profession_code (str):
        receiving_code (str):
        specialist_id (str):
        starts_on (datetime.date):
        status (DispatchStatus):
    """

    agreement_id: str
    agreement_terminated_on: datetime.date | None
    employer_code: str
    end_reason: EndReason | None
    ended_on: datetime.date | None
    ends_on: datetime.date
    flag_reason: FlagReason | None
    flagged_at: datetime.datetime | None
    id: str
    need_id: None | str
    profession_code: str
    receiving_code: str
    specialist_id: str
    starts_on: datetime.date
    status: DispatchStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = self.agreement_id

        agreement_terminated_on: None | str
        if isinstance(self.agreement_terminated_on, datetime.date):
            agreement_terminated_on = self.agreement_terminated_on.isoformat()
        else:
            agreement_terminated_on = self.agreement_terminated_on

        employer_code = self.employer_code

        end_reason: None | str
        if isinstance(self.end_reason, EndReason):
            end_reason = self.end_reason.value
        else:
            end_reason = self.end_reason

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        ends_on = self.ends_on.isoformat()

        flag_reason: None | str
        if isinstance(self.flag_reason, FlagReason):
            flag_reason = self.flag_reason.value
        else:
            flag_reason = self.flag_reason

        flagged_at: None | str
        if isinstance(self.flagged_at, datetime.datetime):
            flagged_at = self.flagged_at.isoformat()
        else:
            flagged_at = self.flagged_at

        id = self.id

        need_id: None | str
        need_id = self.need_id

        profession_code = self.profession_code

        receiving_code = self.receiving_code

        specialist_id = self.specialist_id

        starts_on = self.starts_on.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "agreement_terminated_on": agreement_terminated_on,
                "employer_code": employer_code,
                "end_reason": end_reason,
                "ended_on": ended_on,
                "ends_on": ends_on,
                "flag_reason": flag_reason,
                "flagged_at": flagged_at,
                "id": id,
                "need_id": need_id,
                "profession_code": profession_code,
                "receiving_code": receiving_code,
                "specialist_id": specialist_id,
                "starts_on": starts_on,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        def _parse_agreement_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_terminated_on_type_0 = datetime.date.fromisoformat(data)

                return agreement_terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        agreement_terminated_on = _parse_agreement_terminated_on(d.pop("agreement_terminated_on"))

        employer_code = d.pop("employer_code")

        def _parse_end_reason(data: object) -> EndReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_reason_type_0 = EndReason(data)

                return end_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndReason | None, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

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

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        def _parse_flag_reason(data: object) -> FlagReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                flag_reason_type_0 = FlagReason(data)

                return flag_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlagReason | None, data)

        flag_reason = _parse_flag_reason(d.pop("flag_reason"))

        def _parse_flagged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                flagged_at_type_0 = datetime.datetime.fromisoformat(data)

                return flagged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        flagged_at = _parse_flagged_at(d.pop("flagged_at"))

        id = d.pop("id")

        def _parse_need_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        need_id = _parse_need_id(d.pop("need_id"))

        profession_code = d.pop("profession_code")

        receiving_code = d.pop("receiving_code")

        specialist_id = d.pop("specialist_id")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = DispatchStatus(d.pop("status"))

        dispatch_public = cls(
            agreement_id=agreement_id,
            agreement_terminated_on=agreement_terminated_on,
            employer_code=employer_code,
            end_reason=end_reason,
            ended_on=ended_on,
            ends_on=ends_on,
            flag_reason=flag_reason,
            flagged_at=flagged_at,
            id=id,
            need_id=need_id,
            profession_code=profession_code,
            receiving_code=receiving_code,
            specialist_id=specialist_id,
            starts_on=starts_on,
            status=status,
        )

        dispatch_public.additional_properties = d
        return dispatch_public

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
