"""The rule book of area declarations: thresholds and blocking as configuration with provenance, not code.

The rules ship as `requirement_rules.json` beside this module; a deployment points
RENKEI_REQUIREMENT_RULES_FILE at its own copy to change a threshold or whether a rule blocks. Every row names
its public source and how firmly it rests on it (docs/domain.md §3). A file that is malformed, misses a rule
the checks use, or names one they do not know is refused when it is loaded, so a typo never passes silently.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg

from renkei_agreements.domain.codes import checked_code
from renkei_agreements.domain.vocabulary import AreaType, Confidence

CONFIDENCES = tuple(c.value for c in Confidence)

RULES_FILE_ENV = "RENKEI_REQUIREMENT_RULES_FILE"
DEFAULT_RULES_FILE = Path(__file__).with_name("requirement_rules.json")

# The rules check_declaration applies, and whether each compares a figure with a threshold.
THRESHOLD_RULES = frozenset(
    {
        "metropolitan.day_night_ratio",
        "metropolitan.two_centres_each_population",
        "metropolitan.two_centres_total_population",
        "metropolitan.partner_commuting_share",
        "settlement.centre_population_guideline",
        "settlement.centre_population_floor",
        "settlement.day_night_ratio",
        "settlement.two_centres_total_population",
        "settlement.two_centres_larger_population",
        "settlement.partner_commuting_share",
    }
)
KNOWN_RULES = THRESHOLD_RULES | {
    "metropolitan.centre_is_city",
    "metropolitan.centre_designated_or_core",
    "metropolitan.outside_three_metropolitan",
    "metropolitan.two_centres_adjacent",
    "settlement.centre_is_city",
    "settlement.outside_three_metropolitan",
    "settlement.two_centres_adjacent",
}
_FIELDS = ("id", "area_type", "description", "threshold", "blocking", "overridable", "source", "confidence")


@dataclass(frozen=True)
class RequirementRule:
    """One requirement of a declaration: its threshold, its source, and whether breaking it blocks (422).

    A rule that does not block becomes a warning stored with the declaration. A blocking rule that is
    `overridable` admits an approved exception for one area (RuleOverride); the others admit none.
    """

    id: str
    area_type: AreaType  # metropolitan or settlement: the area types with centre requirements
    description: str
    source: str
    confidence: Confidence
    threshold: Decimal | None = None
    blocking: bool = False
    overridable: bool = False


@dataclass(frozen=True)
class RuleOverride:
    """An approved exception to a blocking rule for one area, kept with the declaration for audit.

    The 定住自立圏構想推進要綱 states its figures as principles (原則) and admits exceptions that MIC
    approves case by case; this records one. The area is named by the 団体コード of its centre, since the
    override is approved before the declaration creates the area, and a government declares at most one
    area of each type at a time.
    """

    rule: str  # e.g. "settlement.centre_population_floor"
    centre_code: str
    reason: str  # the exception, in words, e.g. the 要綱's provision it rests on
    approved_by: str  # who approved it: office and person
    approved_on: date

    @property
    def area_type(self) -> str:
        return self.rule.split(".", 1)[0]


class RuleBookError(ValueError):
    """A rule book file that cannot be used; the message lists every problem with its row."""


class RuleBook:
    """The rules in force, keyed by id; `origin` says where they were loaded from."""

    def __init__(self, rules: Iterable[RequirementRule], *, origin: str = "") -> None:
        self._rules = {rule.id: rule for rule in rules}
        self.origin = origin

    def __getitem__(self, rule_id: str) -> RequirementRule:
        return self._rules[rule_id]

    def __iter__(self) -> Iterator[RequirementRule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, rule_id: str) -> RequirementRule | None:
        return self._rules.get(rule_id)

    def threshold(self, rule_id: str) -> Decimal:
        value = self._rules[rule_id].threshold
        if value is None:
            raise KeyError(f"rule {rule_id} has no threshold")
        return value


def check_override(override: RuleOverride, rules: RuleBook) -> RuleOverride:
    """The override with its centre code normalised, or a RuleViolation naming every bad field.

    Only a rule that blocks and is marked overridable in the rule book admits an override: the others either
    warn anyway or, like "the centre is a 市", admit no exception.
    """
    violations: list[Violation] = []
    rule = rules.get(override.rule)
    if rule is None:
        violations.append(
            Violation("rule", "known_rule", msg("agreements.known_rule", override_rule=override.rule))
        )
    elif not (rule.blocking and rule.overridable):
        violations.append(Violation("rule", "overridable", msg("agreements.overridable", rule_id=rule.id)))
    code = override.centre_code
    try:
        code = checked_code(override.centre_code, "centre_code")
    except RuleViolation as exc:
        violations += exc.violations
    for field in ("reason", "approved_by"):
        if not getattr(override, field).strip():
            violations.append(
                Violation(field, "required", msg("agreements.required_2", value=field.replace("_", " ")))
            )
    if violations:
        raise RuleViolation(violations=violations)
    return replace(override, centre_code=code)


def parse_rule_book(data: Any, *, origin: str) -> RuleBook:
    """A RuleBook from the parsed JSON of a rule book file, or RuleBookError listing every problem."""
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise RuleBookError(f"{origin}: expected an object with a list `rules`")
    problems: list[str] = []
    rules: list[RequirementRule] = []
    for i, row in enumerate(data["rules"]):
        where = f"rules[{i}]" + (f" ({row.get('id')})" if isinstance(row, Mapping) and row.get("id") else "")
        found = _row_problems(row)
        if found:
            problems += [f"{where}: {p}" for p in found]
        else:
            rules.append(_rule(row))
    ids = [rule.id for rule in rules]
    problems += [f"rule {rule_id} is given twice" for rule_id in sorted({i for i in ids if ids.count(i) > 1})]
    if not problems:
        problems += [f"rule {rule_id} is missing" for rule_id in sorted(KNOWN_RULES - set(ids))]
    if problems:
        raise RuleBookError(f"{origin}: " + "; ".join(problems))
    return RuleBook(rules, origin=origin)


def _row_problems(row: Any) -> list[str]:
    if not isinstance(row, Mapping):
        return ["a rule is an object"]
    problems = [f"unknown key `{key}`" for key in row if key not in _FIELDS]
    problems += [f"`{key}` is missing" for key in _FIELDS if key not in row]
    if problems:
        return problems
    rule_id, threshold = row["id"], row["threshold"]
    if rule_id not in KNOWN_RULES:
        problems.append(f"no check uses a rule `{rule_id}`")
    elif row["area_type"] != rule_id.split(".", 1)[0]:
        problems.append(f"area_type must be {rule_id.split('.', 1)[0]}")
    for key in ("description", "source"):
        if not isinstance(row[key], str) or not row[key].strip():
            problems.append(f"`{key}` must be a non-empty string")
    for key in ("blocking", "overridable"):
        if not isinstance(row[key], bool):
            problems.append(f"`{key}` must be true or false")
    if row["confidence"] not in CONFIDENCES:
        problems.append(f"`confidence` must be one of {', '.join(CONFIDENCES)}")
    if rule_id in THRESHOLD_RULES:
        if not isinstance(threshold, str) or _decimal(threshold) is None:
            problems.append('`threshold` must be a finite, non-negative decimal string, e.g. "40000"')
    elif threshold is not None:
        problems.append("`threshold` must be null: this rule compares no figure")
    return problems


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value >= 0 else None


def _rule(row: Mapping[str, Any]) -> RequirementRule:
    return RequirementRule(
        id=row["id"],
        area_type=AreaType(row["area_type"]),
        description=row["description"],
        source=row["source"],
        confidence=Confidence(row["confidence"]),
        threshold=Decimal(row["threshold"]) if row["threshold"] is not None else None,
        blocking=row["blocking"],
        overridable=row["overridable"],
    )


def load_rule_book(path: Path | str | None = None) -> RuleBook:
    """The rule book in `path` (UTF-8 JSON), or the one shipped with the service."""
    file = Path(path) if path else DEFAULT_RULES_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleBookError(f"{file}: {exc}") from None
    return parse_rule_book(data, origin=str(file))


def configured_rule_book(environ: Mapping[str, str] = os.environ) -> RuleBook:
    """The rule book that RENKEI_REQUIREMENT_RULES_FILE names, or the shipped one when it is unset."""
    return load_rule_book(environ.get(RULES_FILE_ENV) or None)


# Loaded once at start: a broken file stops the service from starting rather than half-applying.
RULES = configured_rule_book()
