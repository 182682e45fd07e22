"""Whether a dispatch (派遣) qualifies: every rule is checked and every broken one reported by field and rule.

A dispatch is valid only if (seed: 地方公務員の人材確保に係る特別交付税措置, 令和6年度～):
- a 連携協約 between the employer and the receiving municipality is in force over the whole period;
- the receiving municipality is not a 政令指定都市, 中核市 or 県庁所在地 (registry flags);
- the specialist is employed by the employer over the period and is not double-booked (checked by the caller
  against stored dispatches, a 409);
- the licences its profession requires are valid over the period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg
from renkei_common.refdata import LocalGovernment

from renkei_staffing.domain.agreements_view import RENKEI_KYOYAKU, AgreementView
from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import Profession
from renkei_staffing.domain.specialists import Specialist, missing_licences

EXCLUSION_REASONS = {
    "designated_city": "政令指定都市",
    "core_city": "中核市",
    "prefectural_capital": "県庁所在地",
}


def exclusions(receiving: LocalGovernment) -> list[str]:
    """The registry flags that exclude a government as a receiving municipality, in flag order."""
    return [flag for flag in receiving.flags if flag in EXCLUSION_REASONS]


@dataclass(frozen=True, slots=True)
class DispatchPlan:
    specialist: Specialist
    profession: Profession
    employer: LocalGovernment
    receiving: LocalGovernment
    period: Period
    agreement: AgreementView | None
    agreement_id: str


def dispatch_violations(plan: DispatchPlan) -> list[Violation]:
    violations: list[Violation] = []
    receiving, employer = plan.receiving, plan.employer
    if not receiving.is_municipality:
        violations.append(
            Violation(
                "receiving_code", "receiving_is_municipality", msg("staffing.receiving_is_municipality")
            )
        )
    if receiving.code == employer.code:
        violations.append(
            Violation(
                "receiving_code",
                "receiving_differs_from_employer",
                msg("staffing.receiving_differs_from_employer"),
            )
        )
    excluded = exclusions(receiving)
    if excluded:
        names = "・".join(EXCLUSION_REASONS[flag] for flag in excluded)
        violations.append(
            Violation(
                "receiving_code",
                "receiving_not_excluded",
                msg(
                    "staffing.receiving_not_excluded",
                    receiving_name=receiving.name,
                    names=names,
                    value=", ".join(excluded),
                ),
            )
        )
    violations += agreement_violations(
        plan.agreement, plan.agreement_id, employer.code, receiving.code, plan.period
    )
    specialist = plan.specialist
    if specialist.profession_code != plan.profession.code:
        violations.append(
            Violation("specialist_id", "profession_matches", msg("staffing.profession_matches"))
        )
    if not specialist.employed_by_over(employer.code, plan.period):
        violations.append(
            Violation(
                "specialist_id",
                "employed_over_period",
                msg(
                    "staffing.employed_over_period",
                    employer_code=employer.code,
                    plan_period_start=plan.period.start,
                    plan_period_end=plan.period.end,
                ),
            )
        )
    missing = missing_licences(specialist.licences, plan.profession.required_licences, plan.period)
    if missing:
        violations.append(
            Violation(
                "specialist_id",
                "licences_valid_over_period",
                msg("staffing.licences_valid_over_period", value=", ".join(missing)),
            )
        )
    return violations


def agreement_violations(
    agreement: AgreementView | None,
    agreement_id: str,
    employer_code: str,
    receiving_code: str,
    period: Period,
) -> list[Violation]:
    field = "agreement_id"
    if agreement is None:
        return [
            Violation(
                field, "agreement_in_force", msg("staffing.agreement_in_force", agreement_id=agreement_id)
            )
        ]
    found: list[Violation] = []
    if agreement.kind != RENKEI_KYOYAKU:
        found.append(
            Violation(field, "agreement_is_renkei_kyoyaku", msg("staffing.agreement_is_renkei_kyoyaku"))
        )
    if not agreement.binds(employer_code, receiving_code):
        found.append(
            Violation(
                field,
                "agreement_between_parties",
                msg("staffing.agreement_between_parties"),
            )
        )
    if agreement.in_force_on > period.start:
        found.append(
            Violation(
                field,
                "agreement_in_force_at_start",
                msg("staffing.agreement_in_force_at_start", agreement_in_force_on=agreement.in_force_on),
            )
        )
    last = agreement.last_day_in_force
    if last is not None and period.end > last:
        found.append(
            Violation(
                field,
                "agreement_in_force_until_end",
                msg("staffing.agreement_in_force_until_end", agreement_terminated_on=agreement.terminated_on),
            )
        )
    return found


def ensure_dispatch_valid(plan: DispatchPlan) -> None:
    violations = dispatch_violations(plan)
    if violations:
        raise RuleViolation(violations=violations)


def overlapping(period: Period, booked: Sequence[Period]) -> list[Period]:
    """The booked periods a new one would collide with (double booking)."""
    return [other for other in booked if other.overlaps(period)]
