"""Parses an e-Stat style `code,population` CSV row by row, reporting every bad row at once.

Errors name the file's 1-based line, as an editor or a spreadsheet shows it: a bad cell is the field
`line[3].population` of the request body (the API shows `body.line[3].population`), and a fault of the whole
file (no header, no rows, too many rows) is the field `body`. The message repeats the line for people.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Container, Iterator
from dataclasses import dataclass
from typing import Any

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg
from renkei_common.refdata import InvalidLocalGovernmentCode, fold_full_width_digits, validate_code

from renkei_agreements.domain.codes import code_rule, describe

MAX_ROWS = 5000
MAX_POPULATION = 50_000_000  # above any Japanese local government; catches shifted columns
# Where the fields of an import's errors live: the uploaded file is the request body.
LOCATION = "body"
# Header names accepted for each column, as e-Stat and prefectural exports spell them.
COLUMN_ALIASES = {
    "code": ("code", "団体コード", "地域コード", "全国地方公共団体コード"),
    "population": ("population", "人口", "総人口", "人口総数"),
}


def line_field(line: int, column: str | None = None) -> str:
    """The error field of a line of the file, or of one of its cells: `line[3]`, `line[3].code`."""
    return f"line[{line}]" + (f".{column}" if column else "")


@dataclass(frozen=True)
class PopulationRow:
    index: int  # 0-based among data rows
    line: int  # 1-based line of the file: errors name it (see line_field)
    code: str
    population: int

    def field(self, column: str) -> str:
        """The error field of one of this row's cells, e.g. `line[3].population`."""
        return line_field(self.line, column)


def parse_population_csv(text: str, *, known_codes: Container[str]) -> list[PopulationRow]:
    """Every row, or a RuleViolation listing each bad cell (`line[12].population`, with its rule)."""
    lines = _numbered(csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True))
    first = next(lines, None)
    if first is None:
        raise _refused("body", "no_rows", msg("agreements.import.empty"))
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
            raise _refused("body", "too_many_rows", msg("agreements.import.too_many_rows", max_rows=MAX_ROWS))
        cells = {name: _cell(values, at) for name, at in columns.items()}
        code = _code(cells["code"], line, known_codes, first_line, violations)
        population = _population(cells["population"], line, len(values), violations)
        if code is not None and population is not None:
            rows.append(PopulationRow(index, line, code, population))
    if index < 0:
        violations.append(Violation("body", "no_rows", msg("agreements.import.no_rows")))
    if violations:
        raise RuleViolation(violations=violations, location=LOCATION)
    return rows


def _refused(field: str, rule: str, message: str, line: int | None = None) -> RuleViolation:
    return RuleViolation(violations=[Violation(field, rule, message, line)], location=LOCATION)


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Rows with the file line they start on (a quoted cell may span lines); a syntax error is a violation."""
    line = 1
    try:
        for values in reader:
            yield line, values
            line = reader.line_num + 1
    except csv.Error as exc:
        message = msg("agreements.import.csv_syntax", line=line, error=str(exc))
        raise _refused(line_field(line), "csv_syntax", message, line) from None


def _cell(values: list[str], at: int) -> str | None:
    """The cell at column `at`, or None when the row is too short to have it."""
    return values[at] if at < len(values) else None


def _columns(header: list[str]) -> dict[str, int]:
    names = [unicodedata.normalize("NFKC", h).strip().lower() for h in header]
    found: dict[str, int] = {}
    for column, aliases in COLUMN_ALIASES.items():
        positions = [i for i, name in enumerate(names) if name in aliases]
        if not positions:
            raise _refused("body", "header", msg("agreements.import.header", column=column, header=header))
        found[column] = positions[0]
    return found


def _code(
    raw: str | None,
    line: int,
    known: Container[str],
    first_line: dict[str, int],
    violations: list[Violation],
) -> str | None:
    field = line_field(line, "code")
    if raw is None or not raw.strip():
        violations.append(
            Violation(field, "required", msg("agreements.import.code_empty", line=line), line=line)
        )
        return None
    try:
        code = validate_code(raw)
    except InvalidLocalGovernmentCode as exc:
        message = msg("agreements.import.line_problem", line=line, problem=describe(exc))
        violations.append(Violation(field, code_rule(exc), message, line=line))
        return None
    if code not in known:
        violations.append(
            Violation(
                field,
                "unknown_local_government",
                msg("agreements.import.unknown_local_government", line=line, code=code),
                line=line,
            )
        )
        return None
    if code in first_line:
        violations.append(
            Violation(
                field,
                "duplicate_code",
                msg("agreements.import.duplicate_code", line=line, code=code, first_line=first_line[code]),
                line=line,
            )
        )
        return None
    first_line[code] = line
    return code


def _population(raw: str | None, line: int, width: int, violations: list[Violation]) -> int | None:
    field = line_field(line, "population")
    if raw is None:
        violations.append(
            Violation(
                field,
                "required",
                msg("agreements.import.population_column_missing", line=line, width=width),
                line=line,
            )
        )
        return None
    # Full-width digits and thousands separators (, or ，) are common in exports from Japanese spreadsheets;
    # nothing else is folded, so ①②③ or superscripts are not mistaken for digits.
    text = fold_full_width_digits(raw).strip().replace(",", "").replace("，", "")
    if not text:
        message = msg("agreements.import.population_empty", line=line)
        violations.append(Violation(field, "required", message, line=line))
        return None
    if not (text.isascii() and text.isdigit()):
        violations.append(
            Violation(
                field,
                "non_negative_integer",
                msg("agreements.import.population_not_integer", line=line, raw=raw),
                line=line,
            )
        )
        return None
    value = int(text)
    if value > MAX_POPULATION:
        violations.append(
            Violation(
                field,
                "at_most",
                msg("agreements.import.population_at_most", line=line, value=value, limit=MAX_POPULATION),
                line=line,
            )
        )
        return None
    return value
