"""Consensus process (合意形成過程のルール, seed): each partner's position on a proposal, and the outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.i18n import msg

from renkei_agreements.domain.vocabulary import ProposalOutcome


class Position(StrEnum):
    CONSULTED = "consulted"  # the proposer asked the partner for its view
    AGREED = "agreed"
    OBJECTED = "objected"  # with reasons
    RESOLVED = "resolved"  # an objection was settled


class DecisionMethod(StrEnum):
    UNANIMITY = "unanimity"
    MAJORITY = "majority"
    CONSULTATION_ONLY = "consultation_only"  # the proposer decides after consulting every partner
    OTHER = "other"  # described in the rules' text


# From each position (None: not yet consulted), the positions a partner may move to.
TRANSITIONS: Mapping[Position | None, frozenset[Position]] = {
    None: frozenset({Position.CONSULTED}),
    Position.CONSULTED: frozenset({Position.AGREED, Position.OBJECTED}),
    Position.AGREED: frozenset({Position.OBJECTED, Position.CONSULTED}),
    Position.OBJECTED: frozenset({Position.RESOLVED, Position.AGREED, Position.CONSULTED}),
    Position.RESOLVED: frozenset({Position.AGREED, Position.OBJECTED, Position.CONSULTED}),
}

# Who records which position: the proposer consults; the partner speaks for itself; either may resolve.
RECORDED_BY: Mapping[Position, frozenset[str]] = {
    Position.CONSULTED: frozenset({"proposer"}),
    Position.AGREED: frozenset({"partner"}),
    Position.OBJECTED: frozenset({"partner"}),
    Position.RESOLVED: frozenset({"proposer", "partner"}),
}


def check_position(current: Position | None, new: Position, *, reasons: str | None) -> None:
    if new == Position.OBJECTED and not (reasons and reasons.strip()):
        raise RuleViolation("reasons", "required_for_objection", msg("agreements.required_for_objection"))
    if new not in TRANSITIONS[current]:
        shown = current.value if current else "not consulted"
        allowed = ", ".join(sorted(p.value for p in TRANSITIONS[current]))
        raise StateConflict(
            msg("agreements.position_transition", shown=shown, allowed=allowed),
            rule="position_transition",
            current=shown,
        )


def outcome(
    method: DecisionMethod | None, positions: Mapping[str, Position | None], partners: Sequence[str]
) -> ProposalOutcome:
    """Reached, blocked (an unresolved objection under unanimity) or pending."""
    states = [positions.get(code) for code in partners]
    favourable = sum(1 for s in states if s in (Position.AGREED, Position.RESOLVED))
    objecting = sum(1 for s in states if s == Position.OBJECTED)
    reached, pending = ProposalOutcome.REACHED, ProposalOutcome.PENDING
    if method == DecisionMethod.MAJORITY:
        return reached if favourable * 2 > len(states) else pending
    if method == DecisionMethod.CONSULTATION_ONLY:
        return reached if all(s is not None for s in states) else pending
    if objecting and method in (DecisionMethod.UNANIMITY, None):
        return ProposalOutcome.BLOCKED
    return reached if favourable == len(states) else pending
