"""Requirement checks of a declaration: warnings with provenance, 422 for blocking rules, each at its edge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from renkei_agreements.domain.requirements import Centre, Finding, Partner, check_declaration
from renkei_agreements.domain.rules import RULES, RuleBook, RuleOverride
from renkei_common.domain_errors import RuleViolation
from renkei_common.refdata import LocalGovernment, load_registry

REGISTRY = load_registry()
ONE = Decimal("1.05")
TENDO, HIGASHINE, SAGAE, KAMINOYAMA, MURAYAMA = "062103", "062111", "062065", "062073", "062081"
TSURUOKA, SAKATA, YONEZAWA, YAMAGATA = "062031", "062049", "062022", "062014"


def gov(code: str, population: int | None = None) -> LocalGovernment:
    """The registry's government, with another population when one is given."""
    government = REGISTRY.get(code)
    if population is None:
        return government
    return replace(government, population=population, population_year=2025)


def centre(code: str, ratio: Decimal | None = ONE, population: int | None = None) -> Centre:
    return Centre(gov(code, population), ratio)


def partner(code: str, share: str | None = "0.2", index: int | None = None) -> Partner:
    return Partner(REGISTRY.get(code), Decimal(share) if share else None, index)


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def refused(*args, **kwargs) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleViolation) as refusal:
        check_declaration(*args, **kwargs)
    return [(v.field, v.rule) for v in refusal.value.violations]


def override(rule: str = "settlement.centre_population_floor", code: str = TENDO) -> RuleOverride:
    return RuleOverride(
        rule, code, "合併市の特例として総務省が認めた", "総務省 地域自立応援課", date(2025, 4, 1)
    )


def test_a_core_city_outside_the_metropolitan_areas_meets_every_requirement() -> None:
    assert check_declaration("metropolitan", [centre(YAMAGATA)], [partner(TENDO), partner("063011")]) == []


def test_shortfalls_are_warnings_that_say_where_the_rule_comes_from() -> None:
    findings = check_declaration(
        "metropolitan", [centre(YONEZAWA, Decimal("0.97"))], [partner(TENDO, "0.05")]
    )
    assert rules_of(findings) == [
        "metropolitan.day_night_ratio",
        "metropolitan.centre_designated_or_core",
        "metropolitan.partner_commuting_share",
    ]
    assert [f.field for f in findings] == [
        "centres[0].day_night_ratio",
        "centres[0].code",
        "members[0].commuting_share",
    ]
    assert [f.confidence for f in findings] == ["public", "public", "seed"]
    assert all("連携中枢都市圏構想推進要綱" in f.source and not f.blocking for f in findings)
    assert findings[0].message == "the daytime/night-time ratio of 米沢市 is 0.97, below the guideline of 1"


def test_missing_inputs_are_findings_too() -> None:
    findings = check_declaration("metropolitan", [centre(YAMAGATA, None)], [partner(TENDO, None)])
    assert [(f.rule, f.field) for f in findings] == [
        ("metropolitan.day_night_ratio", "centres[0].day_night_ratio"),
        ("metropolitan.partner_commuting_share", "members[0].commuting_share"),
    ]
    assert findings[0].message == (
        "the daytime/night-time ratio of 山形市 was not supplied, so the rule (1) cannot be checked"
    )


def test_a_centre_inside_the_three_metropolitan_areas_is_warned() -> None:
    assert rules_of(check_declaration("metropolitan", [centre("212016")], [])) == [
        "metropolitan.outside_three_metropolitan"
    ]
    settlement = check_declaration("settlement", [centre("212016")], [])
    assert [(f.rule, f.field) for f in settlement] == [
        ("settlement.outside_three_metropolitan", "centres[0].code")
    ]


@pytest.mark.parametrize(("area_type", "code"), [("metropolitan", "063011"), ("settlement", "044245")])
def test_only_a_city_can_be_the_centre(area_type: str, code: str) -> None:
    assert refused(area_type, [centre(code, population=60_000)], []) == [
        ("centres[0].code", f"{area_type}.centre_is_city")
    ]


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (50_000, []),
        (49_999, ["settlement.centre_population_guideline"]),
        (40_001, ["settlement.centre_population_guideline"]),
    ],
)
def test_settlement_population_guideline_at_its_edge(population: int, expected: list[str]) -> None:
    findings = check_declaration("settlement", [centre(TENDO, population=population)], [])
    assert [(f.rule, f.field) for f in findings] == [(rule, "centres[0].code") for rule in expected]


@pytest.mark.parametrize("population", [40_000, 39_999, 0])
def test_a_centre_of_40000_or_fewer_is_refused(population: int) -> None:
    # 少なくとも4万人超: exactly 40,000 is not above the floor.
    assert refused("settlement", [centre(TENDO, population=population)], []) == [
        ("centres[0].code", "settlement.centre_population_floor")
    ]


def test_a_centre_without_a_population_figure_is_refused() -> None:
    no_figure = Centre(replace(REGISTRY.get(TENDO), population=None, population_year=None), ONE)
    with pytest.raises(RuleViolation) as refusal:
        check_declaration("settlement", [no_figure], [])
    [violation] = refusal.value.violations
    assert (violation.field, violation.rule) == ("centres[0].code", "settlement.centre_population_floor")
    assert violation.message == "天童市 has no population figure"


def test_real_cities_against_the_settlement_thresholds() -> None:
    assert rules_of(check_declaration("settlement", [centre(TENDO)], [])) == []  # 62,166
    assert rules_of(check_declaration("settlement", [centre(HIGASHINE)], [])) == [  # 47,725
        "settlement.centre_population_guideline"
    ]
    assert rules_of(check_declaration("settlement", [centre(SAGAE)], [])) == [  # 40,208
        "settlement.centre_population_guideline"
    ]
    assert refused("settlement", [centre(KAMINOYAMA)], []) == [  # 29,139
        ("centres[0].code", "settlement.centre_population_floor")
    ]


def test_an_approved_override_turns_the_floor_into_a_warning_that_names_it() -> None:
    approved = override(code=TENDO)
    [finding] = check_declaration("settlement", [centre(TENDO, population=38_000)], [], overrides=[approved])
    assert (finding.rule, finding.blocking, finding.override) == (
        "settlement.centre_population_floor",
        False,
        approved,
    )
    assert finding.message == "天童市 has 38,000 inhabitants (2025), not above 40,000"


@pytest.mark.parametrize(
    "other",
    [
        override(code=HIGASHINE),  # another centre's exception
        override(rule="metropolitan.centre_designated_or_core"),  # a rule of another area type
    ],
)
def test_an_override_admits_only_its_own_rule_for_its_own_centre(other: RuleOverride) -> None:
    assert refused("settlement", [centre(TENDO, population=38_000)], [], overrides=[other]) == [
        ("centres[0].code", "settlement.centre_population_floor")
    ]


def test_a_rule_that_admits_no_exception_cannot_be_overridden() -> None:
    town = override(rule="settlement.centre_is_city", code="063011")
    assert refused("settlement", [centre("063011", population=60_000)], [], overrides=[town]) == [
        ("centres[0].code", "settlement.centre_is_city")
    ]


def test_only_the_blocking_findings_are_in_the_refusal() -> None:
    assert refused(
        "settlement", [centre("063011", Decimal("0.5"), population=30_000)], [partner(TENDO, "0")]
    ) == [
        ("centres[0].code", "settlement.centre_is_city"),
        ("centres[0].code", "settlement.centre_population_floor"),
    ]


@pytest.mark.parametrize(
    ("area_type", "ratio", "flagged"),
    [
        ("metropolitan", "1", False),
        ("settlement", "1", False),
        ("metropolitan", "0.999", True),
        ("settlement", "0.999", True),
    ],
)
def test_the_day_night_ratio_at_its_edge(area_type: str, ratio: str, flagged: bool) -> None:
    findings = check_declaration(area_type, [centre(YAMAGATA, Decimal(ratio))], [])
    assert rules_of(findings) == ([f"{area_type}.day_night_ratio"] if flagged else [])


@pytest.mark.parametrize("area_type", ["metropolitan", "settlement"])
def test_the_commuting_share_at_its_edge(area_type: str) -> None:
    centres = [centre(YAMAGATA)]
    assert check_declaration(area_type, centres, [partner(TENDO, "0.10")]) == []
    findings = check_declaration(area_type, centres, [partner(TENDO, "0.0999", index=3)])
    assert [(f.rule, f.field) for f in findings] == [
        (f"{area_type}.partner_commuting_share", "members[3].commuting_share")
    ]


@pytest.mark.parametrize(
    ("populations", "expected"),
    [
        ((100_000, 100_000), []),
        (
            (100_000, 99_999),
            [
                ("metropolitan.two_centres_each_population", "centres[1].code"),
                ("metropolitan.two_centres_total_population", "centres"),
            ],
        ),
        ((99_999, 150_000), [("metropolitan.two_centres_each_population", "centres[0].code")]),
    ],
)
def test_metropolitan_two_centres_at_their_edges(
    populations: tuple[int, int], expected: list[tuple[str, str]]
) -> None:
    pair = [centre(TSURUOKA, population=populations[0]), centre(SAKATA, population=populations[1])]
    findings = check_declaration("metropolitan", pair, [], centres_adjacent=True)
    assert [(f.rule, f.field) for f in findings] == expected


def test_the_metropolitan_combined_population_is_checked_on_its_own() -> None:
    # With the default thresholds each city's 100,000 implies 200,000 together; a deployment may lower it.
    lower = RuleBook(
        [
            replace(r, threshold=Decimal(50_000)) if r.id == "metropolitan.two_centres_each_population" else r
            for r in RULES
        ]
    )
    pair = [centre(TSURUOKA, population=120_000), centre(SAKATA, population=79_999)]
    findings = check_declaration("metropolitan", pair, [], centres_adjacent=True, rules=lower)
    assert [(f.rule, f.message) for f in findings] == [
        (
            "metropolitan.two_centres_total_population",
            "the combined population of the two centres is 199999, below the guideline of 200000",
        )
    ]


def test_two_real_centres_are_checked_as_a_pair() -> None:
    pair = [centre(TSURUOKA), centre(SAKATA)]  # 122,454 and 100,320
    assert rules_of(check_declaration("metropolitan", pair, [], centres_adjacent=True)) == []
    assert rules_of(check_declaration("metropolitan", pair, [])) == ["metropolitan.two_centres_adjacent"]
    assert rules_of(check_declaration("metropolitan", pair, [], centres_adjacent=False)) == [
        "metropolitan.two_centres_adjacent"
    ]


@pytest.mark.parametrize(
    ("populations", "expected"),
    [
        ((30_000, 10_001), []),
        ((30_000, 10_000), ["settlement.two_centres_total_population"]),  # 40,000 together is not above it
        ((29_999, 10_002), ["settlement.two_centres_larger_population"]),
        ((10_002, 29_999), ["settlement.two_centres_larger_population"]),  # the larger one, wherever it is
        (
            (20_000, 20_000),
            ["settlement.two_centres_total_population", "settlement.two_centres_larger_population"],
        ),
    ],
)
def test_settlement_two_centres_at_their_edges(populations: tuple[int, int], expected: list[str]) -> None:
    pair = [centre(KAMINOYAMA, population=populations[0]), centre(MURAYAMA, population=populations[1])]
    findings = check_declaration("settlement", pair, [], centres_adjacent=True)
    assert rules_of(findings) == expected
    assert all(f.confidence == "unconfirmed" and f.field == "centres" for f in findings)


def test_settlement_two_centres_name_the_combined_figure() -> None:
    pair = [centre(KAMINOYAMA, population=30_000), centre(MURAYAMA, population=10_000)]
    [total] = check_declaration("settlement", pair, [], centres_adjacent=True)
    assert total.message == "the two centres have 40,000 inhabitants together, not above 40,000"


def test_settlement_two_centres_must_be_stated_adjacent() -> None:
    pair = [centre(SAGAE), centre(MURAYAMA)]  # 40,208 + 22,537
    assert rules_of(check_declaration("settlement", pair, [])) == ["settlement.two_centres_adjacent"]
    assert rules_of(check_declaration("settlement", pair, [], centres_adjacent=True)) == []


@pytest.mark.parametrize("area_type", ["metropolitan", "settlement"])
def test_a_centre_without_a_figure_is_named_for_the_pair(area_type: str) -> None:
    no_figure = Centre(replace(REGISTRY.get(SAKATA), population=None, population_year=None), ONE)
    findings = check_declaration(area_type, [centre(TSURUOKA), no_figure], [], centres_adjacent=True)
    assert [(f.rule, f.field, f.message) for f in findings] == [
        (f"{area_type}.two_centres_total_population", "centres", "酒田市 has no population figure")
    ]


def test_wide_area_cooperation_has_no_centre_requirements() -> None:
    assert check_declaration("wide_area", [centre("060003")], []) == []
