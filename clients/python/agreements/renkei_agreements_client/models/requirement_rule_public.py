from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.requirement_rule_public_area_type import RequirementRulePublicAreaType
from ..models.requirement_rule_public_confidence import RequirementRulePublicConfidence

T = TypeVar("T", bound="RequirementRulePublic")


@_attrs_define
class RequirementRulePublic:
    """
    Attributes:
        area_type (RequirementRulePublicAreaType):
        blocking (bool):
        confidence (RequirementRulePublicConfidence):
        description (str):
        id (str):
        overridable (bool): a blocking rule that admits an approved override for one centre
        source (str):
        threshold (None | str):
    """

    area_type: RequirementRulePublicAreaType
    blocking: bool
    confidence: RequirementRulePublicConfidence
    description: str
    id: str
    overridable: bool
    source: str
    threshold: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        area_type = self.area_type.value

        blocking = self.blocking

        confidence = self.confidence.value

        description = self.description

        id = self.id

        overridable = self.overridable

        source = self.source

        threshold: None | str
        threshold = self.threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area_type": area_type,
                "blocking": blocking,
                "confidence": confidence,
                "description": description,
                "id": id,
                "overridable": overridable,
                "source": source,
                "threshold": threshold,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area_type = RequirementRulePublicAreaType(d.pop("area_type"))

        blocking = d.pop("blocking")

        confidence = RequirementRulePublicConfidence(d.pop("confidence"))

        description = d.pop("description")

        id = d.pop("id")

        overridable = d.pop("overridable")

        source = d.pop("source")

        def _parse_threshold(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        threshold = _parse_threshold(d.pop("threshold"))

        requirement_rule_public = cls(
            area_type=area_type,
            blocking=blocking,
            confidence=confidence,
            description=description,
            id=id,
            overridable=overridable,
            source=source,
            threshold=threshold,
        )

        requirement_rule_public.additional_properties = d
        return requirement_rule_public

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
