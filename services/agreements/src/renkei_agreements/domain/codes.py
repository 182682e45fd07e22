"""団体コード checks that name the rule a bad code breaks (format, prefecture range, check digit)."""

from __future__ import annotations

from renkei_common.refdata import InvalidLocalGovernmentCode, validate_code

from renkei_agreements.domain.errors import RuleViolation


def code_rule(error: InvalidLocalGovernmentCode) -> str:
    """A stable rule name for why validate_code refused a code."""
    reason = error.reason
    if "check digit" in reason and "wrong" in reason:
        return "check_digit"
    if "prefecture" in reason:
        return "prefecture_range"
    if "digits 0-9" in reason:
        return "digits_only"
    return "six_digits"


def describe(error: InvalidLocalGovernmentCode) -> str:
    """The error in ASCII: raw input is echoed escaped, so no client ever misreads the response's charset."""
    return f"invalid local-government code {error.code!a}: {error.reason}"


def checked_code(code: str, field: str) -> str:
    """The normalised code, or a RuleViolation on `field` naming the broken rule (e.g. check_digit)."""
    try:
        return validate_code(code)
    except InvalidLocalGovernmentCode as exc:
        raise RuleViolation(field, code_rule(exc), describe(exc)) from None
