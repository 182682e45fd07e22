from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cost_sharing_put_rounding import CostSharingPutRounding
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cost_class_in import CostClassIn
    from ..models.member_usage import MemberUsage
    from ..models.weights import Weights


T = TypeVar("T", bound="CostSharingPut")


@_attrs_define
class CostSharingPut:
    """当該年度の負担金の按分: `classes` (経費区分ごと) か、従来の `cost_yen` と `weights` のどちらか一方。

    Attributes:
        agreed_on (datetime.date):
        members (list[MemberUsage]): every member once
        remainder_to (str): 端数を負担する団体 (the member that takes the rounding remainder)
        classes (list[CostClassIn] | None | Unset): 経費区分ごとの算定式
        cost_yen (int | None | Unset): 従来形式: 経費の総額 (円)
        rounding (CostSharingPutRounding | Unset): 端数処理: floor_to_yen (円未満切捨て) or truncate_under_1000 (千円未満切捨て)、切り捨てた額は
            remainder_to の負担 Default: CostSharingPutRounding.FLOOR_TO_YEN.
        weights (None | Unset | Weights): 従来形式: 均等割・人口割・利用割
    """

    agreed_on: datetime.date
    members: list[MemberUsage]
    remainder_to: str
    classes: list[CostClassIn] | None | Unset = UNSET
    cost_yen: int | None | Unset = UNSET
    rounding: CostSharingPutRounding | Unset = CostSharingPutRounding.FLOOR_TO_YEN
    weights: None | Unset | Weights = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.weights import Weights  # noqa: PLC0415

        agreed_on = self.agreed_on.isoformat()

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        remainder_to = self.remainder_to

        classes: list[dict[str, Any]] | None | Unset
        if isinstance(self.classes, Unset):
            classes = UNSET
        elif isinstance(self.classes, list):
            classes = []
            for classes_type_0_item_data in self.classes:
                classes_type_0_item = classes_type_0_item_data.to_dict()
                classes.append(classes_type_0_item)

        else:
            classes = self.classes

        cost_yen: int | None | Unset
        if isinstance(self.cost_yen, Unset):
            cost_yen = UNSET
        else:
            cost_yen = self.cost_yen

        rounding: str | Unset = UNSET
        if not isinstance(self.rounding, Unset):
            rounding = self.rounding.value

        weights: dict[str, Any] | None | Unset
        if isinstance(self.weights, Unset):
            weights = UNSET
        elif isinstance(self.weights, Weights):
            weights = self.weights.to_dict()
        else:
            weights = self.weights

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agreed_on": agreed_on,
                "members": members,
                "remainder_to": remainder_to,
            }
        )
        if classes is not UNSET:
            field_dict["classes"] = classes
        if cost_yen is not UNSET:
            field_dict["cost_yen"] = cost_yen
        if rounding is not UNSET:
            field_dict["rounding"] = rounding
        if weights is not UNSET:
            field_dict["weights"] = weights

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_class_in import CostClassIn  # noqa: PLC0415
        from ..models.member_usage import MemberUsage  # noqa: PLC0415
        from ..models.weights import Weights  # noqa: PLC0415

        d = dict(src_dict)
        agreed_on = datetime.date.fromisoformat(d.pop("agreed_on"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberUsage.from_dict(members_item_data)

            members.append(members_item)

        remainder_to = d.pop("remainder_to")

        def _parse_classes(data: object) -> list[CostClassIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                classes_type_0 = []
                _classes_type_0 = data
                for classes_type_0_item_data in _classes_type_0:
                    classes_type_0_item = CostClassIn.from_dict(classes_type_0_item_data)

                    classes_type_0.append(classes_type_0_item)

                return classes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CostClassIn] | None | Unset, data)

        classes = _parse_classes(d.pop("classes", UNSET))

        def _parse_cost_yen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cost_yen = _parse_cost_yen(d.pop("cost_yen", UNSET))

        _rounding = d.pop("rounding", UNSET)
        rounding: CostSharingPutRounding | Unset
        if isinstance(_rounding, Unset):
            rounding = UNSET
        else:
            rounding = CostSharingPutRounding(_rounding)

        def _parse_weights(data: object) -> None | Unset | Weights:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                weights_type_0 = Weights.from_dict(data)

                return weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Weights, data)

        weights = _parse_weights(d.pop("weights", UNSET))

        cost_sharing_put = cls(
            agreed_on=agreed_on,
            members=members,
            remainder_to=remainder_to,
            classes=classes,
            cost_yen=cost_yen,
            rounding=rounding,
            weights=weights,
        )

        return cost_sharing_put
