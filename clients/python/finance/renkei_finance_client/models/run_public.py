from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.run_public_changes_item import RunPublicChangesItem


T = TypeVar("T", bound="RunPublic")


@_attrs_define
class RunPublic:
    """
    Attributes:
        cells (list[list[Any]]): [fiscal_year, recipient_code]; * is every recipient
        changes (list[RunPublicChangesItem]): each changed line: before_yen, after_yen, delta_yen
        finished_at (datetime.datetime):
        kind (str): incremental (dirty cells) or full
        run_id (str):
        sequence (int):
        started_at (datetime.datetime):
        total_delta_yen (int):
        trigger_event_ids (list[str]):
    """

    cells: list[list[Any]]
    changes: list[RunPublicChangesItem]
    finished_at: datetime.datetime
    kind: str
    run_id: str
    sequence: int
    started_at: datetime.datetime
    total_delta_yen: int
    trigger_event_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cells = []
        for cells_item_data in self.cells:
            cells_item = cells_item_data

            cells.append(cells_item)

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        finished_at = self.finished_at.isoformat()

        kind = self.kind

        run_id = self.run_id

        sequence = self.sequence

        started_at = self.started_at.isoformat()

        total_delta_yen = self.total_delta_yen

        trigger_event_ids = self.trigger_event_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cells": cells,
                "changes": changes,
                "finished_at": finished_at,
                "kind": kind,
                "run_id": run_id,
                "sequence": sequence,
                "started_at": started_at,
                "total_delta_yen": total_delta_yen,
                "trigger_event_ids": trigger_event_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_public_changes_item import RunPublicChangesItem  # noqa: PLC0415

        d = dict(src_dict)
        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = cast(list[Any], cells_item_data)

            cells.append(cells_item)

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = RunPublicChangesItem.from_dict(changes_item_data)

            changes.append(changes_item)

        finished_at = datetime.datetime.fromisoformat(d.pop("finished_at"))

        kind = d.pop("kind")

        run_id = d.pop("run_id")

        sequence = d.pop("sequence")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        total_delta_yen = d.pop("total_delta_yen")

        trigger_event_ids = cast(list[str], d.pop("trigger_event_ids"))

        run_public = cls(
            cells=cells,
            changes=changes,
            finished_at=finished_at,
            kind=kind,
            run_id=run_id,
            sequence=sequence,
            started_at=started_at,
            total_delta_yen=total_delta_yen,
            trigger_event_ids=trigger_event_ids,
        )

        run_public.additional_properties = d
        return run_public

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
