"""The agreement lifecycle as a pure state machine: step order, versions, and what each completion emits."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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
from renkei_common.domain_errors import RuleViolation, StateConflict

A, B = "062014", "062103"
DAY = date(2024, 6, 1)
# Written out, not derived from the module: a change to the procedure must change this list too.
ALL_SLOTS = [
    Slot(Step.CONSULTATION),
    Slot(Step.COUNCIL_RESOLUTION, A),
    Slot(Step.COUNCIL_RESOLUTION, B),
    Slot(Step.CONCLUSION),
    Slot(Step.PUBLIC_NOTICE, A),
    Slot(Step.PUBLIC_NOTICE, B),
    Slot(Step.NOTIFICATION, A),
    Slot(Step.NOTIFICATION, B),
]


def record(slot: Slot, on: date = DAY) -> StepRecord:
    return StepRecord(slot.step, on, slot.party, "第1号" if slot.step in PER_PARTY_STEPS else None)


def run(lifecycle: AgreementLifecycle, on: date = DAY) -> tuple[AgreementLifecycle, Outcome | None]:
    """Every slot in order, all on `on`."""
    return run_on(lifecycle, [on] * len(ALL_SLOTS))


def run_on(lifecycle: AgreementLifecycle, days: list[date]) -> tuple[AgreementLifecycle, Outcome | None]:
    """Every slot in order, each on its own day; only the last one may have an outcome."""
    outcome = None
    for slot, on in zip(ALL_SLOTS, days, strict=True):
        assert outcome is None, "an outcome before the last step"
        result = lifecycle.record_step(record(slot, on))
        lifecycle, outcome = result.lifecycle, result.outcome
    return lifecycle, outcome


# consultation, two resolutions, conclusion, two notices, two notifications: each on another day
SPREAD = [
    date(2024, 4, 1),
    date(2024, 5, 10),
    date(2024, 5, 20),
    date(2024, 6, 1),
    date(2024, 6, 5),
    date(2024, 6, 8),
    date(2024, 6, 10),
    date(2024, 6, 15),
]


def test_the_procedure_has_eight_slots_in_a_fixed_order() -> None:
    procedure = AgreementLifecycle.draft((A, B)).procedure
    assert procedure is not None
    assert [str(slot) for slot in procedure.slots()] == [
        "consultation",
        f"council_resolution of {A}",
        f"council_resolution of {B}",
        "conclusion",
        f"public_notice of {A}",
        f"public_notice of {B}",
        f"notification of {A}",
        f"notification of {B}",
    ]
    assert procedure.outstanding() == ALL_SLOTS and procedure.open and not procedure.complete


def test_what_may_be_recorded_next_is_every_slot_of_the_earliest_unfinished_step() -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    seen = []
    for slot in ALL_SLOTS:
        assert lifecycle.procedure is not None
        seen.append(lifecycle.procedure.next_slots())
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    assert seen == [
        ALL_SLOTS[0:1],
        ALL_SLOTS[1:3],
        ALL_SLOTS[2:3],
        ALL_SLOTS[3:4],
        ALL_SLOTS[4:6],
        ALL_SLOTS[5:6],
        ALL_SLOTS[6:8],
        ALL_SLOTS[7:8],
    ]


def test_steps_on_different_days_conclude_on_the_conclusion_and_take_effect_on_the_last_notification() -> (
    None
):
    lifecycle, outcome = run_on(AgreementLifecycle.draft((A, B)), SPREAD)
    assert outcome == Signed(version=1, concluded_on=date(2024, 6, 1), in_force_on=date(2024, 6, 15))
    assert lifecycle.status == Status.IN_FORCE


def test_each_party_notifies_on_its_own_day_and_the_agreement_waits_for_both() -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    for slot in ALL_SLOTS[:6]:
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    first = lifecycle.record_step(StepRecord(Step.NOTIFICATION, date(2024, 6, 3), B, "岡第12号"))
    assert first.outcome is None and first.lifecycle.status == Status.DRAFT
    procedure = first.lifecycle.procedure
    assert procedure is not None and procedure.next_slots() == [Slot(Step.NOTIFICATION, A)]
    assert procedure.record_of(Step.NOTIFICATION, B) == StepRecord(
        Step.NOTIFICATION, date(2024, 6, 3), B, "岡第12号"
    )
    assert procedure.record_of(Step.NOTIFICATION, A) is None
    with pytest.raises(StateConflict) as refused:
        first.lifecycle.record_step(StepRecord(Step.NOTIFICATION, date(2024, 6, 9)))  # "both" after B's own
    assert (
        refused.value.rule == "step_already_recorded"
        and refused.value.details["step"] == f"notification of {B}"
    )
    last = first.lifecycle.record_step(StepRecord(Step.NOTIFICATION, date(2024, 6, 10), A))
    assert last.outcome == Signed(version=1, concluded_on=DAY, in_force_on=date(2024, 6, 10))


def test_a_joint_notification_covers_both_parties() -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    for slot in ALL_SLOTS[:6]:
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    joint = StepRecord(Step.NOTIFICATION, date(2024, 6, 12))
    result = lifecycle.record_step(joint)
    assert result.outcome == Signed(version=1, concluded_on=DAY, in_force_on=date(2024, 6, 12))
    assert (
        result.procedure.record_of(Step.NOTIFICATION, A)
        == result.procedure.record_of(Step.NOTIFICATION, B)
        == joint
    )


def test_a_notification_names_a_party_of_the_agreement_or_none() -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    for slot in ALL_SLOTS[:6]:
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    with pytest.raises(RuleViolation) as refused:
        lifecycle.record_step(StepRecord(Step.NOTIFICATION, DAY, "011002"))
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (
        "party",
        "party_of_agreement",
    )


def test_a_notification_cannot_precede_the_public_notices() -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    for slot in ALL_SLOTS[:6]:
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    with pytest.raises(RuleViolation) as refused:
        lifecycle.record_step(StepRecord(Step.NOTIFICATION, DAY - timedelta(days=1), A))
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (
        "on",
        "not_before_previous_step",
    )
    assert refused.value.violations[0].message == (
        f"notification of {A} on 2024-05-31 cannot precede the previous step of 2024-06-01"
    )
    same_day = lifecycle.record_step(StepRecord(Step.NOTIFICATION, DAY, A))
    assert same_day.procedure.record_of(Step.NOTIFICATION, A) is not None


def test_a_notification_before_the_public_notices_is_out_of_order() -> None:
    lifecycle = AgreementLifecycle.draft((A, B))
    for slot in ALL_SLOTS[:5]:
        lifecycle = lifecycle.record_step(record(slot)).lifecycle
    with pytest.raises(StateConflict) as refused:
        lifecycle.record_step(StepRecord(Step.NOTIFICATION, DAY, A))
    assert refused.value.details["missing"] == [{"step": "public_notice", "party": B}]


def test_a_conclusion_on_the_stated_effective_date_is_accepted_and_the_day_after_refused() -> None:
    effective = date(2024, 6, 1)
    _, outcome = run(AgreementLifecycle.draft((A, B), effective_on=effective), effective)
    assert outcome == Signed(version=1, concluded_on=effective, in_force_on=effective)
    lifecycle = AgreementLifecycle.draft((A, B), effective_on=effective)
    for slot in ALL_SLOTS[:3]:
        lifecycle = lifecycle.record_step(record(slot, date(2024, 5, 1))).lifecycle
    with pytest.raises(RuleViolation) as refused:
        lifecycle.record_step(record(Slot(Step.CONCLUSION), date(2024, 6, 2)))
    assert (refused.value.violations[0].field, refused.value.violations[0].rule) == (
        "on",
        "not_after_effective_date",
    )


def test_two_amendments_in_a_row_make_versions_2_and_3() -> None:
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    second, amended = run(lifecycle.start_amendment(effective_on=date(2025, 4, 1)), date(2025, 3, 1))
    assert amended == Amended(2, 1, date(2025, 3, 1), date(2025, 4, 1))
    third, again = run(second.start_amendment(), date(2025, 9, 1))
    assert again == Amended(3, 2, date(2025, 9, 1), date(2025, 9, 1))
    assert (third.in_force_version, third.latest_version, third.status) == (3, 3, Status.IN_FORCE)


def test_an_amendment_then_a_termination_ends_the_amended_version() -> None:
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    amended, _ = run(lifecycle.start_amendment(), date(2025, 3, 1))
    terminating = amended.start_termination()
    assert terminating.procedure is not None and terminating.procedure.version == 2
    ended, outcome = run(terminating, date(2026, 3, 31))
    assert outcome == Terminated(version=2, terminated_on=date(2026, 3, 31))
    assert (ended.status, ended.in_force_version, ended.procedure) == (Status.TERMINATED, 2, None)


def test_a_withdrawn_amendment_uses_up_its_version_number() -> None:
    lifecycle, _ = run(AgreementLifecycle.draft((A, B)))
    after = lifecycle.start_amendment().withdraw(DAY).lifecycle
    retry = after.start_amendment()
    assert retry.procedure is not None and retry.procedure.version == 3 and retry.in_force_version == 1


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
    assert refused.value.details["missing"] == [{"step": "council_resolution", "party": B}]


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
    result = lifecycle.start_amendment().withdraw(date(2024, 9, 1))
    after = result.lifecycle
    assert after.status == Status.IN_FORCE and after.in_force_version == 1 and after.procedure is None
    assert result.procedure.withdrawn_on == date(2024, 9, 1) and result.outcome is None
    assert not result.procedure.open and not result.procedure.complete


def test_a_withdrawn_procedure_takes_no_more_steps_and_cannot_be_withdrawn_twice() -> None:
    withdrawn = AgreementLifecycle.draft((A, B)).withdraw(DAY).procedure
    with pytest.raises(StateConflict) as refused:
        withdrawn.record(record(Slot(Step.CONSULTATION)))
    assert refused.value.rule == "procedure_withdrawn"
    with pytest.raises(StateConflict) as again:
        withdrawn.withdraw(DAY)
    assert again.value.rule == "no_open_procedure"
    with pytest.raises(StateConflict, match="no procedure is under way"):
        AgreementLifecycle.draft((A, B)).withdraw(DAY).lifecycle.withdraw(DAY)


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
    assert lifecycle.status == (Status.IN_FORCE if complete else Status.DRAFT)


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


def test_the_parties_take_a_per_party_step_in_either_order_and_on_any_day_after_the_last_step() -> None:
    lifecycle = AgreementLifecycle.draft((A, B)).record_step(record(ALL_SLOTS[0], date(2024, 5, 1))).lifecycle
    lifecycle = lifecycle.record_step(record(Slot(Step.COUNCIL_RESOLUTION, B), date(2024, 5, 20))).lifecycle
    # A's council sits earlier than B's did: only the previous step (the consultation) bounds the date.
    result = lifecycle.record_step(record(Slot(Step.COUNCIL_RESOLUTION, A), date(2024, 5, 10)))
    assert result.procedure.date_of(Step.COUNCIL_RESOLUTION) == date(2024, 5, 20)


def test_each_state_conflict_names_its_rule() -> None:
    draft = AgreementLifecycle.draft((A, B))
    with pytest.raises(StateConflict) as not_in_force:
        draft.start_amendment()
    assert not_in_force.value.rule == "not_in_force"
    assert not_in_force.value.message == "only an agreement in force can have a amendment; it is draft"
    with pytest.raises(StateConflict) as termination:
        draft.start_termination()
    assert termination.value.message == "only an agreement in force can have a termination; it is draft"
    in_force, _ = run(draft)
    with pytest.raises(StateConflict) as under_way:
        in_force.start_amendment().start_amendment()
    assert under_way.value.rule == "procedure_under_way"
    with pytest.raises(StateConflict) as nothing_open:
        in_force.record_step(record(ALL_SLOTS[0]))
    assert nothing_open.value.rule == "no_open_procedure"
    with pytest.raises(StateConflict) as nothing_to_withdraw:
        in_force.withdraw(DAY)
    assert nothing_to_withdraw.value.rule == "no_open_procedure"
    concluded = draft
    for slot in ALL_SLOTS[:4]:
        concluded = concluded.record_step(record(slot)).lifecycle
    with pytest.raises(StateConflict) as too_late:
        concluded.withdraw(DAY)
    assert too_late.value.rule == "already_concluded"
