"""Parsing an e-Stat style population CSV: every bad row is reported with its line, field and rule."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.population_import import (
    MAX_POPULATION,
    MAX_ROWS,
    PopulationRow,
    parse_population_csv,
)
from renkei_common.domain_errors import RuleViolation
from renkei_common.refdata import check_digit

KNOWN = {"062014", "062103", "060003"}


def refusal(text: str, known: set[str] = KNOWN) -> list[tuple[str, str]]:
    with pytest.raises(RuleViolation) as refused:
        parse_population_csv(text, known_codes=known)
    assert refused.value.location == "body"
    return [(v.field, v.rule) for v in refused.value.violations]


def test_a_good_file_parses_with_bom_aliases_fullwidth_digits_and_separators() -> None:
    text = '\ufeff団体コード,人口\r\n０６２０１４,"245,000"\r\n\r\n062103,"６１，０００"\r\n'
    rows = parse_population_csv(text, known_codes=KNOWN)
    assert [(r.index, r.line, r.code, r.population) for r in rows] == [
        (0, 2, "062014", 245000),
        (1, 4, "062103", 61000),
    ]
    assert rows[1].field("population") == "line[4].population"


def test_a_file_of_exactly_one_row() -> None:
    assert parse_population_csv("code,population\n062014,1\n", known_codes=KNOWN) == [
        PopulationRow(0, 2, "062014", 1)
    ]


def test_the_columns_may_come_in_any_order_among_others() -> None:
    text = "name,人口総数,全国地方公共団体コード\n山形市,247747,062014\n"
    assert parse_population_csv(text, known_codes=KNOWN) == [PopulationRow(0, 2, "062014", 247747)]


def test_every_bad_row_is_reported_at_once_by_its_line() -> None:
    text = "code,population\n062014,1000\n062015,12\n999999,5\n062103,-4\n062014,7\n060003,\n"
    with pytest.raises(RuleViolation) as refused:
        parse_population_csv(text, known_codes=KNOWN)
    assert [(v.field, v.rule) for v in refused.value.violations] == [
        ("line[3].code", "check_digit"),
        ("line[4].code", "prefecture_range"),
        ("line[5].population", "non_negative_integer"),
        ("line[6].code", "duplicate_code"),
        ("line[7].population", "required"),
    ]
    messages = [v.message for v in refused.value.violations]
    assert messages[0].startswith("line 3: ") and messages[3] == "line 6: 062014 already on line 2"


@pytest.mark.parametrize(("code", "rule"), [("06201", "six_digits"), ("0620140", "six_digits")])
def test_a_wrong_length_code_names_six_digits(code: str, rule: str) -> None:
    assert refusal(f"code,population\n{code},1\n") == [("line[2].code", rule)]


@pytest.mark.parametrize("population", ["①②③", "¹²³", "１²３"])
def test_only_full_width_digits_are_folded_in_populations(population: str) -> None:
    assert refusal(f"code,population\n062014,{population}\n") == [
        ("line[2].population", "non_negative_integer")
    ]


def test_circled_digits_in_a_code_are_refused() -> None:
    assert refusal("code,population\n⓪⑥２０１４,1\n") == [("line[2].code", "digits_only")]


def test_the_population_limit_is_inclusive() -> None:
    rows = parse_population_csv(f"code,population\n062014,{MAX_POPULATION}\n", known_codes=KNOWN)
    assert rows[0].population == 50_000_000
    assert refusal(f"code,population\n062014,{MAX_POPULATION + 1}\n") == [("line[2].population", "at_most")]


def test_zero_people_is_a_population() -> None:
    assert parse_population_csv("code,population\n062014,0\n", known_codes=KNOWN)[0].population == 0


def _codes(count: int) -> list[str]:
    five = [
        f"{prefecture:02d}{municipality:03d}" for prefecture in range(1, 48) for municipality in range(200)
    ]
    return [f + str(check_digit(f)) for f in five[:count]]


def test_the_row_limit_is_inclusive_and_blank_lines_do_not_count() -> None:
    codes = _codes(MAX_ROWS + 1)
    assert MAX_ROWS == 5000
    full = "code,population\n" + "".join(f"{c},1\n\n" for c in codes[:MAX_ROWS])
    assert len(parse_population_csv(full, known_codes=set(codes))) == 5000
    over = "code,population\n" + "".join(f"{c},1\n" for c in codes)
    assert refusal(over, set(codes)) == [("body", "too_many_rows")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("code,population\n062014\n", [("line[2].population", "required")]),
        ("population,code\n5\n", [("line[2].code", "required")]),
        ("code,population\n,5\n", [("line[2].code", "required")]),
    ],
)
def test_a_short_row_names_the_missing_cell(text: str, expected: list[tuple[str, str]]) -> None:
    assert refusal(text) == expected


def test_a_row_is_named_by_the_line_it_starts_on() -> None:
    text = 'code,population\n062014,"1\n2"\n062103,x\n'  # a quoted cell spanning lines 2 and 3
    assert refusal(text) == [
        ("line[2].population", "non_negative_integer"),
        ("line[4].population", "non_negative_integer"),
    ]


def test_a_short_row_says_how_many_columns_it_has() -> None:
    with pytest.raises(RuleViolation) as refused:
        parse_population_csv("code,population\n062014\n", known_codes=KNOWN)
    assert refused.value.violations[0].message == "line 2: the row has 1 column(s), none for the population"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('code,population\n062014,"245\n062103,1\n', "line[2]"),  # an unclosed quote runs to the end
        ('code,population\n062014,"245"0\n', "line[2]"),  # text after a closing quote
        ('code,population\n062014,"' + "1" * 200_000 + '"\n', "line[2]"),  # a cell beyond the csv limit
    ],
)
def test_a_csv_syntax_error_names_its_line(text: str, field: str) -> None:
    assert refusal(text) == [(field, "csv_syntax")]


@pytest.mark.parametrize(
    ("text", "rule"),
    [("", "no_rows"), ("code,population\n", "no_rows"), ("code,population\n\n\n", "no_rows")],
)
def test_files_without_rows_are_refused(text: str, rule: str) -> None:
    assert refusal(text) == [("body", rule)]


@pytest.mark.parametrize("header", ["name,population", "code,name", "団体名,人口"])
def test_a_header_without_both_columns_is_refused(header: str) -> None:
    assert refusal(f"{header}\nx,1\n") == [("body", "header")]


def test_unknown_codes_are_refused() -> None:
    assert refusal("code,population\n011002,1\n") == [("line[2].code", "unknown_local_government")]


def test_a_csv_syntax_error_in_the_header_names_line_1() -> None:
    assert refusal('"code"x,population\n062014,1\n') == [("line[1]", "csv_syntax")]
