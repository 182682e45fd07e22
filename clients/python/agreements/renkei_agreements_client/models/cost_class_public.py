from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cost_class_public_weights import CostClassPublicWeights
    from ..models.weight_period_public import WeightPeriodPublic


T = TypeVar("T", bound="CostClassPublic")


@_attrs_define
class CostClassPublic:
    """
    Attributes:
        cost_class (str):
        cost_yen (int):
        schedule (list[WeightPeriodPublic]):
        weights (CostClassPublicWeights): the weights applied in this FY
    """

    cost_class: str
    cost_yen: int
    schedule: list[WeightPeriodPublic]
    weights: CostClassPublicWeights
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_class = self.cost_class

        cost_yen = self.cost_yen

        schedule = []
        for schedule_item_data in self.schedule:
            schedule_item = schedule_item_data.to_dict()
            schedule.append(schedule_item)

        weights = self.weights.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cost_class": cost_class,
                "cost_yen": cost_yen,
                "schedule": schedule,
                "weights": weights,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_class_public_weights import CostClassPublicWeights  # noqa: PLC0415
        from ..models.weight_period_public import WeightPeriodPublic  # noqa: PLC0415

        d = dict(src_dict)
        cost_class = d.pop("cost_class")

        cost_yen = d.pop("cost_yen")

        schedule = []
        _schedule = d.pop("schedule")
        for schedule_item_data in _schedule:
            schedule_item = WeightPeriodPublic.from_dict(schedule_item_data)

            schedule.append(schedule_item)

        weights = CostClassPublicWeights.from_dict(d.pop("weights"))

        cost_class_public = cls(
            cost_class=cost_class,
            cost_yen=cost_yen,
            schedule=schedule,
            weights=weights,
        )

        cost_class_public.additional_properties = d
        return cost_class_public

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
