"""The application lifecycle and the rule that effects need a designation in force."""

from __future__ import annotations

import pytest
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_groups.domain.engine import Finding, Judgement
from renkei_groups.domain.kinds import ApplicationStatus as S
from renkei_groups.domain.kinds import Outcome
from renkei_groups.domain.lifecycle import (
    ensure_designable,
    ensure_designated,
    ensure_editable,
    ensure_reasons,
    next_status,
)


def test_the_happy_path_and_its_refusals() -> None:
    status = S.draft
    for action, expected in (
        ("submit", S.submitted),
        ("start_review", S.under_review),
        ("designate", S.designated),
    ):
        status = next_status(status, action)
        assert status is expected
    assert next_status(S.designated, "revoke") is S.revoked
    with pytest.raises(StateConflict) as caught:
        next_status(S.draft, "designate")
    assert caught.value.rule == "designate_from_status"
    with pytest.raises(StateConflict):
        next_status(S.designated, "withdraw")
    assert next_status(S.under_review, "withdraw") is S.withdrawn
    for ended in (S.rejected, S.withdrawn, S.revoked):
        assert next_status(ended, "reopen") is S.draft
    with pytest.raises(StateConflict) as reopened:
        next_status(S.designated, "reopen")
    assert reopened.value.rule == "reopen_from_status"


def test_only_drafts_are_edited_and_decisions_give_reasons() -> None:
    ensure_editable(S.draft)
    with pytest.raises(StateConflict) as caught:
        ensure_editable(S.submitted)
    assert caught.value.rule == "edit_only_draft"
    with pytest.raises(RuleViolation) as refused:
        ensure_reasons("  ")
    assert [(v.field, v.rule) for v in refused.value.violations] == [("reasons", "reasons_given")]


def test_a_requirement_not_met_blocks_designation_but_needs_judgement_does_not() -> None:
    judged = Judgement(
        "062103", 1, (Finding("a", Outcome.met, ""), Finding("b", Outcome.needs_judgement, ""))
    )
    ensure_designable(judged)
    unmet = Judgement("062103", 1, (Finding("membership.min_members", Outcome.not_met, ""),))
    with pytest.raises(StateConflict) as caught:
        ensure_designable(unmet)
    assert caught.value.rule == "requirements_met" and caught.value.details["requirements"] == [
        "membership.min_members"
    ]
    with pytest.raises(StateConflict):
        ensure_designable(None)


@pytest.mark.parametrize("status", [s for s in S if s is not S.designated])
def test_effects_need_a_designation_in_force(status: S) -> None:
    with pytest.raises(StateConflict) as caught:
        ensure_designated(status, effect="a lease")
    assert caught.value.rule == "designation_in_force"
    ensure_designated(S.designated, effect="a lease")
