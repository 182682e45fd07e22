"""Area membership over time: periods, roles, and the one-area-per-type rule."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg

from renkei_agreements.domain.vocabulary import AreaType, MemberRole

# A government belongs to at most one 連携中枢都市圏 and one 定住自立圏 at a time; other wide-area
# cooperation (joint administration, shared facilities) overlaps freely.
EXCLUSIVE_AREA_TYPES = frozenset({AreaType.METROPOLITAN, AreaType.SETTLEMENT})


def _join(field: str, name: str) -> str:
    return f"{field}.{name}" if field else name


@dataclass(frozen=True)
class Period:
    since: date
    until: date | None = None  # inclusive last day; None while the membership lasts

    def overlaps(self, other: Period) -> bool:
        ends_before_other = self.until is not None and self.until < other.since
        starts_after_other = other.until is not None and other.until < self.since
        return not (ends_before_other or starts_after_other)

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Membership:
    """A member row: a government in a role over a period, in an area of a given type."""

    code: str
    role: MemberRole
    period: Period
    area_id: str = ""
    area_type: AreaType | None = None  # of the area the row belongs to; None for a row not yet stored


def check_period(period: Period, field: str) -> None:
    if period.until is not None and period.until < period.since:
        raise RuleViolation(
            field,
            "until_not_before_since",
            msg("agreements.until_not_before_since", period_until=period.until, period_since=period.since),
        )


def check_new_members(
    new: Sequence[tuple[str, Membership]],
    existing: Iterable[Membership],
    *,
    area_id: str,
    area_type: AreaType,
) -> None:
    """Refuse overlaps: the same government twice at once in this area, or in two areas of the same type.

    `new` pairs each request field (e.g. "members[1]") with the membership it asks for; `existing` holds
    every current row of this area and of the other areas of the same type that name the same governments.
    """
    violations: list[Violation] = []
    seen: list[tuple[str, Membership]] = []
    existing = list(existing)
    for field, member in new:
        check_period(member.period, _join(field, "until"))
        clash_here = [
            m
            for m in existing
            if m.area_id == area_id and m.code == member.code and m.period.overlaps(member.period)
        ]
        clash_new = [f for f, m in seen if m.code == member.code and m.period.overlaps(member.period)]
        if clash_here or clash_new:
            violations.append(
                Violation(
                    _join(field, "code"),
                    "overlapping_membership",
                    msg("agreements.overlapping_membership", member_code=member.code),
                )
            )
        others = [
            m
            for m in existing
            if m.area_id != area_id
            and m.area_type == area_type
            and m.code == member.code
            and m.period.overlaps(member.period)
        ]
        if others and area_type in EXCLUSIVE_AREA_TYPES:
            violations.append(
                Violation(
                    _join(field, "code"),
                    "one_area_per_type",
                    msg(
                        "agreements.one_area_per_type",
                        member_code=member.code,
                        area_type=area_type,
                        value=others[0].area_id,
                        value2=others[0].period.since,
                    ),
                )
            )
        seen.append((field, member))
    if violations:
        raise RuleViolation(violations=violations)
