"""Consensus process: which positions follow which, objections need reasons, and the outcome by method."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.consensus import DecisionMethod, Position, check_position, outcome
from renkei_common.domain_errors import RuleViolation, StateConflict

C, AGREE, OBJ, RES = Position.CONSULTED, Position.AGREED, Position.OBJECTED, Position.RESOLVED


def test_a_partner_is_consulted_before_it_takes_a_position() -> None:
    check_position(None, C, reasons=None)
    with pytest.raises(StateConflict, match="not consulted"):
        check_position(None, AGREE, reasons=None)


def test_an_objection_needs_reasons_and_can_be_resolved() -> None:
    with pytest.raises(RuleViolation) as refused:
        check_position(C, OBJ, reasons="  ")
    assert refused.value.violations[0].rule == "required_for_objection"
    check_position(C, OBJ, reasons="費用負担の根拠が不明確")
    check_position(OBJ, RES, reasons=None)
    with pytest.raises(StateConflict):
        check_position(C, RES, reasons=None)


def test_outcome_follows_the_decision_method() -> None:
    partners = ["a", "b", "c"]
    assert outcome(DecisionMethod.UNANIMITY, {"a": AGREE, "b": AGREE, "c": RES}, partners) == "reached"
    assert outcome(DecisionMethod.UNANIMITY, {"a": AGREE, "b": OBJ}, partners) == "blocked"
    assert outcome(None, {"a": AGREE, "b": AGREE}, partners) == "pending"
    assert outcome(DecisionMethod.MAJORITY, {"a": AGREE, "b": AGREE, "c": OBJ}, partners) == "reached"
    assert outcome(DecisionMethod.CONSULTATION_ONLY, {"a": C, "b": OBJ, "c": AGREE}, partners) == "reached"
    assert outcome(DecisionMethod.CONSULTATION_ONLY, {"a": C}, partners) == "pending"


def test_an_objection_without_reasons_names_the_field() -> None:
    for reasons in (None, "", " \n"):
        with pytest.raises(RuleViolation) as refused:
            check_position(C, OBJ, reasons=reasons)
        [violation] = refused.value.violations
        assert (violation.field, violation.rule) == ("reasons", "required_for_objection")
        assert violation.message == "an objection must give its reasons"


def test_a_refused_transition_says_where_the_partner_stands_and_where_it_may_go() -> None:
    with pytest.raises(StateConflict) as refused:
        check_position(C, RES, reasons=None)
    assert refused.value.rule == "position_transition"
    assert refused.value.details == {"current": "consulted"}
    assert refused.value.message == "a partner that is consulted can next be: agreed, objected"
    with pytest.raises(StateConflict) as first:
        check_position(None, OBJ, reasons="x")
    assert first.value.details == {"current": "not consulted"}


@pytest.mark.parametrize(
    ("current", "allowed"),
    [
        (None, {C}),
        (C, {AGREE, OBJ}),
        (AGREE, {OBJ, C}),
        (OBJ, {RES, AGREE, C}),
        (RES, {AGREE, OBJ, C}),
    ],
)
def test_every_transition_of_the_table(current: Position | None, allowed: set[Position]) -> None:
    for new in Position:
        if new in allowed:
            check_position(current, new, reasons="理由")
        else:
            with pytest.raises(StateConflict):
                check_position(current, new, reasons="理由")


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        ({"a": AGREE, "b": AGREE}, "pending"),  # exactly half of four is not a majority
        ({"a": AGREE, "b": AGREE, "c": RES}, "reached"),  # three of four
        ({"a": AGREE, "b": OBJ, "c": OBJ, "d": OBJ}, "pending"),
        ({}, "pending"),
    ],
)
def test_a_majority_is_more_than_half(positions: dict[str, Position], expected: str) -> None:
    assert outcome(DecisionMethod.MAJORITY, positions, ["a", "b", "c", "d"]) == expected


def test_unanimity_waits_for_every_partner_and_one_objection_blocks_it() -> None:
    partners = ["a", "b"]
    assert outcome(DecisionMethod.UNANIMITY, {"a": AGREE}, partners) == "pending"
    assert outcome(DecisionMethod.UNANIMITY, {"a": AGREE, "b": C}, partners) == "pending"
    assert outcome(DecisionMethod.UNANIMITY, {"a": OBJ, "b": OBJ}, partners) == "blocked"
    assert outcome(None, {"a": AGREE, "b": OBJ}, partners) == "blocked"
    assert outcome(DecisionMethod.OTHER, {"a": AGREE, "b": OBJ}, partners) == "pending"
    assert outcome(DecisionMethod.OTHER, {"a": AGREE, "b": RES}, partners) == "reached"
