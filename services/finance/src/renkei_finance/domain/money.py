"""Integer-yen arithmetic with the rounding named: rates are decimal strings, results floored to the yen."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal


def times_rate_floor(amount_yen: int, rate: str) -> int:
    """amount × rate, rounded down to the yen (切り捨て): a grant never exceeds its own arithmetic."""
    return int((Decimal(amount_yen) * Decimal(rate)).to_integral_value(rounding=ROUND_FLOOR))


def yen(amount: int) -> str:
    """21400000 → '21,400,000', as the arithmetic in words shows amounts."""
    return f"{amount:,}"
