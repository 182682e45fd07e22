"""6-digit local-government codes (全国地方公共団体コード): check digit, validation, prefecture lookup."""

from __future__ import annotations

from enum import StrEnum

from renkei_common.i18n import msg

__all__ = [
    "PREFECTURE_CODES",
    "CodeRule",
    "InvalidLocalGovernmentCode",
    "check_digit",
    "fold_full_width_digits",
    "is_valid_code",
    "prefecture_code_of",
    "validate_code",
]

_ASCII_DIGITS = frozenset("0123456789")
# Only the full-width digits ０-９ (U+FF10–U+FF19) that Japanese input methods type: NFKC would also turn
# ①②③, superscripts and other compatibility characters into digits, accepting what nobody meant as a number.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WEIGHTS = (6, 5, 4, 3, 2)

# Two-digit prefecture numbers, 01 (北海道) to 47 (沖縄県).
PREFECTURE_CODES: tuple[str, ...] = tuple(f"{n:02d}" for n in range(1, 48))


class CodeRule(StrEnum):
    """Why a code was refused: stable names the APIs report as `rule`, whatever the message says."""

    STRING = "string"  # not a str at all (an int would have lost a leading zero)
    FIVE_DIGITS = "five_digits"  # the input of check_digit is not 5 ASCII digits
    SIX_DIGITS = "six_digits"  # not 6 characters long
    DIGITS_ONLY = "digits_only"  # 6 characters, but not all of them 0-9
    PREFECTURE_RANGE = "prefecture_range"  # the prefecture part is not 01–47
    CHECK_DIGIT = "check_digit"  # the sixth digit is not the check digit of the first five


class InvalidLocalGovernmentCode(ValueError):
    """A string that is not a well-formed local-government code; `rule` names the broken rule."""

    def __init__(self, code: object, reason: str, *, rule: CodeRule) -> None:
        self.message = msg("refdata.invalid_code", code=code, reason=reason)
        super().__init__(self.message)
        self.code = code
        self.reason = reason
        self.rule = rule


def fold_full_width_digits(text: str) -> str:
    """`text` with the full-width digits ０-９ made ASCII; every other character is left as it is."""
    return text.translate(_FULL_WIDTH_DIGITS)


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit() also accepts e.g. Arabic-Indic or superscript digits, which int() may not parse the same.
    return bool(text) and all(ch in _ASCII_DIGITS for ch in text)


def check_digit(five_digits: str) -> int:
    """Check digit of the first five digits: S = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5, (11 − S mod 11) mod 10."""
    if not isinstance(five_digits, str) or len(five_digits) != 5 or not _is_ascii_digits(five_digits):
        raise InvalidLocalGovernmentCode(
            five_digits, msg("refdata.check_digit_needs_five_digits"), rule=CodeRule.FIVE_DIGITS
        )
    total = sum(weight * int(digit) for weight, digit in zip(_WEIGHTS, five_digits, strict=True))
    return (11 - total % 11) % 10


def validate_code(code: str) -> str:
    """Return the normalised 6-digit code, or raise InvalidLocalGovernmentCode saying what is wrong."""
    if not isinstance(code, str):
        # An int would have lost the leading zero of prefectures 01–09, so refuse rather than guess.
        raise InvalidLocalGovernmentCode(
            code, msg("refdata.code_not_a_string", type=type(code).__name__), rule=CodeRule.STRING
        )
    # Codes typed in Japanese forms often use full-width digits (１３０００１).
    normalised = fold_full_width_digits(code).strip()
    if len(normalised) != 6:
        key = "refdata.five_digit_code" if len(normalised) == 5 else "refdata.not_six_digits"
        raise InvalidLocalGovernmentCode(code, msg(key, length=len(normalised)), rule=CodeRule.SIX_DIGITS)
    if not _is_ascii_digits(normalised):
        raise InvalidLocalGovernmentCode(code, msg("refdata.digits_only"), rule=CodeRule.DIGITS_ONLY)
    prefecture = normalised[:2]
    if prefecture not in PREFECTURE_CODES:
        raise InvalidLocalGovernmentCode(
            code, msg("refdata.prefecture_range", prefecture=prefecture), rule=CodeRule.PREFECTURE_RANGE
        )
    expected = check_digit(normalised[:5])
    actual = int(normalised[5])
    if actual != expected:
        raise InvalidLocalGovernmentCode(
            code, msg("refdata.check_digit", actual=actual, expected=expected), rule=CodeRule.CHECK_DIGIT
        )
    return normalised


def is_valid_code(code: object) -> bool:
    """True if validate_code would accept the code."""
    try:
        validate_code(code)  # type: ignore[arg-type]
    except InvalidLocalGovernmentCode:
        return False
    return True


def prefecture_code_of(code: str) -> str:
    """The 6-digit code of the prefecture a code belongs to (PP000c), e.g. "130001" for any Tokyo code."""
    prefecture = validate_code(code)[:2]
    return f"{prefecture}000{check_digit(prefecture + '000')}"
