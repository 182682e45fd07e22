"""Parses an e-Stat style `code,population` CSV row by row, reporting every bad row at once."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Container, Iterator
from dataclasses import dataclass
from typing import Any

from renkei_common.refdata import InvalidLocalGovernmentCode, validate_code

from renkei_agreements.domain.codes import code_rule, describe
from renkei_agreements.domain.errors import RuleViolation, Violation

MAX_ROWS = 5000
MAX_POPULATION = 50_000_000  # above any Japanese local government; catches shifted columns
# Header names accepted for each column, as e-Stat and prefectural exports spell them.
COLUMN_ALIASES = {
    "code": ("code", "団体コード", "地域コード", "全国地方公共団体コード"),
    "population": ("population", "人口", "総人口", "人口総数"),
}


@dataclass(frozen=True)
class PopulationRow:
    index: int  # 0-based among data rows: the `rows[i]` of error fields
    line: int  # 1-based line of the file, for people reading the message
    code: str
    population: int


def parse_population_csv(text: str, *, known_codes: Container[str]) -> list[PopulationRow]:
    """Every row, or a RuleViolation listing each bad row (`rows[12].population`, with its rule)."""
    lines = _numbered(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    first = next(lines, None)
    if first is None:
        raise RuleViolation(
            "body", "no_rows", "the file is empty; send a header `code,population` and rows", location=None
        )
    columns = _columns(first[1])
    rows: list[PopulationRow] = []
    violations: list[Violation] = []
    first_line: dict[str, int] = {}
    index = -1
    for line, values in lines:
        if not any(v.strip() for v in values):
            continue  # blank lines carry nothing
        index += 1
        if index >= MAX_ROWS:
            raise RuleViolation("body", "too_many_rows", f"at most {MAX_ROWS} rows per import", location=None)
        raw_code = values[columns["code"]] if len(values) > columns["code"] else ""
        raw_population = values[columns["population"]] if len(values) > columns["population"] else ""
        code = _code(raw_code, index, line, known_codes, first_line, violations)
        population = _population(raw_population, index, line, violations)
        if code is not None and population is not None:
            rows.append(PopulationRow(index, line, code, population))
    if index < 0:
        violations.append(Violation("body", "no_rows", "the file has a header but no rows"))
    if violations:
        raise RuleViolation(violations=violations, location=None)
    return rows


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows with the file line they end on; a syntax error (e.g. a NUL byte) is a violation, not a 500."""
    try:
        for values in reader:
            yield reader.line_num, values
    except csv.Error as exc:
        raise RuleViolation("body", "csv_syntax", f"line {reader.line_num}: {exc}", location=None) from None


def _columns(header: list[str]) -> dict[str, int]:
    names = [unicodedata.normalize("NFKC", h).strip().lower() for h in header]
    found: dict[str, int] = {}
    for column, aliases in COLUMN_ALIASES.items():
        positions = [i for i, name in enumerate(names) if name in aliases]
        if not positions:
            raise RuleViolation(
                "body", "header", f"the header has no `{column}` column; found {header!a}", location=None
            )
        found[column] = positions[0]
    return found


def _code(
    raw: str,
    index: int,
    line: int,
    known: Container[str],
    first_line: dict[str, int],
    violations: list[Violation],
) -> str | None:
    field = f"rows[{index}].code"
    try:
        code = validate_code(raw)
    except InvalidLocalGovernmentCode as exc:
        violations.append(Violation(field, code_rule(exc), f"line {line}: {describe(exc)}"))
        return None
    if code not in known:
        violations.append(
            Violation(field, "unknown_local_government", f"line {line}: no local government {code}")
        )
        return None
    if code in first_line:
        violations.append(
            Violation(field, "duplicate_code", f"line {line}: {code} already on line {first_line[code]}")
        )
        return None
    first_line[code] = line
    return code


def _population(raw: str, index: int, line: int, violations: list[Violation]) -> int | None:
    field = f"rows[{index}].population"
    # Full-width digits and thousands separators are common in exports from Japanese spreadsheets.
    text = unicodedata.normalize("NFKC", raw).strip().replace(",", "")
    if not text:
        violations.append(Violation(field, "required", f"line {line}: the population is empty"))
        return None
    if not (text.isascii() and text.isdigit()):
        violations.append(
            Violation(
                field,
                "non_negative_integer",
                f"line {line}: population {raw!a} is not a whole number of people",
            )
        )
        return None
    value = int(text)
    if value > MAX_POPULATION:
        violations.append(
            Violation(field, "at_most", f"line {line}: population {value} exceeds {MAX_POPULATION}")
        )
        return None
    return value
