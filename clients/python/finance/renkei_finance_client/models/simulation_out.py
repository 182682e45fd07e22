from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.sim_line import SimLine


T = TypeVar("T", bound="SimulationOut")


@_attrs_define
class SimulationOut:
    """
    Attributes:
        difference_yen (int):
        fiscal_year (int):
        lines (list[SimLine]): every line of the changed world, and lines that disappear (amount 0)
        today_total_yen (int):
        total_yen (int):
    """

    difference_yen: int
    fiscal_year: int
    lines: list[SimLine]
    today_total_yen: int
    total_yen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        difference_yen = self.difference_yen

        fiscal_year = self.fiscal_year

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        today_total_yen = self.today_total_yen

        total_yen = self.total_yen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "difference_yen": difference_yen,
                "fiscal_year": fiscal_year,
                "lines": lines,
                "today_total_yen": today_total_yen,
                "total_yen": total_yen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sim_line import SimLine  # noqa: PLC0415

        d = dict(src_dict)
        difference_yen = d.pop("difference_yen")

        fiscal_year = d.pop("fiscal_year")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = SimLine.from_dict(lines_item_data)

            lines.append(lines_item)

        today_total_yen = d.pop("today_total_yen")

        total_yen = d.pop("total_yen")

        simulation_out = cls(
            difference_yen=difference_yen,
            fiscal_year=fiscal_year,
            lines=lines,
            today_total_yen=today_total_yen,
            total_yen=total_yen,
        )

        simulation_out.additional_properties = d
        return simulation_out

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
