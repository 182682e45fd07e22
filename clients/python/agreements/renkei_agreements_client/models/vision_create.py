from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kpi_in import KpiIn
    from ..models.project_in import ProjectIn


T = TypeVar("T", bound="VisionCreate")


@_attrs_define
class VisionCreate:
    """
    Attributes:
        area_id (str):
        first_fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        last_fiscal_year (int): 年度 (April–March), e.g. 2025 for 令和7年度
        kpis (list[KpiIn] | Unset):
        projects (list[ProjectIn] | Unset):
        title (None | str | Unset): default: the area name + ビジョン
    """

    area_id: str
    first_fiscal_year: int
    last_fiscal_year: int
    kpis: list[KpiIn] | Unset = UNSET
    projects: list[ProjectIn] | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        area_id = self.area_id

        first_fiscal_year = self.first_fiscal_year

        last_fiscal_year = self.last_fiscal_year

        kpis: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kpis, Unset):
            kpis = []
            for kpis_item_data in self.kpis:
                kpis_item = kpis_item_data.to_dict()
                kpis.append(kpis_item)

        projects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = []
            for projects_item_data in self.projects:
                projects_item = projects_item_data.to_dict()
                projects.append(projects_item)

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area_id": area_id,
                "first_fiscal_year": first_fiscal_year,
                "last_fiscal_year": last_fiscal_year,
            }
        )
        if kpis is not UNSET:
            field_dict["kpis"] = kpis
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
        area_id = d.pop("area_id")

        first_fiscal_year = d.pop("first_fiscal_year")

        last_fiscal_year = d.pop("last_fiscal_year")

        _kpis = d.pop("kpis", UNSET)
        kpis: list[KpiIn] | Unset = UNSET
        if _kpis is not UNSET:
            kpis = []
            for kpis_item_data in _kpis:
                kpis_item = KpiIn.from_dict(kpis_item_data)

                kpis.append(kpis_item)

        _projects = d.pop("projects", UNSET)
        projects: list[ProjectIn] | Unset = UNSET
        if _projects is not UNSET:
            projects = []
            for projects_item_data in _projects:
                projects_item = ProjectIn.from_dict(projects_item_data)

                projects.append(projects_item)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        vision_create = cls(
            area_id=area_id,
            first_fiscal_year=first_fiscal_year,
            last_fiscal_year=last_fiscal_year,
            kpis=kpis,
            projects=projects,
            title=title,
        )

        return vision_create
