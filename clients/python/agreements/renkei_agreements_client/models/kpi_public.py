from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actual_public import ActualPublic
    from ..models.kpi_year import KpiYear


T = TypeVar("T", bound="KpiPublic")


@_attrs_define
class KpiPublic:
    """
    Attributes:
        baseline_fiscal_year (int | None):
        baseline_value (float | None):
        id (str):
        name (str):
        project_id (None | str):
        reports (list[ActualPublic]):
        unit (str):
        years (list[KpiYear]): target against actual for every fiscal year of the vision
    """

    baseline_fiscal_year: int | None
    baseline_value: float | None
    id: str
    name: str
    project_id: None | str
    reports: list[ActualPublic]
    unit: str
    years: list[KpiYear]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        baseline_fiscal_year: int | None
        baseline_fiscal_year = self.baseline_fiscal_year

        baseline_value: float | None
        baseline_value = self.baseline_value

        id = self.id

        name = self.name

        project_id: None | str
        project_id = self.project_id

        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        unit = self.unit

        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseline_fiscal_year": baseline_fiscal_year,
                "baseline_value": baseline_value,
                "id": id,
                "name": name,
                "project_id": project_id,
                "reports": reports,
                "unit": unit,
                "years": years,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actual_public import ActualPublic  # noqa: PLC0415
        from ..models.kpi_year import KpiYear  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_baseline_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        baseline_fiscal_year = _parse_baseline_fiscal_year(d.pop("baseline_fiscal_year"))

        def _parse_baseline_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value"))

        id = d.pop("id")

        name = d.pop("name")

        def _parse_project_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        project_id = _parse_project_id(d.pop("project_id"))

        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = ActualPublic.from_dict(reports_item_data)

            reports.append(reports_item)

        unit = d.pop("unit")

        years = []
        _years = d.pop("years")
        for years_item_data in _years:
            years_item = KpiYear.from_dict(years_item_data)

            years.append(years_item)

        kpi_public = cls(
            baseline_fiscal_year=baseline_fiscal_year,
            baseline_value=baseline_value,
            id=id,
            name=name,
            project_id=project_id,
            reports=reports,
            unit=unit,
            years=years,
        )

        kpi_public.additional_properties = d
        return kpi_public

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
