from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PruneRequest")


@_attrs_define
class PruneRequest:
    """
    Attributes:
        retention_days (int): delete outbox rows older than this
    """

    retention_days: int

    def to_dict(self) -> dict[str, Any]:
        retention_days = self.retention_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "retention_days": retention_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        retention_days = d.pop("retention_days")

        prune_request = cls(
            retention_days=retention_days,
        )

        return prune_request
