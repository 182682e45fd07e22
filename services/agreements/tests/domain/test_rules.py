"""The rule book: shipped with a public source per row, replaceable by a deployment, checked as loaded."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from renkei_agreements.domain.requirements import Centre, check_declaration
from renkei_agreements.domain.rules import (
    DEFAULT_RULES_FILE,
    KNOWN_RULES,
    RULES,
    RULES_FILE_ENV,
    RuleBookError,
    RuleOverride,
    check_override,
    configured_rule_book,
    load_rule_book,
    parse_rule_book,
)
from renkei_common.domain_errors import RuleViolation
from renkei_common.refdata import load_registry

FLOOR = "settlement.centre_population_floor"
REGISTRY = load_registry()


def shipped() -> dict[str, Any]:
    return json.loads(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))


def with_row(rule_id: str, **changes: Any) -> dict[str, Any]:
    data = shipped()
    for row in data["rules"]:
        if row["id"] == rule_id:
            row.update(changes)
    return data


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shipped_rule_book_has_every_rule_with_a_public_source() -> None:
    assert {rule.id for rule in RULES} == KNOWN_RULES and len(RULES) == 17
    assert RULES.origin == str(DEFAULT_RULES_FILE)
    for rule in RULES:
        assert rule.area_type == rule.id.split(".")[0]
        assert rule.confidence in ("seed", "public", "unconfirmed")
        assert "DOMAIN" not in rule.source and "shared" not in rule.source
        assert "要綱" in rule.source, rule.id
    assert {rule.confidence for rule in RULES} == {"seed", "public", "unconfirmed"}


def test_the_settlement_floor_blocks_by_default_and_admits_an_override() -> None:
    floor = RULES[FLOOR]
    assert (floor.threshold, floor.blocking, floor.overridable, floor.confidence) == (
        Decimal(40000),
        True,
        True,
        "public",
    )
    assert "定住自立圏構想推進要綱" in floor.source and "少なくとも4万人超" in floor.description


def test_only_the_centre_is_city_rules_and_the_floor_block() -> None:
    assert sorted(rule.id for rule in RULES if rule.blocking) == [
        "metropolitan.centre_is_city",
        "settlement.centre_is_city",
        FLOOR,
    ]
    assert [rule.id for rule in RULES if rule.overridable] == [FLOOR]


def test_a_deployment_changes_thresholds_and_blocking_with_its_own_file(tmp_path: Path) -> None:
    data = with_row(FLOOR, blocking=False)
    for row in data["rules"]:
        if row["id"] == "settlement.centre_population_guideline":
            row["threshold"] = "45000"
    book = configured_rule_book({RULES_FILE_ENV: str(write(tmp_path, data))})
    assert book.origin == str(tmp_path / "rules.json")
    kaminoyama = Centre(REGISTRY.get("062073"), Decimal("1.1"))  # 29,139: a warning now, not a refusal
    assert [(f.rule, f.blocking) for f in check_declaration("settlement", [kaminoyama], [], rules=book)] == [
        (FLOOR, False)
    ]
    higashine = Centre(REGISTRY.get("062111"), Decimal("1.1"))  # 47,725 meets the lowered guideline
    assert check_declaration("settlement", [higashine], [], rules=book) == []
    assert check_declaration("settlement", [higashine], []) != []


def test_without_the_setting_the_shipped_file_is_used() -> None:
    assert configured_rule_book({}).origin == str(DEFAULT_RULES_FILE)
    assert configured_rule_book({RULES_FILE_ENV: ""}).origin == str(DEFAULT_RULES_FILE)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (with_row(FLOOR, blockng=True), f"rules[10] ({FLOOR}): unknown key `blockng`"),
        ({"rules": [r for r in shipped()["rules"] if r["id"] != FLOOR]}, f"rule {FLOOR} is missing"),
        (
            {"rules": [*shipped()["rules"], shipped()["rules"][0]]},
            "rule metropolitan.centre_is_city is given twice",
        ),
        (with_row(FLOOR, id="settlement.floor"), "no check uses a rule `settlement.floor`"),
        (with_row(FLOOR, area_type="metropolitan"), "area_type must be settlement"),
        (with_row(FLOOR, blocking="yes"), "`blocking` must be true or false"),
        (with_row(FLOOR, overridable=1), "`overridable` must be true or false"),
        (with_row(FLOOR, threshold=40000), "`threshold` must be a finite, non-negative decimal string"),
        (with_row(FLOOR, threshold="4万"), "`threshold` must be a finite, non-negative decimal string"),
        (with_row(FLOOR, threshold="-1"), "`threshold` must be a finite, non-negative decimal string"),
        (with_row(FLOOR, threshold="NaN"), "`threshold` must be a finite, non-negative decimal string"),
        (with_row(FLOOR, threshold=None), "`threshold` must be a finite, non-negative decimal string"),
        (with_row("settlement.centre_is_city", threshold="1"), "`threshold` must be null"),
        (with_row(FLOOR, source=" "), "`source` must be a non-empty string"),
        (with_row(FLOOR, description=None), "`description` must be a non-empty string"),
        (with_row(FLOOR, confidence="high"), "`confidence` must be one of seed, public, unconfirmed"),
        ({"rules": [*shipped()["rules"], "x"]}, "rules[17]: a rule is an object"),
        ({"rules": {}}, "expected an object with a list `rules`"),
        ([], "expected an object with a list `rules`"),
    ],
)
def test_a_bad_rule_book_is_refused_naming_the_problem(data: Any, problem: str) -> None:
    with pytest.raises(RuleBookError) as refusal:
        parse_rule_book(data, origin="rules.json")
    assert problem in str(refusal.value)
    assert str(refusal.value).startswith("rules.json: ")


def test_a_missing_key_is_named() -> None:
    data = shipped()
    del data["rules"][0]["source"]
    with pytest.raises(
        RuleBookError, match=r"rules\[0\] \(metropolitan.centre_is_city\): `source` is missing"
    ):
        parse_rule_book(data, origin="x")


def test_every_problem_is_listed_at_once() -> None:
    data = with_row(FLOOR, blocking="no", confidence="?")
    with pytest.raises(RuleBookError) as refusal:
        parse_rule_book(data, origin="x")
    assert str(refusal.value).count(FLOOR) == 2


@pytest.mark.parametrize("content", ["{", "", "\ufffe"])
def test_a_file_that_is_not_json_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "rules.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleBookError, match=str(path)):
        load_rule_book(path)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleBookError, match="No such file"):
        load_rule_book(tmp_path / "absent.json")


def test_a_rule_without_a_threshold_has_none_to_give() -> None:
    with pytest.raises(KeyError):
        RULES.threshold("settlement.centre_is_city")
    assert RULES.threshold(FLOOR) == Decimal(40000)
    assert RULES.get("nope") is None


def override(**changes: Any) -> RuleOverride:
    values: dict[str, Any] = dict(
        rule=FLOOR,
        centre_code="０６２１０３",
        reason="合併市の特例",
        approved_by="総務省 地域自立応援課",
        approved_on=date(2025, 4, 1),
    )
    return RuleOverride(**{**values, **changes})


def test_a_good_override_is_accepted_with_its_code_normalised() -> None:
    checked = check_override(override(), RULES)
    assert checked.centre_code == "062103" and checked.area_type == "settlement"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"rule": "settlement.nope"}, [("rule", "known_rule")]),
        ({"rule": "settlement.centre_is_city"}, [("rule", "overridable")]),  # blocks, admits no exception
        ({"rule": "settlement.centre_population_guideline"}, [("rule", "overridable")]),  # only warns
        ({"centre_code": "062104"}, [("centre_code", "check_digit")]),
        ({"reason": "  "}, [("reason", "required")]),
        ({"approved_by": ""}, [("approved_by", "required")]),
        (
            {"rule": "x", "centre_code": "06210", "reason": "", "approved_by": ""},
            [
                ("rule", "known_rule"),
                ("centre_code", "six_digits"),
                ("reason", "required"),
                ("approved_by", "required"),
            ],
        ),
    ],
)
def test_a_bad_override_names_each_field_and_rule(
    changes: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(RuleViolation) as refusal:
        check_override(override(**changes), RULES)
    assert [(v.field, v.rule) for v in refusal.value.violations] == expected


def test_an_override_is_honoured_only_while_the_rule_book_lets_it_block(tmp_path: Path) -> None:
    book = load_rule_book(write(tmp_path, with_row(FLOOR, overridable=False)))
    with pytest.raises(RuleViolation) as refusal:
        check_override(override(), book)
    assert refusal.value.violations[0].rule == "overridable"
    centre = Centre(REGISTRY.get("062073"), Decimal("1.1"))
    with pytest.raises(RuleViolation):
        check_declaration("settlement", [centre], [], rules=book, overrides=[override(centre_code="062073")])


def test_every_row_of_the_file_becomes_the_rule_it_describes() -> None:
    book = load_rule_book(DEFAULT_RULES_FILE)
    rows = shipped()["rules"]
    assert [rule.id for rule in book] == [row["id"] for row in rows]
    for rule, row in zip(book, rows, strict=True):
        assert (rule.area_type, rule.description, rule.source, rule.confidence) == (
            row["area_type"],
            row["description"],
            row["source"],
            row["confidence"],
        )
        assert (rule.blocking, rule.overridable) == (row["blocking"], row["overridable"])
        assert rule.threshold == (Decimal(row["threshold"]) if row["threshold"] is not None else None)


def test_a_threshold_of_zero_is_a_threshold(tmp_path: Path) -> None:
    book = load_rule_book(write(tmp_path, with_row("settlement.partner_commuting_share", threshold="0")))
    assert book.threshold("settlement.partner_commuting_share") == Decimal(0)


def test_problems_of_several_rows_are_all_listed() -> None:
    data = with_row(FLOOR, blocking="no")
    data["rules"][0]["confidence"] = "?"
    with pytest.raises(RuleBookError) as refusal:
        parse_rule_book(data, origin="x")
    assert "metropolitan.centre_is_city" in str(refusal.value) and FLOOR in str(refusal.value)
