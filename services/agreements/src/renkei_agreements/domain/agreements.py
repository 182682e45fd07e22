"""Rules of a bilateral cooperation agreement (連携協約, LAA art. 252-2) that need no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from renkei_common.refdata import Registry


class AgreementRuleError(ValueError):
    """A rule of the domain was broken; `field` and `rule` say which."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.rule = rule
        self.message = message


@dataclass(frozen=True)
class ConcludedAgreement:
    kind: str
    title: str
    party_a: str
    party_b: str
    concluded_on: date
    in_force_on: date


def check_parties(registry: Registry, party_a: str, party_b: str) -> None:
    """Both parties exist and differ: an agreement is between two local governments."""
    for field, code in (("parties[0]", party_a), ("parties[1]", party_b)):
        if registry.find(code) is None:
            raise AgreementRuleError(field, "unknown_local_government", f"no local government with code {code}")
    if party_a == party_b:
        raise AgreementRuleError("parties[1]", "distinct_parties", "a party cannot be its own counterparty")


def check_dates(concluded_on: date, in_force_on: date) -> None:
    if in_force_on < concluded_on:
        raise AgreementRuleError(
            "in_force_on", "not_before_conclusion", "an agreement cannot be in force before it is concluded"
        )
