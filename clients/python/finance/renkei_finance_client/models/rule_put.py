from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.measure import Measure
from ..models.rule_put_confidence import RulePutConfidence
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rule_put_params import RulePutParams


T = TypeVar("T", bound="RulePut")


@_attrs_define
class RulePut:
    """
    Attributes:
        confidence (RulePutConfidence):
        fy_from (int):
        measure (Measure):
        params (RulePutParams): integers (yen, years) or decimal strings
        source (str):
        fy_to (int | None | Unset):
        note (str | Unset):  Default: ''.
    """

    confidence: RulePutConfidence
    fy_from: int
    measure: Measure
    params: RulePutParams
    source: str
    fy_to: int | None | Unset = UNSET
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence.value

        fy_from = self.fy_from

        measure = self.measure.value

        params = self.params.to_dict()

        source = self.source

        fy_to: int | None | Unset
        if isinstance(self.fy_to, Unset):
            fy_to = UNSET
        else:
            fy_to = self.fy_to

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confidence": confidence,
                "fy_from": fy_from,
                "measure": measure,
                "params": params,
                "source": source,
            }
        )
        if fy_to is not UNSET:
            field_dict["fy_to"] = fy_to
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_put_params import RulePutParams  # noqa: PLC0415

        d = dict(src_dict)
        confidence = RulePutConfidence(d.pop("confidence"))

        fy_from = d.pop("fy_from")

        measure = Measure(d.pop("measure"))

        params = RulePutParams.from_dict(d.pop("params"))

        source = d.pop("source")

        def _parse_fy_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fy_to = _parse_fy_to(d.pop("fy_to", UNSET))

        note = d.pop("note", UNSET)

        rule_put = cls(
            confidence=confidence,
            fy_from=fy_from,
            measure=measure,
            params=params,
            source=source,
            fy_to=fy_to,
            note=note,
        )

        return rule_put
