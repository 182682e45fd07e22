from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BasisWeights")


@_attrs_define
class BasisWeights:
    """按分割合: 各基礎の重み (0〜1 の10進文字列)、合計は正確に 1。省略した基礎は 0。

    Attributes:
        equal (str | Unset): 均等割 Default: '0'.
        fiscal_need (str | Unset): 基準財政需要額割 Default: '0'.
        population (str | Unset): 人口割 (登録された国勢調査人口) Default: '0'.
        tonnage (str | Unset): 累積搬入量割 Default: '0'.
        usage (str | Unset): 利用割 Default: '0'.
    """

    equal: str | Unset = "0"
    fiscal_need: str | Unset = "0"
    population: str | Unset = "0"
    tonnage: str | Unset = "0"
    usage: str | Unset = "0"

    def to_dict(self) -> dict[str, Any]:
        equal = self.equal

        fiscal_need = self.fiscal_need

        population = self.population

        tonnage = self.tonnage

        usage = self.usage

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if equal is not UNSET:
            field_dict["equal"] = equal
        if fiscal_need is not UNSET:
            field_dict["fiscal_need"] = fiscal_need
        if population is not UNSET:
            field_dict["population"] = population
        if tonnage is not UNSET:
            field_dict["tonnage"] = tonnage
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        equal = d.pop("equal", UNSET)

        fiscal_need = d.pop("fiscal_need", UNSET)

        population = d.pop("population", UNSET)

        tonnage = d.pop("tonnage", UNSET)

        usage = d.pop("usage", UNSET)

        basis_weights = cls(
            equal=equal,
            fiscal_need=fiscal_need,
            population=population,
            tonnage=tonnage,
            usage=usage,
        )

        return basis_weights
