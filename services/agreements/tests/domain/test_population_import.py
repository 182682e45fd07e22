"""Parsing an e-Stat style population CSV: every bad row is reported with its field and rule."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.errors import RuleViolation
from renkei_agreements.domain.population_import import parse_population_csv

KNOWN = {"062014", "062103", "060003"}


def test_a_good_file_parses_with_bom_aliases_fullwidth_digits_and_separators() -> None:
    text = '\ufeff団体コード,人口\r\n０６２０１４,"245,000"\r\n\r\n062103,61000\r\n'
    rows = parse_population_csv(text, known_codes=KNOWN)
    assert [(r.index, r.line, r.code, r.population) for r in rows] == [
        (0, 2, "062014", 245000),
        (1, 4, "062103", 61000),
    ]


def test_every_bad_row_is_reported_at_once() -> None:
    text = "code,population\n062014,1000\n062015,12\n999999,5\n062103,-4\n062014,7\n060003,\n"
    with pytest.raises(RuleViolation) as refused:
        parse_population_csv(text, known_codes=KNOWN)
    assert refused.value.location is None
    assert [(v.field, v.rule) for v in refused.value.violations] == [
        ("rows[1].code", "check_digit"),
        ("rows[2].code", "prefecture_range"),
        ("rows[3].population", "non_negative_integer"),
        ("rows[4].code", "duplicate_code"),
        ("rows[5].population", "required"),
    ]
    assert "line 3" in refused.value.violations[0].message


@pytest.mark.parametrize(
    ("text", "rule"),
    [("", "no_rows"), ("code,population\n", "no_rows"), ("name,population\nx,1\n", "header")],
)
def test_files_without_rows_or_columns_are_refused(text: str, rule: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        parse_population_csv(text, known_codes=KNOWN)
    assert refused.value.violations[0].rule == rule


def test_unknown_codes_are_refused() -> None:
    with pytest.raises(RuleViolation) as refused:
        parse_population_csv("code,population\n011002,1\n", known_codes=KNOWN)
    assert refused.value.violations[0].rule == "unknown_local_government"
