"""Effects of designation: support, coordination requests, leases of public property, no-bid contracts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from renkei_common.domain_errors import RuleViolation, StateConflict, Violation
from renkei_common.i18n import msg

from renkei_groups.domain.kinds import CoordinationStatus, SupportKind


@dataclass(frozen=True)
class Period:
    """Both ends inclusive."""

    start: date
    end: date

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


def check_period(period: Period, field: str = "period") -> None:
    if period.end < period.start:
        raise RuleViolation(f"{field}.end", "end_not_before_start", msg("groups.end_not_before_start"))


def check_support(kind: SupportKind, amount_yen: int | None) -> None:
    """A grant has a positive amount in yen; information provided has none."""
    if kind is SupportKind.grant and (amount_yen is None or amount_yen < 1):
        raise RuleViolation("amount_yen", "grant_amount_positive", msg("groups.grant_amount_positive"))
    if kind is SupportKind.information and amount_yen is not None:
        raise RuleViolation(
            "amount_yen", "information_has_no_amount", msg("groups.information_has_no_amount")
        )


@dataclass(frozen=True)
class Lease:
    """行政財産の貸付け (art. 238-4 para. 2 as extended by art. 260-49): `part` None is the whole asset."""

    asset_id: str
    part: str | None
    period: Period
    rent_yen: int


def normalise_part(part: str | None) -> str | None:
    cleaned = " ".join(part.split()) if part else ""
    return cleaned or None


def ensure_no_overlap(new: Lease, existing: Iterable[tuple[str, Lease]]) -> None:
    """Never two leases of the same part of an asset at the same time; the whole asset covers every part."""
    check_period(new.period)
    if new.rent_yen < 0:
        raise RuleViolation("rent_yen", "rent_not_negative", msg("groups.rent_not_negative"))
    part = normalise_part(new.part)
    for lease_id, other in existing:
        other_part = normalise_part(other.part)
        same_part = part is None or other_part is None or part == other_part
        if other.asset_id == new.asset_id and same_part and new.period.overlaps(other.period):
            raise StateConflict(
                msg(
                    "groups.lease_overlap",
                    lease_id=lease_id,
                    value=other_part or "the whole asset",
                    other_asset_id=other.asset_id,
                    other_period_start=other.period.start,
                    other_period_end=other.period.end,
                ),
                rule="lease_overlap",
                conflicting_lease_id=lease_id,
            )


COORDINATION_NEXT: dict[CoordinationStatus, frozenset[CoordinationStatus]] = {
    CoordinationStatus.received: frozenset({CoordinationStatus.in_coordination, CoordinationStatus.answered}),
    CoordinationStatus.in_coordination: frozenset({CoordinationStatus.answered}),
    CoordinationStatus.answered: frozenset(),
}


def advance_coordination(
    current: CoordinationStatus, target: CoordinationStatus, *, answer: str | None, answered_on: date | None
) -> None:
    if target not in COORDINATION_NEXT[current]:
        raise StateConflict(
            msg("groups.coordination_status_order", current_value=current.value, target_value=target.value),
            rule="coordination_status_order",
        )
    if target is CoordinationStatus.answered:
        v = []
        if not (answer and answer.strip()):
            v.append(Violation("answer", "answer_given", msg("groups.answer_given")))
        if answered_on is None:
            v.append(Violation("answered_on", "answer_dated", msg("groups.answer_dated")))
        if v:
            raise RuleViolation(violations=v)


def coordination_due_on(received_on: date, answer_days: int) -> date:
    return received_on + timedelta(days=answer_days)


def coordination_overdue(
    status: CoordinationStatus, received_on: date, answer_days: int, today: date
) -> bool:
    """Unanswered past the profile's answer period (the due day itself is not yet overdue)."""
    return status is not CoordinationStatus.answered and today > coordination_due_on(received_on, answer_days)


def check_contract(amount_yen: int, period: Period) -> None:
    """随意契約による委託: a positive amount in integer yen over a real period."""
    if amount_yen < 1:
        raise RuleViolation("amount_yen", "amount_positive", msg("groups.amount_positive"))
    check_period(period)
