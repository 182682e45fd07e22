"""Numbers as the catalogues write them: `40,000人`, `¥18,000,000` in Japanese, digit groups in English."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any


def as_number(value: Any) -> int | Decimal | Any:
    """`value` as a number when it is one, also when stored as text (JSON keeps Decimals as strings)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        return value
    if isinstance(value, int | Decimal):
        return value
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    return int(number) if number == number.to_integral_value() and "." not in str(value) else number


def grouped(value: Any) -> str:
    """Digit groups of three: 40000 -> "40,000"; text that is no number stays as it is."""
    number = as_number(value)
    if isinstance(number, int | Decimal):
        return f"{number:,}"
    return str(value)


def people(value: Any, language: str) -> str:
    """A head count: "40,000人" in Japanese, "40,000 inhabitants" in English."""
    return f"{grouped(value)}人" if language == "ja" else f"{grouped(value)} inhabitants"


def yen(value: Any, language: str) -> str:
    """An amount of money in integer yen: "¥18,000,000" in both languages (never a float)."""
    number = as_number(value)
    if isinstance(number, int | Decimal):
        sign = "-" if number < 0 else ""
        return f"{sign}¥{abs(number):,}"
    return str(value)
