from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_in import TargetIn


T = TypeVar("T", bound="KpiIn")


@_attrs_define
class KpiIn:
    """
    Attributes:
        name (str):
        unit (str):
        baseline_fiscal_year (int | None | Unset):
        baseline_value (float | None | Unset):
        project_index (int | None | Unset): the project it measures
        targets (list[TargetIn] | Unset):
    """

    name: str
    unit: str
    baseline_fiscal_year: int | None | Unset = UNSET
    baseline_value: float | None | Unset = UNSET
    project_index: int | None | Unset = UNSET
    targets: list[TargetIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        unit = self.unit

        baseline_fiscal_year: int | None | Unset
        if isinstance(self.baseline_fiscal_year, Unset):
            baseline_fiscal_year = UNSET
        else:
            baseline_fiscal_year = self.baseline_fiscal_year

        baseline_value: float | None | Unset
        if isinstance(self.baseline_value, Unset):
            baseline_value = UNSET
        else:
            baseline_value = self.baseline_value

        project_index: int | None | Unset
        if isinstance(self.project_index, Unset):
            project_index = UNSET
        else:
            project_index = self.project_index

        targets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = []
            for targets_item_data in self.targets:
                targets_item = targets_item_data.to_dict()
                targets.append(targets_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "unit": unit,
            }
        )
        if baseline_fiscal_year is not UNSET:
            field_dict["baseline_fiscal_year"] = baseline_fiscal_year
        if baseline_value is not UNSET:
            field_dict["baseline_value"] = baseline_value
        if project_index is not UNSET:
            field_dict["project_index"] = project_index
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_in import TargetIn  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        unit = d.pop("unit")

        def _parse_baseline_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        baseline_fiscal_year = _parse_baseline_fiscal_year(d.pop("baseline_fiscal_year", UNSET))

        def _parse_baseline_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value", UNSET))

        def _parse_project_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        project_index = _parse_project_index(d.pop("project_index", UNSET))

        _targets = d.pop("targets", UNSET)
        targets: list[TargetIn] | Unset = UNSET
        if _targets is not UNSET:
            targets = []
            for targets_item_data in _targets:
                targets_item = TargetIn.from_dict(targets_item_data)

                targets.append(targets_item)

        kpi_in = cls(
            name=name,
            unit=unit,
            baseline_fiscal_year=baseline_fiscal_year,
            baseline_value=baseline_value,
            project_index=project_index,
            targets=targets,
        )

        return kpi_in
