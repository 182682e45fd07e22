from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.measure import Measure
from ..models.rule_change_in_confidence import RuleChangeInConfidence
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rule_change_in_params import RuleChangeInParams


T = TypeVar("T", bound="RuleChangeIn")


@_attrs_define
class RuleChangeIn:
    """
    Attributes:
        fy_from (int):
        kind (Literal['rule']):
        measure (Measure):
        params (RuleChangeInParams):
        rule_id (str):
        confidence (RuleChangeInConfidence | Unset):  Default: RuleChangeInConfidence.UNCONFIRMED.
        fy_to (int | None | Unset):
        source (str | Unset):  Default: 'what-if'.
    """

    fy_from: int
    kind: Literal["rule"]
    measure: Measure
    params: RuleChangeInParams
    rule_id: str
    confidence: RuleChangeInConfidence | Unset = RuleChangeInConfidence.UNCONFIRMED
    fy_to: int | None | Unset = UNSET
    source: str | Unset = "what-if"

    def to_dict(self) -> dict[str, Any]:
        fy_from = self.fy_from

        kind = self.kind

        measure = self.measure.value

        params = self.params.to_dict()

        rule_id = self.rule_id

        confidence: str | Unset = UNSET
        if not isinstance(self.confidence, Unset):
            confidence = self.confidence.value

        fy_to: int | None | Unset
        if isinstance(self.fy_to, Unset):
            fy_to = UNSET
        else:
            fy_to = self.fy_to

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fy_from": fy_from,
                "kind": kind,
                "measure": measure,
                "params": params,
                "rule_id": rule_id,
            }
        )
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if fy_to is not UNSET:
            field_dict["fy_to"] = fy_to
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_change_in_params import RuleChangeInParams  # noqa: PLC0415

        d = dict(src_dict)
        fy_from = d.pop("fy_from")

        kind = cast(Literal["rule"], d.pop("kind"))
        if kind != "rule":
            raise ValueError(f"kind must match const 'rule', got '{kind}'")

        measure = Measure(d.pop("measure"))

        params = RuleChangeInParams.from_dict(d.pop("params"))

        rule_id = d.pop("rule_id")

        _confidence = d.pop("confidence", UNSET)
        confidence: RuleChangeInConfidence | Unset
        if isinstance(_confidence, Unset):
            confidence = UNSET
        else:
            confidence = RuleChangeInConfidence(_confidence)

        def _parse_fy_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fy_to = _parse_fy_to(d.pop("fy_to", UNSET))

        source = d.pop("source", UNSET)

        rule_change_in = cls(
            fy_from=fy_from,
            kind=kind,
            measure=measure,
            params=params,
            rule_id=rule_id,
            confidence=confidence,
            fy_to=fy_to,
            source=source,
        )

        return rule_change_in
