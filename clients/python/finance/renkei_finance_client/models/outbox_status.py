from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutboxStatus")


@_attrs_define
class OutboxStatus:
    """
    Attributes:
        last_sequence (int):
        rows (int):
        transport (str):
        unpublished (int):
    """

    last_sequence: int
    rows: int
    transport: str
    unpublished: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_sequence = self.last_sequence

        rows = self.rows

        transport = self.transport

        unpublished = self.unpublished

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last_sequence": last_sequence,
                "rows": rows,
                "transport": transport,
                "unpublished": unpublished,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_sequence = d.pop("last_sequence")

        rows = d.pop("rows")

        transport = d.pop("transport")

        unpublished = d.pop("unpublished")

        outbox_status = cls(
            last_sequence=last_sequence,
            rows=rows,
            transport=transport,
            unpublished=unpublished,
        )

        outbox_status.additional_properties = d
        return outbox_status

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
