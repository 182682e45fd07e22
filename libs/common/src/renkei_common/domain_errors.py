"""Domain errors every service shares: a broken rule (422), or a request the current state refuses (409)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class DomainError(Exception):
    """Base of the errors the domain raises; the API turns each into a problem+json response."""


@dataclass(frozen=True)
class Violation:
    """One broken rule: `field` is the request path of the bad input (e.g. "members[2].code")."""

    field: str
    rule: str
    message: str
    line: int | None = None  # the 1-based line of an uploaded file (CSV), when the input is one of its cells


class RuleViolation(DomainError):
    """Input that breaks one or more rules; every violation is reported, not only the first.

    `location` says where the fields live in the request ("body", "query", "path"), or None when the
    field names are already complete (the rows of an uploaded CSV file).
    """

    def __init__(
        self,
        field: str | None = None,
        rule: str = "",
        message: str = "",
        *,
        violations: list[Violation] | None = None,
        location: str | None = "body",
    ) -> None:
        self.location = location
        self.violations = list(violations or [])
        if field is not None:
            self.violations.insert(0, Violation(field, rule, message))
        super().__init__("; ".join(f"{v.field}: {v.message}" for v in self.violations))


class StateConflict(DomainError):
    """A well-formed request that the resource's current state does not allow, e.g. a step out of order."""

    def __init__(self, message: str, *, rule: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.details = details
