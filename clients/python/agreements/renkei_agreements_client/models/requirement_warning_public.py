from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.requirement_warning_public_confidence import RequirementWarningPublicConfidence
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admitted_override_public import AdmittedOverridePublic


T = TypeVar("T", bound="RequirementWarningPublic")


@_attrs_define
class RequirementWarningPublic:
    """
    Attributes:
        confidence (RequirementWarningPublicConfidence):
        field (str):
        message (str):
        rule (str):
        source (str):
        override (AdmittedOverridePublic | None | Unset):
    """

    confidence: RequirementWarningPublicConfidence
    field: str
    message: str
    rule: str
    source: str
    override: AdmittedOverridePublic | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admitted_override_public import AdmittedOverridePublic  # noqa: PLC0415

        confidence = self.confidence.value

        field = self.field

        message = self.message

        rule = self.rule

        source = self.source

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, AdmittedOverridePublic):
            override = self.override.to_dict()
        else:
            override = self.override

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confidence": confidence,
                "field": field,
                "message": message,
                "rule": rule,
                "source": source,
            }
        )
        if override is not UNSET:
            field_dict["override"] = override

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admitted_override_public import AdmittedOverridePublic  # noqa: PLC0415

        d = dict(src_dict)
        confidence = RequirementWarningPublicConfidence(d.pop("confidence"))

        field = d.pop("field")

        message = d.pop("message")

        rule = d.pop("rule")

        source = d.pop("source")

        def _parse_override(data: object) -> AdmittedOverridePublic | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = AdmittedOverridePublic.from_dict(data)

                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdmittedOverridePublic | None | Unset, data)

        override = _parse_override(d.pop("override", UNSET))

        requirement_warning_public = cls(
            confidence=confidence,
            field=field,
            message=message,
            rule=rule,
            source=source,
            override=override,
        )

        requirement_warning_public.additional_properties = d
        return requirement_warning_public

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
