"""Specialists (専門人材): licences with number and expiry, employer (団体コード), employment period."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from renkei_staffing.domain.periods import Period


@dataclass(frozen=True, slots=True)
class Licence:
    """A licence or qualification: `expires_on` None means it does not expire (e.g. 保健師免許)."""

    kind: str
    number: str
    valid_from: date | None = None
    expires_on: date | None = None

    def valid_over(self, period: Period) -> bool:
        starts_ok = self.valid_from is None or self.valid_from <= period.start
        return starts_ok and (self.expires_on is None or period.end <= self.expires_on)


@dataclass(frozen=True, slots=True)
class Specialist:
    """What the rules need of a specialist; personal data (name, contact) stays out of the domain rules."""

    id: str
    profession_code: str
    employer_code: str
    employment: Period
    licences: tuple[Licence, ...] = ()

    def employed_by_over(self, employer_code: str, period: Period) -> bool:
        return self.employer_code == employer_code and self.employment.covers(period)


def missing_licences(licences: Iterable[Licence], required: Sequence[str], period: Period) -> list[str]:
    """The required licence kinds with no licence valid over the whole period."""
    valid = {licence.kind for licence in licences if licence.valid_over(period)}
    return [kind for kind in required if kind not in valid]


def licence_margin_days(licences: Iterable[Licence], required: Sequence[str], period: Period) -> int | None:
    """Days the earliest-expiring required licence stays valid after the period; None if none expires."""
    expiries = [
        licence.expires_on
        for licence in licences
        if licence.kind in required and licence.expires_on is not None and licence.valid_over(period)
    ]
    return (min(expiries) - period.end).days if expiries else None


NEVER_VALID = date.min  # the window's end when a required licence is missing altogether


def licence_window(licences: Iterable[Licence], required: Sequence[str]) -> tuple[date | None, date | None]:
    """From when until when every required licence is held: (None, None) when nothing limits it.

    For each required kind the current licence counts (the one expiring last; a licence that does not
    expire is the last). The window lets the database pick candidates; a dispatch is still checked
    against every licence (`missing_licences`).
    """
    starts: list[date] = []
    ends: list[date] = []
    for kind in required:
        held = [licence for licence in licences if licence.kind == kind]
        if not held:
            return None, NEVER_VALID
        current = max(held, key=lambda licence: licence.expires_on or date.max)
        if current.valid_from is not None:
            starts.append(current.valid_from)
        if current.expires_on is not None:
            ends.append(current.expires_on)
    return (max(starts) if starts else None), (min(ends) if ends else None)
