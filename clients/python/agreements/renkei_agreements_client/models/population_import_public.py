from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.population_change import PopulationChange


T = TypeVar("T", bound="PopulationImportPublic")


@_attrs_define
class PopulationImportPublic:
    """
    Attributes:
        changed (list[PopulationChange]):
        id (str):
        imported_at (datetime.datetime):
        rows (int):
        source (str):
        unchanged (int):
        year (int):
    """

    changed: list[PopulationChange]
    id: str
    imported_at: datetime.datetime
    rows: int
    source: str
    unchanged: int
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed = []
        for changed_item_data in self.changed:
            changed_item = changed_item_data.to_dict()
            changed.append(changed_item)

        id = self.id

        imported_at = self.imported_at.isoformat()

        rows = self.rows

        source = self.source

        unchanged = self.unchanged

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed": changed,
                "id": id,
                "imported_at": imported_at,
                "rows": rows,
                "source": source,
                "unchanged": unchanged,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.population_change import PopulationChange  # noqa: PLC0415

        d = dict(src_dict)
        changed = []
        _changed = d.pop("changed")
        for changed_item_data in _changed:
            changed_item = PopulationChange.from_dict(changed_item_data)

            changed.append(changed_item)

        id = d.pop("id")

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        rows = d.pop("rows")

        source = d.pop("source")

        unchanged = d.pop("unchanged")

        year = d.pop("year")

        population_import_public = cls(
            changed=changed,
            id=id,
            imported_at=imported_at,
            rows=rows,
            source=source,
            unchanged=unchanged,
            year=year,
        )

        population_import_public.additional_properties = d
        return population_import_public

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
