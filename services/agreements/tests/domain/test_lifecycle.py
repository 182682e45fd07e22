"""The agreement lifecycle as a pure state machine: step order, versions, and what each completion emits."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from renkei_agreements.domain.errors import RuleViolation, StateConflict
from renkei_agreements.domain.lifecycle import (
    PER_PARTY_STEPS,
    AgreementLifecycle,
    Amended,
    Outcome,
    Signed,
    Slot,
    Status,
    Step,
    StepRecord,
    Terminated,
)

A, B = "062014", "062103"
DAY = date(2024, 6, 1)
ALL_SLOTS = AgreementLifecycle.draft((A, B)).procedure.slots()  # type: ignore[union-attr]


def record(slot: Slot, on: date = DAY) -> StepRecord:
    return StepRecord(slot.step, on, slot.party, "第1号" if slot.step in PER_PARTY_STEPS else None)


def run(lifecycle: AgreementLifecycle, on: date = DAY) -> tuple[AgreementLifecycle, Outcome | None]:
    assert lifecycle.procedure is not None
    outcome = None
    for slot in lifecycle.procedure.slots():
        result = lifecycle.record_step(record(slot, on))
        lifecycle, outcome = result.lifecycle, result.outcome
    return lifecycle, outcome


def test_every_step_in_order_puts_the_agreement_in_force_on_the_notification_date() -> None:
    lifecycle, outcome = run(AgreementLifecycle.draft((A, B)))
    assert lifecycle.status == Status.IN_FORCE and lifecycle.in_force_version == 1
    assert outcome == Signed(version=1, concluded_on=DAY, in_force_on=DAY)
    assert lifecycle.procedure is None


def test_the_stated_effective_date_wins_over_the_notification_date() -> None:
    _, outcome = run(AgreementLifecycle.draft((A, B), effective_on=date(2024, 10, 1)))
    assert outcome == Signed(version=1, concluded_on=DAY, in_force_on=date(2024, 10, 1))


def test_conclusion_before_each_council_resolution_names_what_is_missing() -> None:
    lifecycle = AgreementLifecycle.draft((A, B)).record_step(record(Slot(Step.CONSULTATION))).lifecycle
    lifecycle = lifecycle.record_step(record(Slot(Step.COUNCIL_RESOLUTION, A))).lifecycle
    with pytest.raises(StateConflict) as refused:
        lifecycle.record_step(record(Slot(Step.CONCLUSION)))
    assert refused.value.rule == "step_out_of_order"
    assert refused.value.details["missing"] == [f"council_resolution of {B}"]


def test_a_step_is_recorded_once() -> None:
    lifecycle = AgreementLifecycle.draft((A, B)).record_step(record(Slot(Step.CONSULTATION))).lifecycle
    with pytest.raises(StateConflict, match="already recorded"):
        lifecycle.record_step(record(Slot(Step.CONSULTATION)))


@pytest.mark.parametrize(
    ("step_record", "field", "rule"),
    [
        (StepRecord(Step.COUNCIL_RESOLUTION, DAY, "011002", "1"), "party", "party_of_agreement"),
        (StepRecord(Step.COUNCIL_RESOLUTION, DAY, A, None), "number", "required"),
        (StepRecord(Step.CONSULTATION, DAY, A), "party", "not_per_party"),
    ],
)
def test_per_party_steps_need_a_party_and_a_number(step_record: StepRecord, field: str, rule: str) -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    if step_record.step != Step.CONSULTATION:
        lifecycle = lifecycle.record_step(record(Slot(Step.CONSULTATION))).lifecycle
    with pytest.raises(RuleViolation) as refused:
        lifecycle.record_step(step_record)
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (field, rule)


def test_a_step_cannot_predate_the_previous_one() -> None:
    lifecycle = AgreementLifecycle.draft((A, B)).record_step(record(Slot(Step.CONSULTATION))).lifecycle
    with pytest.raises(RuleViolation) as refused:
        lifecycle.record_step(record(Slot(Step.COUNCIL_RESOLUTION, A), DAY - timedelta(days=1)))
    assert refused.value.violations[0].rule == "not_before_previous_step"


def test_amendment_makes_a_new_version_and_keeps_the_old_one_in_force_until_done() -> None:
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    amending = lifecycle.start_amendment()
    assert (
        amending.in_force_version == 1 and amending.procedure is not None and amending.procedure.version == 2
    )
    amended, outcome = run(amending, DAY + timedelta(days=200))
    assert outcome == Amended(
        version=2,
        previous_version=1,
        concluded_on=DAY + timedelta(days=200),
        in_force_on=DAY + timedelta(days=200),
    )
    assert amended.in_force_version == 2 and amended.status == Status.IN_FORCE


def test_termination_ends_the_agreement_and_nothing_follows() -> None:
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    terminated, outcome = run(lifecycle.start_termination(effective_on=date(2025, 3, 31)))
    assert outcome == Terminated(version=1, terminated_on=date(2025, 3, 31))
    assert terminated.status == Status.TERMINATED
    for start in (terminated.start_amendment, terminated.start_termination):
        with pytest.raises(StateConflict, match="only an agreement in force"):
            start()
    with pytest.raises(StateConflict, match="no procedure"):
        terminated.record_step(record(Slot(Step.CONSULTATION)))


def test_only_one_procedure_at_a_time_and_only_on_an_agreement_in_force() -> None:
    with pytest.raises(StateConflict, match="only an agreement in force"):
        AgreementLifecycle.draft((A, B)).start_amendment()
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    with pytest.raises(StateConflict, match="under way"):
        lifecycle.start_amendment().start_termination()


def test_withdrawal_is_possible_until_conclusion() -> None:
    draft = AgreementLifecycle.draft((A, B))
    assert draft.withdraw(DAY).lifecycle.status == Status.WITHDRAWN
    lifecycle = draft
    for slot in ALL_SLOTS[:4]:  # consultation, both resolutions, conclusion
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    with pytest.raises(StateConflict, match="concluded"):
        lifecycle.withdraw(DAY)


def test_a_withdrawn_amendment_leaves_the_version_in_force() -> None:
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    after = lifecycle.start_amendment().withdraw(DAY).lifecycle
    assert after.status == Status.IN_FORCE and after.in_force_version == 1 and after.procedure is None


slots = st.sampled_from(ALL_SLOTS)


@settings(max_examples=300)
@given(st.lists(slots, max_size=25))
def test_in_force_iff_every_step_was_accepted_in_order(attempts: list[Slot]) -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    accepted: list[Slot] = []
    signed: list[Outcome] = []
    for slot in attempts:
        allowed_now = lifecycle.procedure.next_slots() if lifecycle.procedure else []
        try:
            result = lifecycle.record_step(record(slot))
        except StateConflict:
            assert slot not in allowed_now
            continue
        assert slot in allowed_now
        lifecycle = result.lifecycle
        accepted.append(slot)
        if result.outcome is not None:
            signed.append(result.outcome)
    order = [list(Step).index(s.step) for s in accepted]
    assert order == sorted(order)
    complete = set(accepted) == set(ALL_SLOTS)
    assert (lifecycle.status == Status.IN_FORCE) == complete
    assert signed == ([Signed(1, DAY, DAY)] if complete else [])


operations = st.one_of(
    st.tuples(st.just("step"), slots),
    st.tuples(st.sampled_from(["amend", "terminate", "withdraw"]), st.none()),
)


@settings(max_examples=300)
@given(st.lists(operations, max_size=60))
def test_random_histories_never_sign_a_version_twice(ops: list[tuple[str, Slot | None]]) -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    outcomes: list[Outcome] = []
    for op, slot in ops:
        try:
            if op == "step":
                assert slot is not None
                result = lifecycle.record_step(record(slot))
                lifecycle = result.lifecycle
                if result.outcome:
                    outcomes.append(result.outcome)
            elif op == "amend":
                lifecycle = lifecycle.start_amendment()
            elif op == "terminate":
                lifecycle = lifecycle.start_termination()
            else:
                lifecycle = lifecycle.withdraw(DAY).lifecycle
        except StateConflict:
            continue
    signed_versions = [o.version for o in outcomes if isinstance(o, Signed | Amended)]
    assert len(signed_versions) == len(set(signed_versions)), "a version was put in force twice"
    assert [o.version for o in outcomes if isinstance(o, Signed)] in ([], [1])
    assert signed_versions == sorted(signed_versions)
    for earlier, later in pairwise(outcomes):
        if isinstance(later, Amended):
            assert later.previous_version == earlier.version
    terminations = [o for o in outcomes if isinstance(o, Terminated)]
    assert len(terminations) <= 1 and (not terminations or outcomes[-1] is terminations[0])
    if signed_versions and not terminations:
        assert lifecycle.in_force_version == signed_versions[-1]
