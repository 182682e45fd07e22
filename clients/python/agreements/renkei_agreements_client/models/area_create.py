from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.area_create_area_type import AreaCreateAreaType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.centre_in import CentreIn
    from ..models.consensus_rules import ConsensusRules
    from ..models.declared_member import DeclaredMember


T = TypeVar("T", bound="AreaCreate")


@_attrs_define
class AreaCreate:
    """A 連携中枢都市宣言 or 中心市宣言 (or the formation of other wide-area cooperation).

    Attributes:
        area_type (AreaCreateAreaType):
        centres (list[CentreIn]): two for 複眼型
        declared_on (datetime.date):
        name (str):
        centres_adjacent (bool | None | Unset): two-centre variant: are they adjacent?
        consensus_rules (ConsensusRules | None | Unset):
        members (list[DeclaredMember] | Unset):
    """

    area_type: AreaCreateAreaType
    centres: list[CentreIn]
    declared_on: datetime.date
    name: str
    centres_adjacent: bool | None | Unset = UNSET
    consensus_rules: ConsensusRules | None | Unset = UNSET
    members: list[DeclaredMember] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415

        area_type = self.area_type.value

        centres = []
        for centres_item_data in self.centres:
            centres_item = centres_item_data.to_dict()
            centres.append(centres_item)

        declared_on = self.declared_on.isoformat()

        name = self.name

        centres_adjacent: bool | None | Unset
        if isinstance(self.centres_adjacent, Unset):
            centres_adjacent = UNSET
        else:
            centres_adjacent = self.centres_adjacent

        consensus_rules: dict[str, Any] | None | Unset
        if isinstance(self.consensus_rules, Unset):
            consensus_rules = UNSET
        elif isinstance(self.consensus_rules, ConsensusRules):
            consensus_rules = self.consensus_rules.to_dict()
        else:
            consensus_rules = self.consensus_rules

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area_type": area_type,
                "centres": centres,
                "declared_on": declared_on,
                "name": name,
            }
        )
        if centres_adjacent is not UNSET:
            field_dict["centres_adjacent"] = centres_adjacent
        if consensus_rules is not UNSET:
            field_dict["consensus_rules"] = consensus_rules
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.centre_in import CentreIn  # noqa: PLC0415
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415
        from ..models.declared_member import DeclaredMember  # noqa: PLC0415

        d = dict(src_dict)
        area_type = AreaCreateAreaType(d.pop("area_type"))

        centres = []
        _centres = d.pop("centres")
        for centres_item_data in _centres:
            centres_item = CentreIn.from_dict(centres_item_data)

            centres.append(centres_item)

        declared_on = datetime.date.fromisoformat(d.pop("declared_on"))

        name = d.pop("name")

        def _parse_centres_adjacent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        centres_adjacent = _parse_centres_adjacent(d.pop("centres_adjacent", UNSET))

        def _parse_consensus_rules(data: object) -> ConsensusRules | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consensus_rules_type_0 = ConsensusRules.from_dict(data)

                return consensus_rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsensusRules | None | Unset, data)

        consensus_rules = _parse_consensus_rules(d.pop("consensus_rules", UNSET))

        _members = d.pop("members", UNSET)
        members: list[DeclaredMember] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = DeclaredMember.from_dict(members_item_data)

                members.append(members_item)

        area_create = cls(
            area_type=area_type,
            centres=centres,
            declared_on=declared_on,
            name=name,
            centres_adjacent=centres_adjacent,
            consensus_rules=consensus_rules,
            members=members,
        )

        return area_create
