from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vision_public_area_type import VisionPublicAreaType
from ..models.vision_public_status import VisionPublicStatus

if TYPE_CHECKING:
    from ..models.kpi_public import KpiPublic
    from ..models.project_public import ProjectPublic


T = TypeVar("T", bound="VisionPublic")


@_attrs_define
class VisionPublic:
    """
    Attributes:
        adopted_on (datetime.date | None):
        area_id (str):
        area_type (VisionPublicAreaType):
        created_at (datetime.datetime):
        first_fiscal_year (int):
        id (str):
        kpis (list[KpiPublic]):
        last_fiscal_year (int):
        projects (list[ProjectPublic]):
        status (VisionPublicStatus):
        title (str):
    """

    adopted_on: datetime.date | None
    area_id: str
    area_type: VisionPublicAreaType
    created_at: datetime.datetime
    first_fiscal_year: int
    id: str
    kpis: list[KpiPublic]
    last_fiscal_year: int
    projects: list[ProjectPublic]
    status: VisionPublicStatus
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adopted_on: None | str
        if isinstance(self.adopted_on, datetime.date):
            adopted_on = self.adopted_on.isoformat()
        else:
            adopted_on = self.adopted_on

        area_id = self.area_id

        area_type = self.area_type.value

        created_at = self.created_at.isoformat()

        first_fiscal_year = self.first_fiscal_year

        id = self.id

        kpis = []
        for kpis_item_data in self.kpis:
            kpis_item = kpis_item_data.to_dict()
            kpis.append(kpis_item)

        last_fiscal_year = self.last_fiscal_year

        projects = []
        for projects_item_data in self.projects:
            projects_item = projects_item_data.to_dict()
            projects.append(projects_item)

        status = self.status.value

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adopted_on": adopted_on,
                "area_id": area_id,
                "area_type": area_type,
                "created_at": created_at,
                "first_fiscal_year": first_fiscal_year,
                "id": id,
                "kpis": kpis,
                "last_fiscal_year": last_fiscal_year,
                "projects": projects,
                "status": status,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kpi_public import KpiPublic  # noqa: PLC0415
        from ..models.project_public import ProjectPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_adopted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                adopted_on_type_0 = datetime.date.fromisoformat(data)

                return adopted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        adopted_on = _parse_adopted_on(d.pop("adopted_on"))

        area_id = d.pop("area_id")

        area_type = VisionPublicAreaType(d.pop("area_type"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        first_fiscal_year = d.pop("first_fiscal_year")

        id = d.pop("id")

        kpis = []
        _kpis = d.pop("kpis")
        for kpis_item_data in _kpis:
            kpis_item = KpiPublic.from_dict(kpis_item_data)

            kpis.append(kpis_item)

        last_fiscal_year = d.pop("last_fiscal_year")

        projects = []
        _projects = d.pop("projects")
        for projects_item_data in _projects:
            projects_item = ProjectPublic.from_dict(projects_item_data)

            projects.append(projects_item)

        status = VisionPublicStatus(d.pop("status"))

        title = d.pop("title")

        vision_public = cls(
            adopted_on=adopted_on,
            area_id=area_id,
            area_type=area_type,
            created_at=created_at,
            first_fiscal_year=first_fiscal_year,
            id=id,
            kpis=kpis,
            last_fiscal_year=last_fiscal_year,
            projects=projects,
            status=status,
            title=title,
        )

        vision_public.additional_properties = d
        return vision_public

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
