"""What a group states in its application: the facts the ordinance engine judges (no personal data)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg

from renkei_groups.domain.kinds import DocumentKind, MemberKind, OrganisationKind


@dataclass(frozen=True)
class Member:
    """A direct member: a person (resident or not) or an organisation with its own resident share."""

    kind: MemberKind
    resident: bool = False
    organisation_kind: OrganisationKind | None = None
    resident_share: Fraction | None = None


@dataclass(frozen=True)
class ApplicationFacts:
    """The parts of an application that requirements look at."""

    members: tuple[Member, ...]
    activity_codes: tuple[str, ...]
    article_items: frozenset[str]
    documents: frozenset[DocumentKind]


def check_members(members: tuple[Member, ...]) -> None:
    """A person has no organisation data; an organisation states its kind and its resident share (0 to 1)."""
    v: list[Violation] = []
    for i, m in enumerate(members):
        at = f"members[{i}]"
        if m.kind is MemberKind.individual and (m.organisation_kind or m.resident_share is not None):
            v.append(
                Violation(
                    f"{at}.kind",
                    "person_has_no_organisation_data",
                    msg("groups.person_has_no_organisation_data"),
                )
            )
        if m.kind is MemberKind.organisation:
            if m.organisation_kind is None:
                v.append(
                    Violation(
                        f"{at}.organisation_kind",
                        "organisation_kind_given",
                        msg("groups.organisation_kind_given"),
                    )
                )
            if m.resident_share is None:
                v.append(
                    Violation(
                        f"{at}.resident_share", "resident_share_given", msg("groups.resident_share_given")
                    )
                )
            elif not 0 <= m.resident_share <= 1:
                v.append(Violation(f"{at}.resident_share", "share_in_range", msg("groups.share_in_range")))
    if not members:
        v.append(Violation("members", "not_empty", msg("groups.not_empty")))
    if v:
        raise RuleViolation(violations=v)
