"""Date periods (both ends inclusive), Japanese fiscal years (April–March) and calendar months."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from renkei_common.domain_errors import RuleViolation
from renkei_common.i18n import msg

FY_START_MONTH = 4  # 年度 runs from 1 April to 31 March


@dataclass(frozen=True, slots=True)
class Period:
    """From `start` to `end`, both days included."""

    start: date
    end: date

    @classmethod
    def checked(cls, start: date, end: date, *, field: str = "end") -> Period:
        if end < start:
            raise RuleViolation(
                field, "end_not_before_start", msg("staffing.end_not_before_start", end=end, start=start)
            )
        return cls(start, end)

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def covers(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def intersection(self, other: Period) -> Period | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Period(start, end) if start <= end else None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def fiscal_year_of(day: date) -> int:
    """年度 of a day: 2025-03-31 is in FY2024, 2025-04-01 in FY2025."""
    return day.year if day.month >= FY_START_MONTH else day.year - 1


def fiscal_year_period(fiscal_year: int) -> Period:
    return Period(date(fiscal_year, 4, 1), date(fiscal_year + 1, 3, 31))


def month_period(year: int, month: int) -> Period:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return Period(first, following - timedelta(days=1))


def calendar_month_of(fiscal_year: int, month: int) -> tuple[int, int]:
    """The calendar (year, month) of `month` in `fiscal_year`: month 1–3 belong to the next calendar year."""
    return (fiscal_year + 1 if month < FY_START_MONTH else fiscal_year), month


def months_of(period: Period) -> Iterator[tuple[int, int]]:
    """Every calendar (year, month) the period touches, in order."""
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
