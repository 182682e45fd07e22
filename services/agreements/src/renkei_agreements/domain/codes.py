"""団体コード checks that name the rule a bad code breaks (format, prefecture range, check digit)."""

from __future__ import annotations

from renkei_common.domain_errors import RuleViolation
from renkei_common.i18n import msg
from renkei_common.refdata import InvalidLocalGovernmentCode, validate_code


def code_rule(error: InvalidLocalGovernmentCode) -> str:
    """The stable rule name of why validate_code refused a code (e.g. `six_digits`, `check_digit`).

    It is the reference data's own code, never derived from the message, so rewording a message cannot
    change what the API reports.
    """
    return error.rule.value


def describe(error: InvalidLocalGovernmentCode) -> str:
    """The error in ASCII: raw input is echoed escaped, so no client ever misreads the response's charset."""
    return msg("agreements.invalid_code", code=ascii(error.code), reason=error.reason)


def checked_code(code: str, field: str) -> str:
    """The normalised code, or a RuleViolation on `field` naming the broken rule (e.g. check_digit)."""
    try:
        return validate_code(code)
    except InvalidLocalGovernmentCode as exc:
        raise RuleViolation(field, code_rule(exc), describe(exc)) from None
