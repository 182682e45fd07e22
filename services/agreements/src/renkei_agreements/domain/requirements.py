"""Requirement checks of a 連携中枢都市宣言 or 中心市宣言: warnings, or 422 for blocking rules.

The rules and their thresholds come from the rule book (domain/rules.py); docs/domain.md §3 gives their
public sources, 連携中枢都市圏構想推進要綱 and 定住自立圏構想推進要綱 (総務省).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import Message, msg
from renkei_common.refdata import THREE_METROPOLITAN_PREFECTURES, LocalGovernment

from renkei_agreements.domain.rules import RULES, RequirementRule, RuleBook, RuleOverride


@dataclass(frozen=True)
class Centre:
    government: LocalGovernment
    day_night_ratio: Decimal | None = None


@dataclass(frozen=True)
class Partner:
    government: LocalGovernment
    commuting_share: Decimal | None = None
    index: int | None = None  # position among the request's members, for the error field


@dataclass(frozen=True)
class Finding:
    """A requirement the declaration does not (visibly) meet, with the rule's provenance.

    `blocking` says whether it refuses the declaration: a blocking rule's finding that an approved override
    admits is a warning (blocking False) that names its `override`.
    """

    rule: str
    field: str
    message: Message
    confidence: str
    source: str
    blocking: bool
    override: RuleOverride | None = None


class _Checker:
    def __init__(self, rules: RuleBook, overrides: dict[str, RuleOverride]) -> None:
        self.rules = rules
        self.overrides = overrides
        self.findings: list[Finding] = []

    def fail(self, rule_id: str, field: str, message: Message) -> None:
        rule: RequirementRule = self.rules[rule_id]
        override = self.overrides.get(rule_id) if rule.blocking and rule.overridable else None
        blocking = rule.blocking and override is None
        self.findings.append(
            Finding(rule_id, field, message, rule.confidence, rule.source, blocking, override)
        )

    def at_least(
        self, rule_id: str, field: str, value: Decimal | int | None, what: Message, *, people: bool = False
    ) -> None:
        """`value` >= threshold; an unknown value is a finding too, since the rule cannot be shown to hold.

        `people`: the value is a head count, which Japanese writes as 40,000人.
        """
        threshold = self.rules.threshold(rule_id)
        if value is None:
            self.fail(rule_id, field, msg("requirements.not_supplied", what=what, threshold=threshold))
        elif Decimal(value) < threshold:
            key = "requirements.population_below_guideline" if people else "requirements.below_guideline"
            self.fail(rule_id, field, msg(key, what=what, value=value, threshold=threshold))


def check_declaration(
    area_type: str,
    centres: Sequence[Centre],
    partners: Sequence[Partner],
    *,
    centres_adjacent: bool | None = None,
    rules: RuleBook = RULES,
    overrides: Sequence[RuleOverride] = (),
) -> list[Finding]:
    """The warnings of a declaration; raises RuleViolation if any finding comes from a blocking rule.

    `overrides` are the approved exceptions on record for this declaration's centres; one that names an
    overridable blocking rule of this area type turns that rule's finding into a warning naming it.
    """
    if area_type not in ("metropolitan", "settlement"):
        return []  # other wide-area cooperation has no statutory centre requirements
    centre_codes = {c.government.code for c in centres}
    admitted = {o.rule: o for o in overrides if o.area_type == area_type and o.centre_code in centre_codes}
    check = _Checker(rules, admitted)
    prefix = area_type
    for i, centre in enumerate(centres):
        gov, field = centre.government, f"centres[{i}]"
        if not gov.is_city:
            check.fail(
                f"{prefix}.centre_is_city",
                f"{field}.code",
                msg("requirements.centre_is_city", name=gov.name, kind=gov.kind.value),
            )
        if gov.prefecture_code in THREE_METROPOLITAN_PREFECTURES:
            check.fail(
                f"{prefix}.outside_three_metropolitan",
                f"{field}.code",
                msg("requirements.outside_three_metropolitan", name=gov.name, prefecture=gov.prefecture),
            )
        check.at_least(
            f"{prefix}.day_night_ratio",
            f"{field}.day_night_ratio",
            centre.day_night_ratio,
            msg("requirements.what.day_night_ratio", name=gov.name),
        )
    if len(centres) == 1:
        _single_centre(check, area_type, centres[0].government)
    elif len(centres) == 2:
        _two_centres(check, area_type, [c.government for c in centres], centres_adjacent)
    for i, partner in enumerate(partners):
        at = partner.index if partner.index is not None else i
        check.at_least(
            f"{prefix}.partner_commuting_share",
            f"members[{at}].commuting_share",
            partner.commuting_share,
            msg("requirements.what.commuting_share", name=partner.government.name),
        )
    blocking = [f for f in check.findings if f.blocking]
    if blocking:
        raise RuleViolation(violations=[Violation(f.field, f.rule, f.message) for f in blocking])
    return check.findings


def _single_centre(check: _Checker, area_type: str, gov: LocalGovernment) -> None:
    field = "centres[0].code"
    if area_type == "metropolitan":
        if not (gov.designated_city or gov.core_city):
            check.fail(
                "metropolitan.centre_designated_or_core",
                field,
                msg("requirements.centre_designated_or_core", name=gov.name),
            )
        return
    floor = check.rules.threshold("settlement.centre_population_floor")
    population = gov.population
    if population is None:
        check.fail(
            "settlement.centre_population_floor", field, msg("requirements.no_population", name=gov.name)
        )
    elif population <= floor:
        check.fail(
            "settlement.centre_population_floor",
            field,
            msg(
                "requirements.population_floor",
                name=gov.name,
                population=population,
                year=gov.population_year,
                floor=floor,
            ),
        )
    else:
        check.at_least(
            "settlement.centre_population_guideline",
            field,
            population,
            msg("requirements.what.population_in", name=gov.name, year=gov.population_year),
            people=True,
        )


def _two_centres(check: _Checker, area_type: str, govs: list[LocalGovernment], adjacent: bool | None) -> None:
    prefix = area_type
    if adjacent is not True:
        check.fail(
            f"{prefix}.two_centres_adjacent",
            "centres_adjacent",
            msg("requirements.two_centres_adjacent"),
        )
    populations = [g.population for g in govs]
    if any(p is None for p in populations):
        missing = next(g.name for g in govs if g.population is None)
        check.fail(
            f"{prefix}.two_centres_total_population",
            "centres",
            msg("requirements.no_population", name=missing),
        )
        return
    known = [p for p in populations if p is not None]
    if area_type == "metropolitan":
        for i, gov in enumerate(govs):
            check.at_least(
                "metropolitan.two_centres_each_population",
                f"centres[{i}].code",
                gov.population,
                msg("requirements.what.population_of", name=gov.name),
                people=True,
            )
        check.at_least(
            "metropolitan.two_centres_total_population",
            "centres",
            sum(known),
            msg("requirements.what.combined_population"),
            people=True,
        )
        return
    total_floor = check.rules.threshold("settlement.two_centres_total_population")
    if sum(known) <= total_floor:
        check.fail(
            "settlement.two_centres_total_population",
            "centres",
            msg("requirements.two_centres_total_floor", total=sum(known), floor=total_floor),
        )
    check.at_least(
        "settlement.two_centres_larger_population",
        "centres",
        max(known),
        msg("requirements.what.larger_centre_population"),
        people=True,
    )
