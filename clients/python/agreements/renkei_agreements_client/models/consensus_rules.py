from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consensus_rules_decision_method import ConsensusRulesDecisionMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsensusRules")


@_attrs_define
class ConsensusRules:
    """合意形成過程のルール: how partners are consulted and how a proposal is decided (seed §1(1)).

    Attributes:
        text (str): the rules as written in the agreement
        consultation_period_days (int | None | Unset):
        decision_method (ConsensusRulesDecisionMethod | Unset):  Default: ConsensusRulesDecisionMethod.UNANIMITY.
        objection_handling (None | str | Unset):
    """

    text: str
    consultation_period_days: int | None | Unset = UNSET
    decision_method: ConsensusRulesDecisionMethod | Unset = ConsensusRulesDecisionMethod.UNANIMITY
    objection_handling: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        consultation_period_days: int | None | Unset
        if isinstance(self.consultation_period_days, Unset):
            consultation_period_days = UNSET
        else:
            consultation_period_days = self.consultation_period_days

        decision_method: str | Unset = UNSET
        if not isinstance(self.decision_method, Unset):
            decision_method = self.decision_method.value

        objection_handling: None | str | Unset
        if isinstance(self.objection_handling, Unset):
            objection_handling = UNSET
        else:
            objection_handling = self.objection_handling

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if consultation_period_days is not UNSET:
            field_dict["consultation_period_days"] = consultation_period_days
        if decision_method is not UNSET:
            field_dict["decision_method"] = decision_method
        if objection_handling is not UNSET:
            field_dict["objection_handling"] = objection_handling

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        def _parse_consultation_period_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        consultation_period_days = _parse_consultation_period_days(d.pop("consultation_period_days", UNSET))

        _decision_method = d.pop("decision_method", UNSET)
        decision_method: ConsensusRulesDecisionMethod | Unset
        if isinstance(_decision_method, Unset):
            decision_method = UNSET
        else:
            decision_method = ConsensusRulesDecisionMethod(_decision_method)

        def _parse_objection_handling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objection_handling = _parse_objection_handling(d.pop("objection_handling", UNSET))

        consensus_rules = cls(
            text=text,
            consultation_period_days=consultation_period_days,
            decision_method=decision_method,
            objection_handling=objection_handling,
        )

        return consensus_rules
