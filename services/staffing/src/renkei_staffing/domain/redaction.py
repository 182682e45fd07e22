"""Who sees a specialist's personal data, and the pseudonymised record everyone else sees.

Personal data (氏名, licence numbers, contact) is visible to the employer, and to the receiving municipality
while a dispatch to it is under way; everyone else sees a stable pseudonym and no numbers or contact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from renkei_staffing.domain.periods import Period

REDACTED = "[非開示]"


def pseudonym(specialist_id: str) -> str:
    """A stable label that reveals nothing beyond the opaque id it is derived from."""
    return "専門人材-" + hashlib.sha256(specialist_id.encode()).hexdigest()[:8].upper()


def may_see_personal_data(
    org: str, *, employer_code: str, active_dispatches: Iterable[tuple[str, Period]], today: date
) -> bool:
    """The employer always; a receiving municipality only during a dispatch to it."""
    if org == employer_code:
        return True
    return any(receiving == org and period.contains(today) for receiving, period in active_dispatches)
