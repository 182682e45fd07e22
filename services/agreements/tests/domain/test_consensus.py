"""Consensus process: which positions follow which, objections need reasons, and the outcome by method."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.consensus import DecisionMethod, Position, check_position, outcome
from renkei_agreements.domain.errors import RuleViolation, StateConflict

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
