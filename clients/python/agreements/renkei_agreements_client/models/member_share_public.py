from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.class_share_public import ClassSharePublic


T = TypeVar("T", bound="MemberSharePublic")


@_attrs_define
class MemberSharePublic:
    """
    Attributes:
        code (str):
        exact_yen (str): the unrounded share, to 2 decimal places
        population (int | None):
        population_year (int | None):
        share_yen (int): the member's share of the whole cost: the sum of its classes
        usage (None | str):
        classes (list[ClassSharePublic] | Unset): the share of each cost class
        fiscal_need_yen (int | None | Unset):
        tonnage (None | str | Unset):
    """

    code: str
    exact_yen: str
    population: int | None
    population_year: int | None
    share_yen: int
    usage: None | str
    classes: list[ClassSharePublic] | Unset = UNSET
    fiscal_need_yen: int | None | Unset = UNSET
    tonnage: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        exact_yen = self.exact_yen

        population: int | None
        population = self.population

        population_year: int | None
        population_year = self.population_year

        share_yen = self.share_yen

        usage: None | str
        usage = self.usage

        classes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.classes, Unset):
            classes = []
            for classes_item_data in self.classes:
                classes_item = classes_item_data.to_dict()
                classes.append(classes_item)

        fiscal_need_yen: int | None | Unset
        if isinstance(self.fiscal_need_yen, Unset):
            fiscal_need_yen = UNSET
        else:
            fiscal_need_yen = self.fiscal_need_yen

        tonnage: None | str | Unset
        if isinstance(self.tonnage, Unset):
            tonnage = UNSET
        else:
            tonnage = self.tonnage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "exact_yen": exact_yen,
                "population": population,
                "population_year": population_year,
                "share_yen": share_yen,
                "usage": usage,
            }
        )
        if classes is not UNSET:
            field_dict["classes"] = classes
        if fiscal_need_yen is not UNSET:
            field_dict["fiscal_need_yen"] = fiscal_need_yen
        if tonnage is not UNSET:
            field_dict["tonnage"] = tonnage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.class_share_public import ClassSharePublic  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        exact_yen = d.pop("exact_yen")

        def _parse_population(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population = _parse_population(d.pop("population"))

        def _parse_population_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        population_year = _parse_population_year(d.pop("population_year"))

        share_yen = d.pop("share_yen")

        def _parse_usage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        usage = _parse_usage(d.pop("usage"))

        _classes = d.pop("classes", UNSET)
        classes: list[ClassSharePublic] | Unset = UNSET
        if _classes is not UNSET:
            classes = []
            for classes_item_data in _classes:
                classes_item = ClassSharePublic.from_dict(classes_item_data)

                classes.append(classes_item)

        def _parse_fiscal_need_yen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fiscal_need_yen = _parse_fiscal_need_yen(d.pop("fiscal_need_yen", UNSET))

        def _parse_tonnage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tonnage = _parse_tonnage(d.pop("tonnage", UNSET))

        member_share_public = cls(
            code=code,
            exact_yen=exact_yen,
            population=population,
            population_year=population_year,
            share_yen=share_yen,
            usage=usage,
            classes=classes,
            fiscal_need_yen=fiscal_need_yen,
            tonnage=tonnage,
        )

        member_share_public.additional_properties = d
        return member_share_public

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
