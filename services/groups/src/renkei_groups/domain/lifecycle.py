"""The application lifecycle: draft → submitted → under_review → designated or rejected, and back."""

from __future__ import annotations

from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.i18n import msg

from renkei_groups.domain.engine import Judgement
from renkei_groups.domain.kinds import ApplicationStatus, Outcome

S = ApplicationStatus

# Which status each action needs, and the status it leads to.
TRANSITIONS: dict[str, tuple[frozenset[ApplicationStatus], ApplicationStatus]] = {
    "submit": (frozenset({S.draft}), S.submitted),
    "start_review": (frozenset({S.submitted}), S.under_review),
    "designate": (frozenset({S.under_review}), S.designated),
    "reject": (frozenset({S.under_review}), S.rejected),
    "withdraw": (frozenset({S.draft, S.submitted, S.under_review}), S.withdrawn),
    "revoke": (frozenset({S.designated}), S.revoked),
    # A group turned down, withdrawn or revoked may apply again: a new draft, its history kept in the log.
    "reopen": (frozenset({S.rejected, S.withdrawn, S.revoked}), S.draft),
}


def next_status(current: ApplicationStatus, action: str) -> ApplicationStatus:
    allowed, target = TRANSITIONS[action]
    if current not in allowed:
        names = ", ".join(sorted(s.value for s in allowed))
        raise StateConflict(
            msg(
                "groups.lifecycle.cannot_an_application_that_is",
                value=action.replace("_", " "),
                current_value=current.value,
                names=names,
            ),
            rule=f"{action}_from_status",
            current_status=current.value,
        )
    return target


def ensure_editable(current: ApplicationStatus) -> None:
    """The group edits its application only while it is a draft."""
    if current is not S.draft:
        raise StateConflict(
            msg("groups.edit_only_draft", current_value=current.value), rule="edit_only_draft"
        )


def ensure_designable(judgement: Judgement | None) -> None:
    """A requirement shown not met blocks designation; needs_judgement is the decision-maker's call."""
    if judgement is None:
        raise StateConflict(msg("groups.reviewed_before_decision"), rule="reviewed_before_decision")
    unmet = [f.requirement for f in judgement.findings if f.outcome is Outcome.not_met]
    if unmet:
        raise StateConflict(
            msg("groups.requirements_met", value=", ".join(unmet)),
            rule="requirements_met",
            requirements=unmet,
        )


def ensure_reasons(reasons: str, field: str = "reasons") -> None:
    if not reasons.strip():
        raise RuleViolation(field, "reasons_given", msg("groups.reasons_given"))


def ensure_designated(current: ApplicationStatus, *, effect: str) -> None:
    """Every effect of designation is valid only while the group is designated (art. 260-49)."""
    if current is not S.designated:
        raise StateConflict(
            msg("groups.designation_in_force", effect=effect, current_value=current.value),
            rule="designation_in_force",
            current_status=current.value,
        )
