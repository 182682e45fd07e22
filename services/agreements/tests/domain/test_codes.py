"""A bad 団体コード is refused naming the rule it breaks, taken from the reference data's own code."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.codes import checked_code, code_rule, describe
from renkei_common.domain_errors import RuleViolation
from renkei_common.refdata import CodeRule, InvalidLocalGovernmentCode


@pytest.mark.parametrize(
    ("code", "rule"),
    [
        ("06201", "six_digits"),  # 5 digits: the message speaks of the prefecture part, the rule does not
        ("0620140", "six_digits"),
        ("", "six_digits"),
        ("06201x", "digits_only"),
        ("①⑥２０１４", "digits_only"),
        ("482014", "prefecture_range"),
        ("062015", "check_digit"),
    ],
)
def test_a_bad_code_names_its_rule_and_field(code: str, rule: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        checked_code(code, "members[2].code")
    [violation] = refused.value.violations
    assert (violation.field, violation.rule) == ("members[2].code", rule)
    assert violation.message.startswith("invalid local-government code ")


def test_a_good_code_comes_back_normalised() -> None:
    assert checked_code(" ０６２０１４ ", "code") == "062014"


def test_a_reworded_message_does_not_change_the_rule() -> None:
    error = InvalidLocalGovernmentCode(
        "06201", "prefecture digits wrong check digit", rule=CodeRule.SIX_DIGITS
    )
    assert code_rule(error) == "six_digits"


def test_the_description_escapes_what_the_client_sent() -> None:
    error = InvalidLocalGovernmentCode(
        "０６２０１５", "wrong check digit 5, expected 4", rule=CodeRule.CHECK_DIGIT
    )
    escaped = "'\\uff10\\uff16\\uff12\\uff10\\uff11\\uff15'"
    assert describe(error) == f"invalid local-government code {escaped}: wrong check digit 5, expected 4"
