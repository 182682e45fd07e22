from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consensus_rules import ConsensusRules


T = TypeVar("T", bound="AgreementUpdate")


@_attrs_define
class AgreementUpdate:
    """
    Attributes:
        consensus_rules (ConsensusRules | None | Unset):
    """

    consensus_rules: ConsensusRules | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415

        consensus_rules: dict[str, Any] | None | Unset
        if isinstance(self.consensus_rules, Unset):
            consensus_rules = UNSET
        elif isinstance(self.consensus_rules, ConsensusRules):
            consensus_rules = self.consensus_rules.to_dict()
        else:
            consensus_rules = self.consensus_rules

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if consensus_rules is not UNSET:
            field_dict["consensus_rules"] = consensus_rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consensus_rules import ConsensusRules  # noqa: PLC0415

        d = dict(src_dict)

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

        agreement_update = cls(
            consensus_rules=consensus_rules,
        )

        return agreement_update
