from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.level import Level

if TYPE_CHECKING:
    from ..models.report_public_columns import ReportPublicColumns
    from ..models.report_row_public import ReportRowPublic


T = TypeVar("T", bound="ReportPublic")


@_attrs_define
class ReportPublic:
    """
    Attributes:
        attribution (None | str): source of the population figures, where they were used
        columns (ReportPublicColumns): Japanese column headers, as the CSV and Excel files use them
        fiscal_year (int):
        level (Level):
        rows (list[ReportRowPublic]):
        total_yen (int):
    """

    attribution: None | str
    columns: ReportPublicColumns
    fiscal_year: int
    level: Level
    rows: list[ReportRowPublic]
    total_yen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attribution: None | str
        attribution = self.attribution

        columns = self.columns.to_dict()

        fiscal_year = self.fiscal_year

        level = self.level.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total_yen = self.total_yen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attribution": attribution,
                "columns": columns,
                "fiscal_year": fiscal_year,
                "level": level,
                "rows": rows,
                "total_yen": total_yen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_public_columns import ReportPublicColumns  # noqa: PLC0415
        from ..models.report_row_public import ReportRowPublic  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_attribution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attribution = _parse_attribution(d.pop("attribution"))

        columns = ReportPublicColumns.from_dict(d.pop("columns"))

        fiscal_year = d.pop("fiscal_year")

        level = Level(d.pop("level"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReportRowPublic.from_dict(rows_item_data)

            rows.append(rows_item)

        total_yen = d.pop("total_yen")

        report_public = cls(
            attribution=attribution,
            columns=columns,
            fiscal_year=fiscal_year,
            level=level,
            rows=rows,
            total_yen=total_yen,
        )

        report_public.additional_properties = d
        return report_public

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
