"""Japanese fiscal years (年度): April 1 to March 31, named by the calendar year in which they start."""

from __future__ import annotations

from datetime import date


def fiscal_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def fy_start(fiscal_year: int) -> date:
    return date(fiscal_year, 4, 1)


def fy_end(fiscal_year: int) -> date:
    return date(fiscal_year + 1, 3, 31)


def overlaps(fiscal_year: int, since: date | None, until: date | None) -> bool:
    """Does the period [since, until] (either end open when None) share a day with the fiscal year?"""
    if since is not None and since > fy_end(fiscal_year):
        return False
    return until is None or until >= fy_start(fiscal_year)
