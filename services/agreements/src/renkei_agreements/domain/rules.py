"""Requirement thresholds for area declarations, as data with provenance rather than constants in code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

Confidence = Literal["seed", "public", "unconfirmed"]


@dataclass(frozen=True)
class RequirementRule:
    """One requirement of DOMAIN §3: its threshold, where it comes from, and whether breaking it blocks.

    Only rules that admit no exception block (422); the others become warnings stored with the declaration,
    because MIC accepts exceptions and our reference population may be older than the city's own figure.
    """

    id: str
    area_type: Literal["metropolitan", "settlement"]
    description: str
    source: str
    confidence: Confidence
    threshold: Decimal | None = None
    blocking: bool = False


_METRO = "DOMAIN §3.1; 連携中枢都市圏構想推進要綱 (総務省)"
_SETTLE = "DOMAIN §3.2; 定住自立圏構想推進要綱 (総務省)"

DEFAULT_RULES: tuple[RequirementRule, ...] = (
    # 連携中枢都市 (metropolitan cooperation area)
    RequirementRule(
        "metropolitan.centre_is_city",
        "metropolitan",
        "the centre is a 市 (a town, village, ward or prefecture cannot be a 連携中枢都市)",
        _METRO,
        "public",
        blocking=True,
    ),
    RequirementRule(
        "metropolitan.centre_designated_or_core",
        "metropolitan",
        "the centre is a designated city (政令指定都市) or a core city (中核市)",
        _METRO,
        "seed",
    ),
    RequirementRule(
        "metropolitan.day_night_ratio",
        "metropolitan",
        "daytime/night-time population ratio of the centre about 1 or more",
        _METRO,
        "seed",
        Decimal("1"),
    ),
    RequirementRule(
        "metropolitan.outside_three_metropolitan",
        "metropolitan",
        "the centre lies outside the three great metropolitan areas (三大都市圏)",
        _METRO,
        "seed",
    ),
    RequirementRule(
        "metropolitan.two_centres_each_population",
        "metropolitan",
        "two-centre variant (複眼型): each city has about 100,000 inhabitants or more",
        _METRO,
        "seed",
        Decimal("100000"),
    ),
    RequirementRule(
        "metropolitan.two_centres_total_population",
        "metropolitan",
        "two-centre variant (複眼型): the two cities have 200,000 inhabitants or more together",
        _METRO,
        "seed",
        Decimal("200000"),
    ),
    RequirementRule(
        "metropolitan.two_centres_adjacent",
        "metropolitan",
        "two-centre variant (複眼型): the two cities are adjacent (stated by the declarant)",
        _METRO,
        "seed",
    ),
    RequirementRule(
        "metropolitan.partner_commuting_share",
        "metropolitan",
        "each partner sends about 10% or more of its commuters to the centre",
        _METRO,
        "seed",
        Decimal("0.10"),
    ),
    # 中心市 of a 定住自立圏 (settlement and self-reliance area)
    RequirementRule(
        "settlement.centre_is_city",
        "settlement",
        "the central city is a 市 (a town or village cannot be a 中心市)",
        _SETTLE,
        "seed",
        blocking=True,
    ),
    RequirementRule(
        "settlement.centre_population_guideline",
        "settlement",
        "the central city has about 50,000 inhabitants or more",
        _SETTLE,
        "seed",
        Decimal("50000"),
    ),
    RequirementRule(
        "settlement.centre_population_floor",
        "settlement",
        "the central city has more than 40,000 inhabitants in any case (少なくとも4万人超); a warning "
        "only, because the reference figure may predate the declaration and MIC admits exceptions",
        _SETTLE,
        "seed",
        Decimal("40000"),
    ),
    RequirementRule(
        "settlement.day_night_ratio",
        "settlement",
        "daytime/night-time population ratio of the central city of 1 or more",
        _SETTLE,
        "seed",
        Decimal("1"),
    ),
    RequirementRule(
        "settlement.outside_three_metropolitan",
        "settlement",
        "the central city lies outside the three metropolitan areas",
        _SETTLE,
        "seed",
    ),
    RequirementRule(
        "settlement.two_centres_total_population",
        "settlement",
        "two-centre variant (複眼型中心市): the two adjacent cities have more than 40,000 "
        "inhabitants together",
        "no public primary text found",
        "unconfirmed",
        Decimal("40000"),
    ),
    RequirementRule(
        "settlement.two_centres_larger_population",
        "settlement",
        "two-centre variant (複眼型中心市): the larger city has about 30,000 inhabitants or more",
        "no public primary text found",
        "unconfirmed",
        Decimal("30000"),
    ),
    RequirementRule(
        "settlement.two_centres_adjacent",
        "settlement",
        "two-centre variant (複眼型中心市): the two cities are adjacent (stated by the declarant)",
        _SETTLE,
        "unconfirmed",
    ),
    RequirementRule(
        "settlement.partner_commuting_share",
        "settlement",
        "each neighbouring municipality sends about 10% or more of its commuters to the central city",
        "not in DOMAIN §3.2; assumed to mirror the metropolitan rule",
        "unconfirmed",
        Decimal("0.10"),
    ),
)


class RuleBook:
    """The rules in force; a deployment may override thresholds or blocking without touching the checks."""

    def __init__(self, rules: tuple[RequirementRule, ...] = DEFAULT_RULES) -> None:
        self._rules = {rule.id: rule for rule in rules}

    def __getitem__(self, rule_id: str) -> RequirementRule:
        return self._rules[rule_id]

    def __iter__(self) -> Iterator[RequirementRule]:
        return iter(self._rules.values())

    def threshold(self, rule_id: str) -> Decimal:
        value = self._rules[rule_id].threshold
        if value is None:
            raise KeyError(f"rule {rule_id} has no threshold")
        return value

    def with_override(self, rule_id: str, **changes: object) -> RuleBook:
        rules = dict(self._rules)
        rules[rule_id] = replace(rules[rule_id], **changes)  # type: ignore[arg-type]
        return RuleBook(tuple(rules.values()))


RULES = RuleBook()
