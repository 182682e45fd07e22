from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.cost_class_in_cost_class import CostClassInCostClass

if TYPE_CHECKING:
    from ..models.weight_period_in import WeightPeriodIn


T = TypeVar("T", bound="CostClassIn")


@_attrs_define
class CostClassIn:
    """経費区分ごとの負担金算定式: 経費と、年度ごとの按分割合 (年度順、空白・重複なし)。

    Attributes:
        cost_class (CostClassInCostClass): construction: 建設費, operation: 運営費, maintenance: 維持管理費
        cost_yen (int): この区分の当該年度の経費 (円)
        schedule (list[WeightPeriodIn]):
    """

    cost_class: CostClassInCostClass
    cost_yen: int
    schedule: list[WeightPeriodIn]

    def to_dict(self) -> dict[str, Any]:
        cost_class = self.cost_class.value

        cost_yen = self.cost_yen

        schedule = []
        for schedule_item_data in self.schedule:
            schedule_item = schedule_item_data.to_dict()
            schedule.append(schedule_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cost_class": cost_class,
                "cost_yen": cost_yen,
                "schedule": schedule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weight_period_in import WeightPeriodIn  # noqa: PLC0415

        d = dict(src_dict)
        cost_class = CostClassInCostClass(d.pop("cost_class"))

        cost_yen = d.pop("cost_yen")

        schedule = []
        _schedule = d.pop("schedule")
        for schedule_item_data in _schedule:
            schedule_item = WeightPeriodIn.from_dict(schedule_item_data)

            schedule.append(schedule_item)

        cost_class_in = cls(
            cost_class=cost_class,
            cost_yen=cost_yen,
            schedule=schedule,
        )

        return cost_class_in
