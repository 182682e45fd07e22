from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.procedure_public_purpose import ProcedurePublicPurpose
from ..models.procedure_public_status import ProcedurePublicStatus

if TYPE_CHECKING:
    from ..models.notification_target_public import NotificationTargetPublic
    from ..models.party_notification_public import PartyNotificationPublic
    from ..models.slot_public import SlotPublic
    from ..models.step_public import StepPublic


T = TypeVar("T", bound="ProcedurePublic")


@_attrs_define
class ProcedurePublic:
    """
    Attributes:
        completed_on (datetime.date | None):
        effective_on (datetime.date | None):
        id (str):
        next_steps (list[SlotPublic]): what may be recorded now
        notification_targets (list[NotificationTargetPublic]):
        notifications (list[PartyNotificationPublic]): each party's notification, in order
        outstanding (list[SlotPublic]):
        purpose (ProcedurePublicPurpose):
        reason (None | str):
        status (ProcedurePublicStatus):
        steps (list[StepPublic]):
        version (int):
        withdrawn_on (datetime.date | None):
    """

    completed_on: datetime.date | None
    effective_on: datetime.date | None
    id: str
    next_steps: list[SlotPublic]
    notification_targets: list[NotificationTargetPublic]
    notifications: list[PartyNotificationPublic]
    outstanding: list[SlotPublic]
    purpose: ProcedurePublicPurpose
    reason: None | str
    status: ProcedurePublicStatus
    steps: list[StepPublic]
    version: int
    withdrawn_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        effective_on: None | str
        if isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        id = self.id

        next_steps = []
        for next_steps_item_data in self.next_steps:
            next_steps_item = next_steps_item_data.to_dict()
            next_steps.append(next_steps_item)

        notification_targets = []
        for notification_targets_item_data in self.notification_targets:
            notification_targets_item = notification_targets_item_data.to_dict()
            notification_targets.append(notification_targets_item)

        notifications = []
        for notifications_item_data in self.notifications:
            notifications_item = notifications_item_data.to_dict()
            notifications.append(notifications_item)

        outstanding = []
        for outstanding_item_data in self.outstanding:
            outstanding_item = outstanding_item_data.to_dict()
            outstanding.append(outstanding_item)

        purpose = self.purpose.value

        reason: None | str
        reason = self.reason

        status = self.status.value

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        version = self.version

        withdrawn_on: None | str
        if isinstance(self.withdrawn_on, datetime.date):
            withdrawn_on = self.withdrawn_on.isoformat()
        else:
            withdrawn_on = self.withdrawn_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed_on": completed_on,
                "effective_on": effective_on,
                "id": id,
                "next_steps": next_steps,
                "notification_targets": notification_targets,
                "notifications": notifications,
                "outstanding": outstanding,
                "purpose": purpose,
                "reason": reason,
                "status": status,
                "steps": steps,
                "version": version,
                "withdrawn_on": withdrawn_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_target_public import NotificationTargetPublic  # noqa: PLC0415
        from ..models.party_notification_public import PartyNotificationPublic  # noqa: PLC0415
        from ..models.slot_public import SlotPublic  # noqa: PLC0415
        from ..models.step_public import StepPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_effective_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)

                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_on = _parse_effective_on(d.pop("effective_on"))

        id = d.pop("id")

        next_steps = []
        _next_steps = d.pop("next_steps")
        for next_steps_item_data in _next_steps:
            next_steps_item = SlotPublic.from_dict(next_steps_item_data)

            next_steps.append(next_steps_item)

        notification_targets = []
        _notification_targets = d.pop("notification_targets")
        for notification_targets_item_data in _notification_targets:
            notification_targets_item = NotificationTargetPublic.from_dict(notification_targets_item_data)

            notification_targets.append(notification_targets_item)

        notifications = []
        _notifications = d.pop("notifications")
        for notifications_item_data in _notifications:
            notifications_item = PartyNotificationPublic.from_dict(notifications_item_data)

            notifications.append(notifications_item)

        outstanding = []
        _outstanding = d.pop("outstanding")
        for outstanding_item_data in _outstanding:
            outstanding_item = SlotPublic.from_dict(outstanding_item_data)

            outstanding.append(outstanding_item)

        purpose = ProcedurePublicPurpose(d.pop("purpose"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        status = ProcedurePublicStatus(d.pop("status"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StepPublic.from_dict(steps_item_data)

            steps.append(steps_item)

        version = d.pop("version")

        def _parse_withdrawn_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_on_type_0 = datetime.date.fromisoformat(data)

                return withdrawn_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        withdrawn_on = _parse_withdrawn_on(d.pop("withdrawn_on"))

        procedure_public = cls(
            completed_on=completed_on,
            effective_on=effective_on,
            id=id,
            next_steps=next_steps,
            notification_targets=notification_targets,
            notifications=notifications,
            outstanding=outstanding,
            purpose=purpose,
            reason=reason,
            status=status,
            steps=steps,
            version=version,
            withdrawn_on=withdrawn_on,
        )

        procedure_public.additional_properties = d
        return procedure_public

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
