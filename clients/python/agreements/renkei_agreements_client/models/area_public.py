from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.area_public_area_type import AreaPublicAreaType
from ..models.area_public_declaration_kind_type_0 import AreaPublicDeclarationKindType0

if TYPE_CHECKING:
    from ..models.area_member_public import AreaMemberPublic
    from ..models.area_public_declaration_inputs import AreaPublicDeclarationInputs
    from ..models.consensus_rules import ConsensusRules
    from ..models.requirement_warning_public import RequirementWarningPublic


T = TypeVar("T", bound="AreaPublic")


@_attrs_define
class AreaPublic:
    """
    Attributes:
        area_type (AreaPublicAreaType):
        centre_codes (list[str]):
        consensus_rules (ConsensusRules | None):
        created_at (datetime.datetime):
        declaration_inputs (AreaPublicDeclarationInputs):
        declaration_kind (AreaPublicDeclarationKindType0 | None):
        declared_on (datetime.date):
        id (str):
        members (list[AreaMemberPublic]):
        name (str):
        warnings (list[RequirementWarningPublic]):
    """

    area_type: AreaPublicAreaType
    centre_codes: list[str]
    consensus_rules: ConsensusRules | None
    created_at: datetime.datetime
    declaration_inputs: AreaPublicDeclarationInputs
    declaration_kind: AreaPublicDeclarationKindType0 | None
    declared_on: datetime.date
    id: str
    members: list[AreaMemberPublic]
    name: str
    warnings: list[RequirementWarningPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415

        area_type = self.area_type.value

        centre_codes = self.centre_codes

        consensus_rules: dict[str, Any] | None
        if isinstance(self.consensus_rules, ConsensusRules):
            consensus_rules = self.consensus_rules.to_dict()
        else:
            consensus_rules = self.consensus_rules

        created_at = self.created_at.isoformat()

        declaration_inputs = self.declaration_inputs.to_dict()

        declaration_kind: None | str
        if isinstance(self.declaration_kind, AreaPublicDeclarationKindType0):
            declaration_kind = self.declaration_kind.value
        else:
            declaration_kind = self.declaration_kind

        declared_on = self.declared_on.isoformat()

        id = self.id

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        name = self.name

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area_type": area_type,
                "centre_codes": centre_codes,
                "consensus_rules": consensus_rules,
                "created_at": created_at,
                "declaration_inputs": declaration_inputs,
                "declaration_kind": declaration_kind,
                "declared_on": declared_on,
                "id": id,
                "members": members,
                "name": name,
                "warnings": warnings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_member_public import AreaMemberPublic  # noqa: PLC0415
        from ..models.area_public_declaration_inputs import AreaPublicDeclarationInputs  # noqa: PLC0415
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415
        from ..models.requirement_warning_public import RequirementWarningPublic  # noqa: PLC0415

        d = dict(src_dict)
        area_type = AreaPublicAreaType(d.pop("area_type"))

        centre_codes = cast(list[str], d.pop("centre_codes"))

        def _parse_consensus_rules(data: object) -> ConsensusRules | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consensus_rules_type_0 = ConsensusRules.from_dict(data)

                return consensus_rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsensusRules | None, data)

        consensus_rules = _parse_consensus_rules(d.pop("consensus_rules"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        declaration_inputs = AreaPublicDeclarationInputs.from_dict(d.pop("declaration_inputs"))

        def _parse_declaration_kind(data: object) -> AreaPublicDeclarationKindType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declaration_kind_type_0 = AreaPublicDeclarationKindType0(data)

                return declaration_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AreaPublicDeclarationKindType0 | None, data)

        declaration_kind = _parse_declaration_kind(d.pop("declaration_kind"))

        declared_on = datetime.date.fromisoformat(d.pop("declared_on"))

        id = d.pop("id")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = AreaMemberPublic.from_dict(members_item_data)

            members.append(members_item)

        name = d.pop("name")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = RequirementWarningPublic.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        area_public = cls(
            area_type=area_type,
            centre_codes=centre_codes,
            consensus_rules=consensus_rules,
            created_at=created_at,
            declaration_inputs=declaration_inputs,
            declaration_kind=declaration_kind,
            declared_on=declared_on,
            id=id,
            members=members,
            name=name,
            warnings=warnings,
        )

        area_public.additional_properties = d
        return area_public

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
