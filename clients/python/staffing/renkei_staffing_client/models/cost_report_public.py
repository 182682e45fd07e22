from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cost_line_public import CostLinePublic
    from ..models.cost_report_public_ineligible_by_reason import CostReportPublicIneligibleByReason


T = TypeVar("T", bound="CostReportPublic")


@_attrs_define
class CostReportPublic:
    """
    Attributes:
        eligible_yen (int):
        employer_code (str):
        fiscal_year (int):
        ineligible_by_reason (CostReportPublicIneligibleByReason):
        ineligible_yen (int):
        lines (list[CostLinePublic]):
    """

    eligible_yen: int
    employer_code: str
    fiscal_year: int
    ineligible_by_reason: CostReportPublicIneligibleByReason
    ineligible_yen: int
    lines: list[CostLinePublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        eligible_yen = self.eligible_yen

        employer_code = self.employer_code

        fiscal_year = self.fiscal_year

        ineligible_by_reason = self.ineligible_by_reason.to_dict()

        ineligible_yen = self.ineligible_yen

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eligible_yen": eligible_yen,
                "employer_code": employer_code,
                "fiscal_year": fiscal_year,
                "ineligible_by_reason": ineligible_by_reason,
                "ineligible_yen": ineligible_yen,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_line_public import CostLinePublic  # noqa: PLC0415
        from ..models.cost_report_public_ineligible_by_reason import CostReportPublicIneligibleByReason  # noqa: PLC0415

        d = dict(src_dict)
        eligible_yen = d.pop("eligible_yen")

        employer_code = d.pop("employer_code")

        fiscal_year = d.pop("fiscal_year")

        ineligible_by_reason = CostReportPublicIneligibleByReason.from_dict(d.pop("ineligible_by_reason"))

        ineligible_yen = d.pop("ineligible_yen")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = CostLinePublic.from_dict(lines_item_data)

            lines.append(lines_item)

        cost_report_public = cls(
            eligible_yen=eligible_yen,
            employer_code=employer_code,
            fiscal_year=fiscal_year,
            ineligible_by_reason=ineligible_by_reason,
            ineligible_yen=ineligible_yen,
            lines=lines,
        )

        cost_report_public.additional_properties = d
        return cost_report_public

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
