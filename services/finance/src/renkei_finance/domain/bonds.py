"""Bond repayment schedules (地域活性化事業債) in integer yen: level payment (元利均等) or equal principal.

Rounding, named: interest of a year is rounded down to the yen; a level payment is rounded down to the
yen; whatever principal is left after the rounded instalments is repaid with the last one, so the principal
repaid always equals the bond to the yen.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum


class Method(StrEnum):
    LEVEL_PAYMENT = "level_payment"  # 元利均等
    EQUAL_PRINCIPAL = "equal_principal"  # 元金均等


@dataclass(frozen=True)
class Instalment:
    year: int  # 1 = the first year after issue
    principal_yen: int
    interest_yen: int
    balance_after_yen: int

    @property
    def debt_service_yen(self) -> int:
        return self.principal_yen + self.interest_yen


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def schedule(
    principal_yen: int, *, term_years: int, grace_years: int, interest_rate: str, method: Method | str
) -> list[Instalment]:
    """Yearly instalments over `term_years` (the grace years included, in which only interest is paid)."""
    if principal_yen < 0 or term_years < 1 or not 0 <= grace_years < term_years:
        raise ValueError("need principal >= 0, term >= 1 and 0 <= grace < term")
    rate = Decimal(interest_rate)
    method = Method(method)
    repaying = term_years - grace_years
    balance = principal_yen
    level = 0
    if method is Method.LEVEL_PAYMENT:
        if rate == 0:
            level = principal_yen // repaying
        else:
            factor = (1 + rate) ** repaying
            level = _floor(Decimal(principal_yen) * rate * factor / (factor - 1))
    rows: list[Instalment] = []
    for year in range(1, term_years + 1):
        interest = _floor(Decimal(balance) * rate)
        if year <= grace_years:
            principal = 0
        elif year == term_years:
            principal = balance  # the last instalment settles what rounding left
        elif method is Method.LEVEL_PAYMENT:
            principal = min(balance, max(level - interest, 0))
        else:
            principal = principal_yen // repaying
        balance -= principal
        rows.append(Instalment(year, principal, interest, balance))
    return rows


@functools.lru_cache(maxsize=8192)
def cached_schedule(
    principal_yen: int, *, term_years: int, grace_years: int, interest_rate: str, method: Method | str
) -> tuple[Instalment, ...]:
    """`schedule`, remembered: a recompute asks for the same bond's schedule once per FY it covers."""
    return tuple(
        schedule(
            principal_yen,
            term_years=term_years,
            grace_years=grace_years,
            interest_rate=interest_rate,
            method=method,
        )
    )
