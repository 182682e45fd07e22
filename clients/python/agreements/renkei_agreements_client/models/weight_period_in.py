from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.basis_weights import BasisWeights


T = TypeVar("T", bound="WeightPeriodIn")


@_attrs_define
class WeightPeriodIn:
    """ある年度範囲に適用する按分割合 (例: 令和8年度まで 均等割10%・人口割90%)。

    Attributes:
        weights (BasisWeights): 按分割合: 各基礎の重み (0〜1 の10進文字列)、合計は正確に 1。省略した基礎は 0。
        from_fy (int | None | Unset): 適用開始年度 (省略: 最初から)
        to_fy (int | None | Unset): 適用終了年度 (省略: 以後ずっと)
    """

    weights: BasisWeights
    from_fy: int | None | Unset = UNSET
    to_fy: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        weights = self.weights.to_dict()

        from_fy: int | None | Unset
        if isinstance(self.from_fy, Unset):
            from_fy = UNSET
        else:
            from_fy = self.from_fy

        to_fy: int | None | Unset
        if isinstance(self.to_fy, Unset):
            to_fy = UNSET
        else:
            to_fy = self.to_fy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "weights": weights,
            }
        )
        if from_fy is not UNSET:
            field_dict["from_fy"] = from_fy
        if to_fy is not UNSET:
            field_dict["to_fy"] = to_fy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.basis_weights import BasisWeights  # noqa: PLC0415

        d = dict(src_dict)
        weights = BasisWeights.from_dict(d.pop("weights"))

        def _parse_from_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        from_fy = _parse_from_fy(d.pop("from_fy", UNSET))

        def _parse_to_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        to_fy = _parse_to_fy(d.pop("to_fy", UNSET))

        weight_period_in = cls(
            weights=weights,
            from_fy=from_fy,
            to_fy=to_fy,
        )

        return weight_period_in
