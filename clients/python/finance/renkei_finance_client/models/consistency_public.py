from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.consistency_public_problems_item import ConsistencyPublicProblemsItem


T = TypeVar("T", bound="ConsistencyPublic")


@_attrs_define
class ConsistencyPublic:
    """
    Attributes:
        consistent (bool):
        fiscal_years (list[int]):
        problems (list[ConsistencyPublicProblemsItem]):
    """

    consistent: bool
    fiscal_years: list[int]
    problems: list[ConsistencyPublicProblemsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consistent = self.consistent

        fiscal_years = self.fiscal_years

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consistent": consistent,
                "fiscal_years": fiscal_years,
                "problems": problems,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consistency_public_problems_item import ConsistencyPublicProblemsItem  # noqa: PLC0415

        d = dict(src_dict)
        consistent = d.pop("consistent")

        fiscal_years = cast(list[int], d.pop("fiscal_years"))

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in _problems:
            problems_item = ConsistencyPublicProblemsItem.from_dict(problems_item_data)

            problems.append(problems_item)

        consistency_public = cls(
            consistent=consistent,
            fiscal_years=fiscal_years,
            problems=problems,
        )

        consistency_public.additional_properties = d
        return consistency_public

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
