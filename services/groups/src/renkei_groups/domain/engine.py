"""The ordinance engine: judges an application by one profile, one finding per requirement.

A finding is met, not met (with why), or needs the judgement of municipal staff. The engine is a pure
function of (facts, profile), so a judgement recorded against a profile version never changes when the
ordinance is later amended.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from renkei_groups.domain.applications import ApplicationFacts, Member
from renkei_groups.domain.kinds import MemberKind, Outcome
from renkei_groups.domain.profiles import OrdinanceProfile


@dataclass(frozen=True)
class Finding:
    requirement: str  # stable machine code, e.g. membership.min_resident_share
    outcome: Outcome
    reason: str


@dataclass(frozen=True)
class Judgement:
    municipality_code: str
    profile_version: int
    findings: tuple[Finding, ...]

    @property
    def outcome(self) -> Outcome:
        outcomes = {f.outcome for f in self.findings}
        for worst in (Outcome.not_met, Outcome.needs_judgement):
            if worst in outcomes:
                return worst
        return Outcome.met


def counts_as_resident(member: Member, organisation_share: Fraction) -> bool:
    """A resident, or an organisation made mainly of residents (区域の住民を主たる構成員とする団体)."""
    if member.kind is MemberKind.individual:
        return member.resident
    return member.resident_share is not None and member.resident_share >= organisation_share


def resident_share(members: tuple[Member, ...], organisation_share: Fraction) -> Fraction:
    if not members:
        return Fraction(0)
    return Fraction(sum(counts_as_resident(m, organisation_share) for m in members), len(members))


def judge(facts: ApplicationFacts, profile: OrdinanceProfile) -> Judgement:
    findings = [
        *_membership(facts, profile),
        _activities(facts, profile),
        *_articles(facts, profile),
        *_documents(facts, profile),
        *(
            Finding(item, Outcome.needs_judgement, "the ordinance leaves this to staff")
            for item in profile.judgement_items
        ),
    ]
    return Judgement(profile.municipality_code, profile.version, tuple(findings))


def _outcome(ok: bool) -> Outcome:
    return Outcome.met if ok else Outcome.not_met


def _membership(facts: ApplicationFacts, profile: OrdinanceProfile) -> list[Finding]:
    rules = profile.membership
    members = facts.members
    share = resident_share(members, rules.organisation_resident_share)
    residents = sum(counts_as_resident(m, rules.organisation_resident_share) for m in members)
    found = [
        Finding(
            "membership.min_members",
            _outcome(len(members) >= rules.min_members),
            f"{len(members)} members; the ordinance asks for at least {rules.min_members}",
        ),
        Finding(
            "membership.min_resident_share",
            _outcome(bool(members) and share >= rules.min_resident_share),
            f"{residents} of {len(members)} members are residents or organisations mainly of residents "
            f"({float(share):.3f}); the ordinance asks for at least {float(rules.min_resident_share):.3f}",
        ),
    ]
    if rules.required_organisation_kinds:
        present = {m.organisation_kind for m in members if m.kind is MemberKind.organisation}
        taking_part = [k for k in rules.required_organisation_kinds if k in present]
        absent = [k.value for k in rules.required_organisation_kinds if k not in present]
        found.append(
            Finding(
                "membership.required_organisation_kinds",
                _outcome(len(taking_part) >= rules.min_required_kinds),
                f"{len(taking_part)} of the listed kinds take part "
                f"(at least {rules.min_required_kinds} needed)"
                + (f"; absent: {', '.join(absent)}" if absent else ""),
            )
        )
    return found


def _activities(facts: ApplicationFacts, profile: OrdinanceProfile) -> Finding:
    listed = [c for c in facts.activity_codes if c in profile.activity_codes()]
    if listed:
        return Finding("activities.qualifying", Outcome.met, f"qualifying activities: {', '.join(listed)}")
    if facts.activity_codes:
        # An activity the ordinance does not list may still serve residents' daily life: staff decide.
        return Finding(
            "activities.qualifying",
            Outcome.needs_judgement,
            f"none of the activities is listed by the ordinance: {', '.join(facts.activity_codes)}",
        )
    return Finding("activities.qualifying", Outcome.not_met, "the application names no activity")


def _articles(facts: ApplicationFacts, profile: OrdinanceProfile) -> list[Finding]:
    return [
        Finding(
            f"articles.{item.code}",
            _outcome(item.code in facts.article_items),
            f"the articles {'contain' if item.code in facts.article_items else 'lack'} {item.label}",
        )
        for item in profile.article_items
    ]


def _documents(facts: ApplicationFacts, profile: OrdinanceProfile) -> list[Finding]:
    return [
        Finding(
            f"documents.{kind.value}",
            _outcome(kind in facts.documents),
            f"{kind.value} {'attached' if kind in facts.documents else 'missing'}",
        )
        for kind in profile.required_documents
    ]
