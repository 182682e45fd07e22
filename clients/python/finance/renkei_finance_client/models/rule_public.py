from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure import Measure
from ..models.rule_public_confidence import RulePublicConfidence
from ..models.rule_public_origin import RulePublicOrigin

if TYPE_CHECKING:
    from ..models.rule_public_params import RulePublicParams


T = TypeVar("T", bound="RulePublic")


@_attrs_define
class RulePublic:
    """
    Attributes:
        confidence (RulePublicConfidence):
        fy_from (int):
        fy_to (int | None):
        measure (Measure):
        note (str):
        origin (RulePublicOrigin): the shipped file, or a row national put
        params (RulePublicParams):
        rule_id (str):
        source (str): the public document the values come from
        version (int): 0 for a shipped row; 1, 2, ... for each change through the API
    """

    confidence: RulePublicConfidence
    fy_from: int
    fy_to: int | None
    measure: Measure
    note: str
    origin: RulePublicOrigin
    params: RulePublicParams
    rule_id: str
    source: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence.value

        fy_from = self.fy_from

        fy_to: int | None
        fy_to = self.fy_to

        measure = self.measure.value

        note = self.note

        origin = self.origin.value

        params = self.params.to_dict()

        rule_id = self.rule_id

        source = self.source

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confidence": confidence,
                "fy_from": fy_from,
                "fy_to": fy_to,
                "measure": measure,
                "note": note,
                "origin": origin,
                "params": params,
                "rule_id": rule_id,
                "source": source,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_public_params import RulePublicParams  # noqa: PLC0415

        d = dict(src_dict)
        confidence = RulePublicConfidence(d.pop("confidence"))

        fy_from = d.pop("fy_from")

        def _parse_fy_to(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fy_to = _parse_fy_to(d.pop("fy_to"))

        measure = Measure(d.pop("measure"))

        note = d.pop("note")

        origin = RulePublicOrigin(d.pop("origin"))

        params = RulePublicParams.from_dict(d.pop("params"))

        rule_id = d.pop("rule_id")

        source = d.pop("source")

        version = d.pop("version")

        rule_public = cls(
            confidence=confidence,
            fy_from=fy_from,
            fy_to=fy_to,
            measure=measure,
            note=note,
            origin=origin,
            params=params,
            rule_id=rule_id,
            source=source,
            version=version,
        )

        rule_public.additional_properties = d
        return rule_public

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
