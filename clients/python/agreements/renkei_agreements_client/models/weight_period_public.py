from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.weight_period_public_weights import WeightPeriodPublicWeights


T = TypeVar("T", bound="WeightPeriodPublic")


@_attrs_define
class WeightPeriodPublic:
    """
    Attributes:
        from_fy (int | None):
        to_fy (int | None):
        weights (WeightPeriodPublicWeights):
    """

    from_fy: int | None
    to_fy: int | None
    weights: WeightPeriodPublicWeights
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_fy: int | None
        from_fy = self.from_fy

        to_fy: int | None
        to_fy = self.to_fy

        weights = self.weights.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_fy": from_fy,
                "to_fy": to_fy,
                "weights": weights,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weight_period_public_weights import WeightPeriodPublicWeights  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_fy = _parse_from_fy(d.pop("from_fy"))

        def _parse_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_fy = _parse_to_fy(d.pop("to_fy"))

        weights = WeightPeriodPublicWeights.from_dict(d.pop("weights"))

        weight_period_public = cls(
            from_fy=from_fy,
            to_fy=to_fy,
            weights=weights,
        )

        weight_period_public.additional_properties = d
        return weight_period_public

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
