"""Supervision (監督): annual reports per the profile's cycle, overdue ones, requests and orders."""

from __future__ import annotations

from datetime import date, timedelta


def fiscal_year_of(day: date) -> int:
    """年度: April to March, named by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def report_due_on(fiscal_year: int, due_days: int) -> date:
    """The annual report of a fiscal year is due `due_days` after it ends on 31 March."""
    return date(fiscal_year + 1, 3, 31) + timedelta(days=due_days)


def reports_due(designated_on: date, today: date, due_days: int) -> list[tuple[int, date]]:
    """Each fiscal year since designation whose report is due by `today`, with its due date."""
    due = []
    fy = fiscal_year_of(designated_on)
    while (on := report_due_on(fy, due_days)) <= today:
        due.append((fy, on))
        fy += 1
    return due


def overdue_reports(
    designated_on: date, today: date, due_days: int, filed: set[int]
) -> list[tuple[int, date]]:
    """Reports past their due date and not filed; the due day itself is not yet overdue."""
    return [
        (fy, on) for fy, on in reports_due(designated_on, today, due_days) if fy not in filed and on < today
    ]
