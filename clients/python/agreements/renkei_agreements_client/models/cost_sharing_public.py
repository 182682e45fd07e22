from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cost_class_public import CostClassPublic
    from ..models.cost_sharing_public_weights import CostSharingPublicWeights
    from ..models.member_share_public import MemberSharePublic


T = TypeVar("T", bound="CostSharingPublic")


@_attrs_define
class CostSharingPublic:
    """
    Attributes:
        agreed_on (datetime.date):
        classes (list[CostClassPublic]):
        cost_yen (int):
        fiscal_year (int):
        members (list[MemberSharePublic]):
        population_sources (list[str]): attribution of the population figures used
        remainder_to (str):
        revision (int):
        rounding (str):
        shared_service_id (str):
        weights (CostSharingPublicWeights): the first class's equal, population and usage weights
    """

    agreed_on: datetime.date
    classes: list[CostClassPublic]
    cost_yen: int
    fiscal_year: int
    members: list[MemberSharePublic]
    population_sources: list[str]
    remainder_to: str
    revision: int
    rounding: str
    shared_service_id: str
    weights: CostSharingPublicWeights
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreed_on = self.agreed_on.isoformat()

        classes = []
        for classes_item_data in self.classes:
            classes_item = classes_item_data.to_dict()
            classes.append(classes_item)

        cost_yen = self.cost_yen

        fiscal_year = self.fiscal_year

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        population_sources = self.population_sources

        remainder_to = self.remainder_to

        revision = self.revision

        rounding = self.rounding

        shared_service_id = self.shared_service_id

        weights = self.weights.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreed_on": agreed_on,
                "classes": classes,
                "cost_yen": cost_yen,
                "fiscal_year": fiscal_year,
                "members": members,
                "population_sources": population_sources,
                "remainder_to": remainder_to,
                "revision": revision,
                "rounding": rounding,
                "shared_service_id": shared_service_id,
                "weights": weights,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cost_class_public import CostClassPublic  # noqa: PLC0415
        from ..models.cost_sharing_public_weights import CostSharingPublicWeights  # noqa: PLC0415
        from ..models.member_share_public import MemberSharePublic  # noqa: PLC0415

        d = dict(src_dict)
        agreed_on = datetime.date.fromisoformat(d.pop("agreed_on"))

        classes = []
        _classes = d.pop("classes")
        for classes_item_data in _classes:
            classes_item = CostClassPublic.from_dict(classes_item_data)

            classes.append(classes_item)

        cost_yen = d.pop("cost_yen")

        fiscal_year = d.pop("fiscal_year")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberSharePublic.from_dict(members_item_data)

            members.append(members_item)

        population_sources = cast(list[str], d.pop("population_sources"))

        remainder_to = d.pop("remainder_to")

        revision = d.pop("revision")

        rounding = d.pop("rounding")

        shared_service_id = d.pop("shared_service_id")

        weights = CostSharingPublicWeights.from_dict(d.pop("weights"))

        cost_sharing_public = cls(
            agreed_on=agreed_on,
            classes=classes,
            cost_yen=cost_yen,
            fiscal_year=fiscal_year,
            members=members,
            population_sources=population_sources,
            remainder_to=remainder_to,
            revision=revision,
            rounding=rounding,
            shared_service_id=shared_service_id,
            weights=weights,
        )

        cost_sharing_public.additional_properties = d
        return cost_sharing_public

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
