from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_entry_public_after_type_0 import AuditEntryPublicAfterType0
    from ..models.audit_entry_public_before_type_0 import AuditEntryPublicBeforeType0


T = TypeVar("T", bound="AuditEntryPublic")


@_attrs_define
class AuditEntryPublic:
    """
    Attributes:
        action (str):
        actor_org (str):
        actor_sub (str):
        after (AuditEntryPublicAfterType0 | None):
        before (AuditEntryPublicBeforeType0 | None):
        id (int):
        occurred_at (datetime.datetime):
        request_id (None | str):
        resource_id (str):
        resource_type (str):
    """

    action: str
    actor_org: str
    actor_sub: str
    after: AuditEntryPublicAfterType0 | None
    before: AuditEntryPublicBeforeType0 | None
    id: int
    occurred_at: datetime.datetime
    request_id: None | str
    resource_id: str
    resource_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_public_after_type_0 import AuditEntryPublicAfterType0  # noqa: PLC0415
        from ..models.audit_entry_public_before_type_0 import AuditEntryPublicBeforeType0  # noqa: PLC0415

        action = self.action

        actor_org = self.actor_org

        actor_sub = self.actor_sub

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEntryPublicAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEntryPublicBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        request_id: None | str
        request_id = self.request_id

        resource_id = self.resource_id

        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_org": actor_org,
                "actor_sub": actor_sub,
                "after": after,
                "before": before,
                "id": id,
                "occurred_at": occurred_at,
                "request_id": request_id,
                "resource_id": resource_id,
                "resource_type": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_public_after_type_0 import AuditEntryPublicAfterType0  # noqa: PLC0415
        from ..models.audit_entry_public_before_type_0 import AuditEntryPublicBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        actor_org = d.pop("actor_org")

        actor_sub = d.pop("actor_sub")

        def _parse_after(data: object) -> AuditEntryPublicAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEntryPublicAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryPublicAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        def _parse_before(data: object) -> AuditEntryPublicBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEntryPublicBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryPublicBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        resource_id = d.pop("resource_id")

        resource_type = d.pop("resource_type")

        audit_entry_public = cls(
            action=action,
            actor_org=actor_org,
            actor_sub=actor_sub,
            after=after,
            before=before,
            id=id,
            occurred_at=occurred_at,
            request_id=request_id,
            resource_id=resource_id,
            resource_type=resource_type,
        )

        audit_entry_public.additional_properties = d
        return audit_entry_public

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
