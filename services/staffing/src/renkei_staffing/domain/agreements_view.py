"""The staffing service's view of a 連携協約, projected from the agreements service's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from renkei_staffing.domain.periods import Period

RENKEI_KYOYAKU = "renkei_kyoyaku"


@dataclass(frozen=True, slots=True)
class AgreementView:
    """`terminated_on` is the day the termination takes effect: the agreement covers the days before it."""

    id: str
    kind: str
    party_codes: frozenset[str]
    in_force_on: date
    terminated_on: date | None = None

    @property
    def last_day_in_force(self) -> date | None:
        return None if self.terminated_on is None else self.terminated_on - timedelta(days=1)

    def in_force_over(self, period: Period) -> bool:
        last = self.last_day_in_force
        return self.in_force_on <= period.start and (last is None or period.end <= last)

    def in_force_on_any_day_of(self, period: Period) -> bool:
        last = self.last_day_in_force
        return self.in_force_on <= period.end and (last is None or period.start <= last)

    def binds(self, *codes: str) -> bool:
        return all(code in self.party_codes for code in codes)
