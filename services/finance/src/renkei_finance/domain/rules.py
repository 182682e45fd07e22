"""Rule tables by fiscal year: every row names its measure, FYs, parameters, public source and confidence.

The shipped default file (`rules_default.json`) covers every measure; `national` may add or override rows
through the API (stored, audited and versioned by the service layer). A `RuleBook` answers "which row
governs measure M in FY Y", and refuses two rows that both claim the same FY.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from importlib import resources
from typing import Any

from renkei_common.i18n import msg


class Confidence(StrEnum):
    SEED = "seed"  # from the project's seed knowledge, not yet checked against the public text
    PUBLIC = "public"  # checked against the public source named in the row
    UNCONFIRMED = "unconfirmed"  # a placeholder: lines that use it are flagged


class Measure(StrEnum):
    METROPOLITAN_CORE_ORDINARY = "metropolitan_core_ordinary"  # 普通交付税 (estimate), 連携中枢都市
    METROPOLITAN_CORE_SPECIAL = "metropolitan_core_special"  # 特別交付税 包括的財政措置, 連携中枢都市
    METROPOLITAN_PARTNER_SPECIAL = "metropolitan_partner_special"  # 特別交付税, 連携市町村
    SETTLEMENT_CENTRE_SPECIAL = "settlement_centre_special"  # 特別交付税, 定住自立圏 中心市
    SETTLEMENT_NEIGHBOUR_SPECIAL = "settlement_neighbour_special"  # 特別交付税, 定住自立圏 近隣市町村
    OUTSIDE_EXPERTS = "outside_experts"  # 特別交付税, 外部人材 (連携中枢都市圏)
    SPECIALISTS = "specialists"  # 特別交付税, 専門人材の派遣 (from FY2024)
    BOND_INCLUSION = "bond_inclusion"  # 地域活性化事業債: 30% of debt service counted into 普通交付税


# Parameters each measure needs; a row without them is refused when the book is built.
REQUIRED_PARAMS: dict[Measure, tuple[str, ...]] = {
    Measure.METROPOLITAN_CORE_ORDINARY: ("yen_per_resident",),
    Measure.METROPOLITAN_CORE_SPECIAL: ("cap_yen", "rate"),
    Measure.METROPOLITAN_PARTNER_SPECIAL: ("cap_yen", "rate"),
    Measure.SETTLEMENT_CENTRE_SPECIAL: ("cap_yen", "rate"),
    Measure.SETTLEMENT_NEIGHBOUR_SPECIAL: ("cap_yen", "rate"),
    Measure.OUTSIDE_EXPERTS: ("cap_yen", "max_years"),
    Measure.SPECIALISTS: ("rate",),
    Measure.BOND_INCLUSION: (
        "bond_ratio",
        "inclusion_ratio",
        "term_years",
        "grace_years",
        "interest_rate",
        "method",
    ),
}


DECIMAL_PARAMS = frozenset({"rate", "bond_ratio", "inclusion_ratio", "interest_rate", "yen_per_resident"})
INTEGER_PARAMS = frozenset({"cap_yen", "max_years", "term_years", "grace_years"})
METHODS = frozenset({"level_payment", "equal_principal"})


def _param_problem(name: str, value: Any) -> str | None:
    """Why a parameter cannot be used, or None; rates are decimal strings so that no float creeps in."""
    if name in DECIMAL_PARAMS:
        try:
            number = Decimal(value) if isinstance(value, str) else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0:
            return msg("finance.param_decimal")
    elif name in INTEGER_PARAMS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return msg("finance.param_integer")
    elif name == "method" and value not in METHODS:
        return msg("finance.param_method", methods=sorted(METHODS))
    return None


class RuleError(ValueError):
    """A rule row or a set of rows that cannot be used; `field` and `rule` name what is wrong."""

    def __init__(self, field: str, rule: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.rule = rule
        self.message = message  # keyed: str(self) would lose the key


@dataclass(frozen=True)
class RuleRow:
    rule_id: str
    measure: Measure
    fy_from: int
    fy_to: int | None
    params: Mapping[str, Any]
    source: str
    confidence: Confidence
    note: str = ""
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "measure", Measure(self.measure))
        object.__setattr__(self, "confidence", Confidence(self.confidence))
        if self.fy_to is not None and self.fy_to < self.fy_from:
            raise RuleError(
                "fy_to", "fy_range", msg("finance.rule_fy_range", rule_id=self.rule_id, fy_to=self.fy_to)
            )
        missing = [p for p in REQUIRED_PARAMS[self.measure] if p not in self.params]
        if missing:
            raise RuleError(
                "params",
                "required_params",
                msg("finance.rule_required_params", rule_id=self.rule_id, params=missing),
            )
        for name, value in self.params.items():
            problem = _param_problem(name, value)
            if problem:
                raise RuleError(
                    "params",
                    "param_type",
                    msg("finance.rule_param_type", rule_id=self.rule_id, name=name, problem=problem),
                )
        if not self.source.strip():
            raise RuleError(
                "source", "source_required", msg("finance.rule_source_required", rule_id=self.rule_id)
            )

    def covers(self, fiscal_year: int) -> bool:
        return self.fy_from <= fiscal_year and (self.fy_to is None or fiscal_year <= self.fy_to)

    @property
    def unconfirmed(self) -> bool:
        return self.confidence is Confidence.UNCONFIRMED

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "measure": self.measure.value,
            "fy_from": self.fy_from,
            "fy_to": self.fy_to,
            "params": dict(self.params),
            "source": self.source,
            "confidence": self.confidence.value,
            "note": self.note,
        }


class RuleBook:
    """The rows in force, at most one per measure and FY."""

    def __init__(self, rows: Iterable[RuleRow]) -> None:
        self.rows: tuple[RuleRow, ...] = tuple(sorted(rows, key=lambda r: (r.measure, r.fy_from, r.rule_id)))
        by_measure: dict[Measure, list[RuleRow]] = {}
        for row in self.rows:
            for other in by_measure.get(row.measure, []):
                if row.fy_from <= (other.fy_to if other.fy_to is not None else 10**6) and (
                    row.fy_to is None or other.fy_from <= row.fy_to
                ):
                    raise RuleError(
                        "fy_from",
                        "overlapping_rows",
                        msg(
                            "finance.rule_overlapping_rows",
                            rule_id=row.rule_id,
                            other_rule_id=other.rule_id,
                            measure=row.measure,
                        ),
                    )
            by_measure.setdefault(row.measure, []).append(row)
        self._by_measure = by_measure

    def find(self, measure: Measure, fiscal_year: int) -> RuleRow | None:
        """The row governing `measure` in `fiscal_year`, or None where the measure does not exist."""
        return next((r for r in self._by_measure.get(measure, []) if r.covers(fiscal_year)), None)

    def overlaid(self, overrides: Iterable[RuleRow]) -> RuleBook:
        """This book with `overrides` replacing rows of the same id and adding new ones."""
        by_id = {r.rule_id: r for r in self.rows}
        for row in overrides:
            by_id[row.rule_id] = row
        return RuleBook(by_id.values())


def row_from_dict(data: Mapping[str, Any]) -> RuleRow:
    return RuleRow(
        rule_id=data["rule_id"],
        measure=Measure(data["measure"]),
        fy_from=int(data["fy_from"]),
        fy_to=None if data.get("fy_to") is None else int(data["fy_to"]),
        params=dict(data["params"]),
        source=data["source"],
        confidence=Confidence(data["confidence"]),
        note=data.get("note", ""),
    )


@functools.cache
def default_rules() -> RuleBook:
    """The shipped default file (read once: a RuleBook is immutable)."""
    text = resources.files(__package__).joinpath("rules_default.json").read_text(encoding="utf-8")
    return RuleBook(row_from_dict(row) for row in json.loads(text)["rows"])
