"""Requirement checks of a declaration (DOMAIN §3): warnings with provenance, 422 only for absolute rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from renkei_agreements.domain.errors import RuleViolation
from renkei_agreements.domain.requirements import Centre, Partner, check_declaration
from renkei_agreements.domain.rules import RULES
from renkei_common.refdata import load_registry

REGISTRY = load_registry()
ONE = Decimal("1.05")


def centre(code: str, ratio: Decimal | None = ONE) -> Centre:
    return Centre(REGISTRY.get(code), ratio)


def partner(code: str, share: str | None = "0.2") -> Partner:
    return Partner(REGISTRY.get(code), Decimal(share) if share else None)


def rules_of(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule for f in findings]


def test_a_core_city_outside_the_metropolitan_areas_meets_every_requirement() -> None:
    assert check_declaration("metropolitan", [centre("062014")], [partner("062103"), partner("063011")]) == []


def test_shortfalls_are_warnings_that_say_where_the_rule_comes_from() -> None:
    findings = check_declaration(
        "metropolitan", [centre("062022", Decimal("0.97"))], [partner("062103", "0.05")]
    )
    assert rules_of(findings) == [
        "metropolitan.day_night_ratio",
        "metropolitan.centre_designated_or_core",
        "metropolitan.partner_commuting_share",
    ]
    assert {f.field for f in findings} == {
        "centres[0].day_night_ratio",
        "centres[0].code",
        "members[0].commuting_share",
    }
    assert all(f.confidence == "seed" and "DOMAIN" in f.source and not f.blocking for f in findings)


def test_missing_inputs_are_findings_too() -> None:
    findings = check_declaration("metropolitan", [centre("062014", None)], [partner("062103", None)])
    assert rules_of(findings) == ["metropolitan.day_night_ratio", "metropolitan.partner_commuting_share"]
    assert "not supplied" in findings[0].message


def test_a_centre_inside_the_three_metropolitan_areas_is_warned() -> None:
    assert rules_of(check_declaration("metropolitan", [centre("212016")], [])) == [
        "metropolitan.outside_three_metropolitan"
    ]


@pytest.mark.parametrize(("area_type", "code"), [("metropolitan", "063011"), ("settlement", "044245")])
def test_only_a_city_can_be_the_centre(area_type: str, code: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        check_declaration(area_type, [centre(code)], [])
    assert refused.value.violations[0].field == "centres[0].code"
    assert refused.value.violations[0].rule == f"{area_type}.centre_is_city"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("062103", []),  # 天童市, 62,166
        ("062111", ["settlement.centre_population_guideline"]),  # 東根市, 47,725: about 50,000 not met
        ("062065", ["settlement.centre_population_guideline"]),  # 寒河江市, 40,208: just above the floor
        ("062073", ["settlement.centre_population_floor"]),  # 上山市, 29,139: not above 40,000
    ],
)
def test_settlement_population_thresholds_warn(code: str, expected: list[str]) -> None:
    assert rules_of(check_declaration("settlement", [centre(code)], [])) == expected


def test_two_centres_are_checked_as_a_pair() -> None:
    pair = [centre("062031"), centre("062049")]  # 鶴岡市 122,454 and 酒田市 100,320
    assert rules_of(check_declaration("metropolitan", pair, [], centres_adjacent=True)) == []
    assert rules_of(check_declaration("metropolitan", pair, [])) == ["metropolitan.two_centres_adjacent"]
    small = [centre("062031"), centre("062022")]  # 米沢市 81,326
    assert rules_of(check_declaration("metropolitan", small, [], centres_adjacent=True)) == [
        "metropolitan.two_centres_each_population"
    ]


def test_findings_on_unconfirmed_rules_say_so() -> None:
    findings = check_declaration(
        "settlement", [centre("062073"), centre("062081")], [], centres_adjacent=True
    )
    assert {f.rule: f.confidence for f in findings} == {
        "settlement.two_centres_larger_population": "unconfirmed"
    }


def test_wide_area_cooperation_has_no_centre_requirements() -> None:
    assert check_declaration("wide_area", [centre("060003")], []) == []


def test_thresholds_and_blocking_are_configuration() -> None:
    strict = RULES.with_override("settlement.centre_population_floor", blocking=True)
    with pytest.raises(RuleViolation):
        check_declaration("settlement", [centre("062073")], [], rules=strict)
    lower = RULES.with_override("settlement.centre_population_guideline", threshold=Decimal("45000"))
    assert check_declaration("settlement", [centre("062111")], [], rules=lower) == []
