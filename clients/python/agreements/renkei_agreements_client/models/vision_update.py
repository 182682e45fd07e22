from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_in import KpiIn
    from ..models.project_in import ProjectIn


T = TypeVar("T", bound="VisionUpdate")


@_attrs_define
class VisionUpdate:
    """
    Attributes:
        first_fiscal_year (int | None | Unset):
        kpis (list[KpiIn] | None | Unset):
        last_fiscal_year (int | None | Unset):
        projects (list[ProjectIn] | None | Unset):
        title (None | str | Unset):
    """

    first_fiscal_year: int | None | Unset = UNSET
    kpis: list[KpiIn] | None | Unset = UNSET
    last_fiscal_year: int | None | Unset = UNSET
    projects: list[ProjectIn] | None | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        first_fiscal_year: int | None | Unset
        if isinstance(self.first_fiscal_year, Unset):
            first_fiscal_year = UNSET
        else:
            first_fiscal_year = self.first_fiscal_year

        kpis: list[dict[str, Any]] | None | Unset
        if isinstance(self.kpis, Unset):
            kpis = UNSET
        elif isinstance(self.kpis, list):
            kpis = []
            for kpis_type_0_item_data in self.kpis:
                kpis_type_0_item = kpis_type_0_item_data.to_dict()
                kpis.append(kpis_type_0_item)

        else:
            kpis = self.kpis

        last_fiscal_year: int | None | Unset
        if isinstance(self.last_fiscal_year, Unset):
            last_fiscal_year = UNSET
        else:
            last_fiscal_year = self.last_fiscal_year

        projects: list[dict[str, Any]] | None | Unset
        if isinstance(self.projects, Unset):
            projects = UNSET
        elif isinstance(self.projects, list):
            projects = []
            for projects_type_0_item_data in self.projects:
                projects_type_0_item = projects_type_0_item_data.to_dict()
                projects.append(projects_type_0_item)

        else:
            projects = self.projects

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if first_fiscal_year is not UNSET:
            field_dict["first_fiscal_year"] = first_fiscal_year
        if kpis is not UNSET:
            field_dict["kpis"] = kpis
        if last_fiscal_year is not UNSET:
            field_dict["last_fiscal_year"] = last_fiscal_year
        if projects is not UNSET:
            field_dict["projects"] = projects
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_in import KpiIn  # noqa: PLC0415
        from ..models.project_in import ProjectIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_first_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        first_fiscal_year = _parse_first_fiscal_year(d.pop("first_fiscal_year", UNSET))

        def _parse_kpis(data: object) -> list[KpiIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                kpis_type_0 = []
                _kpis_type_0 = data
                for kpis_type_0_item_data in _kpis_type_0:
                    kpis_type_0_item = KpiIn.from_dict(kpis_type_0_item_data)

                    kpis_type_0.append(kpis_type_0_item)

                return kpis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KpiIn] | None | Unset, data)

        kpis = _parse_kpis(d.pop("kpis", UNSET))

        def _parse_last_fiscal_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_fiscal_year = _parse_last_fiscal_year(d.pop("last_fiscal_year", UNSET))

        def _parse_projects(data: object) -> list[ProjectIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                projects_type_0 = []
                _projects_type_0 = data
                for projects_type_0_item_data in _projects_type_0:
                    projects_type_0_item = ProjectIn.from_dict(projects_type_0_item_data)

                    projects_type_0.append(projects_type_0_item)

                return projects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ProjectIn] | None | Unset, data)

        projects = _parse_projects(d.pop("projects", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        vision_update = cls(
            first_fiscal_year=first_fiscal_year,
            kpis=kpis,
            last_fiscal_year=last_fiscal_year,
            projects=projects,
            title=title,
        )

        return vision_update
