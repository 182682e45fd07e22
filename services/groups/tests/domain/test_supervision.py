"""Annual reports per the profile's cycle: due after each fiscal year, overdue the day after."""

from __future__ import annotations

from datetime import date

from renkei_groups.domain.supervision import fiscal_year_of, overdue_reports, report_due_on, reports_due


def test_fiscal_years_run_april_to_march() -> None:
    assert fiscal_year_of(date(2025, 3, 31)) == 2024 and fiscal_year_of(date(2025, 4, 1)) == 2025


def test_a_report_is_overdue_only_after_its_due_day() -> None:
    assert report_due_on(2025, 90) == date(2026, 6, 29)
    designated = date(2025, 6, 1)
    assert reports_due(designated, date(2026, 6, 28), 90) == []
    assert overdue_reports(designated, date(2026, 6, 29), 90, set()) == []
    assert overdue_reports(designated, date(2026, 6, 30), 90, set()) == [(2025, date(2026, 6, 29))]
    assert overdue_reports(designated, date(2027, 7, 1), 90, {2025}) == [(2026, date(2027, 6, 29))]
