"""A municipality's ordinance (条例) as data: what a group must be, do and file to be designated.

地方自治法 art. 260-49 (令和6年法律第65号, in force 2024-09-26) lets the mayor designate a group whose main
members are residents of the area, or organisations made mainly of residents, under requirements each
municipality fixes by ordinance. A profile is one version of that ordinance; `profile_in_force` picks the
version that governs a date, so an application is always judged by the rules of its submission date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from renkei_common.domain_errors import RuleViolation, StateConflict, Violation
from renkei_common.i18n import msg

from renkei_groups.domain.kinds import DocumentKind, OrganisationKind

LAW_IN_FORCE_ON = date(2024, 9, 26)

# 規約・定款 items of the statutory base list: the headings art. 260-2 para. 3 asks of a 認可地縁団体's
# articles, which the amended 地方自治法施行規則 is taken to ask of these groups too (to be checked against
# the published text; a municipality adds its own items on top).
STATUTORY_ARTICLE_ITEMS: dict[str, str] = {
    "purpose": "目的",
    "name": "名称",
    "area": "区域",
    "office": "事務所の所在地",
    "membership": "構成員の資格に関する事項",
    "representative": "代表者に関する事項",
    "meetings": "会議に関する事項",
    "assets": "資産に関する事項",
}
# What art. 260-49 asks of the operation (民主的で透明性の高い運営, 構成員の開放性).
OPERATION_ARTICLE_ITEMS: dict[str, str] = {
    "democratic_decision_making": "民主的な意思決定",
    "open_membership": "構成員の開放性（加入・脱退の自由）",
    "officer_election": "役員の選任方法",
    "financial_disclosure": "会計・財務の公開",
}
BASE_ARTICLE_ITEMS = {**STATUTORY_ARTICLE_ITEMS, **OPERATION_ARTICLE_ITEMS}

# The typical activities MIC names (総務省, 2024-11-25; docs/domain.md), which a municipality edits.
TYPICAL_ACTIVITIES: dict[str, str] = {
    "area_cleaning": "地域の美化・清掃",
    "elderly_health_and_living_support": "高齢者の健康づくり・生活支援",
    "places_for_children": "子どもの居場所づくり",
    "intergenerational_exchange": "多世代交流活動",
    "watching_over": "高齢者・子どもの見守り",
}


@dataclass(frozen=True)
class Activity:
    code: str
    label: str


@dataclass(frozen=True)
class ArticleItem:
    """An item the articles must contain; `statutory` items cannot be dropped from a profile."""

    code: str
    label: str


@dataclass(frozen=True)
class MembershipRules:
    """The forms real ordinances use; any of them may be combined.

    - `min_resident_share`: members who are residents, or organisations whose own resident share reaches
      `organisation_resident_share` (団体の主たる構成員が住民), over all direct members;
    - `min_members`: direct members (persons and organisations);
    - `required_organisation_kinds` with `min_required_kinds`: how many of the listed kinds must take part
      (広島市's ordinance of 2025-03-28 looks at which area organisations join, not at a percentage).
    """

    min_resident_share: Fraction = Fraction(1, 2)
    organisation_resident_share: Fraction = Fraction(1, 2)
    min_members: int = 2
    required_organisation_kinds: tuple[OrganisationKind, ...] = ()
    min_required_kinds: int = 0


@dataclass(frozen=True)
class OrdinanceProfile:
    """One version of a municipality's ordinance on 指定地域共同活動団体."""

    municipality_code: str
    version: int
    ordinance_title: str
    enacted_on: date
    effective_on: date
    activities: tuple[Activity, ...]
    membership: MembershipRules
    article_items: tuple[ArticleItem, ...]
    required_documents: tuple[DocumentKind, ...]
    report_due_days: int = 90  # annual report due this many days after the fiscal year ends (3/31)
    coordination_answer_days: int = 60  # a coordination request is overdue after this many days
    judgement_items: tuple[str, ...] = field(default=())  # requirements staff always judge (e.g. 連携)

    def activity_codes(self) -> set[str]:
        return {a.code for a in self.activities}


def default_profile(*, municipality_code: str, enacted_on: date, effective_on: date) -> OrdinanceProfile:
    """What a municipality starts from: only the requirements named in LAA art. 260-49 and by MIC."""
    return OrdinanceProfile(
        municipality_code=municipality_code,
        version=1,
        ordinance_title="指定地域共同活動団体の指定等に関する条例",
        enacted_on=enacted_on,
        effective_on=effective_on,
        activities=tuple(Activity(code, label) for code, label in TYPICAL_ACTIVITIES.items()),
        membership=MembershipRules(),
        article_items=tuple(ArticleItem(code, label) for code, label in BASE_ARTICLE_ITEMS.items()),
        required_documents=(
            DocumentKind.articles,
            DocumentKind.member_list,
            DocumentKind.activity_plan,
            DocumentKind.budget,
            DocumentKind.financial_statement,
        ),
        judgement_items=("cooperation_with_local_actors",),
    )


def check_profile(profile: OrdinanceProfile) -> None:
    """Refuse a profile that contradicts itself or the law, naming every bad field."""
    v: list[Violation] = []
    rules = profile.membership
    if profile.effective_on < profile.enacted_on:
        v.append(Violation("effective_on", "not_before_enactment", msg("groups.not_before_enactment")))
    if profile.effective_on < LAW_IN_FORCE_ON:
        v.append(Violation("effective_on", "law_in_force", msg("groups.law_in_force")))
    for name, share in (
        ("min_resident_share", rules.min_resident_share),
        ("organisation_resident_share", rules.organisation_resident_share),
    ):
        if not 0 < share <= 1:
            v.append(
                Violation(f"membership.{name}", "share_in_range", msg("groups.share_in_range_2", share=share))
            )
    if rules.min_members < 1:
        v.append(
            Violation("membership.min_members", "at_least_one_member", msg("groups.at_least_one_member"))
        )
    kinds = rules.required_organisation_kinds
    if len(set(kinds)) != len(kinds):
        v.append(Violation("membership.required_organisation_kinds", "distinct", msg("groups.distinct")))
    if not 0 <= rules.min_required_kinds <= len(set(kinds)):
        v.append(
            Violation(
                "membership.min_required_kinds",
                "within_listed_kinds",
                msg(
                    "groups.within_listed_kinds",
                    value=len(set(kinds)),
                    rules_min_required_kinds=rules.min_required_kinds,
                ),
            )
        )
    elif kinds and rules.min_required_kinds == 0:
        v.append(
            Violation("membership.min_required_kinds", "at_least_one_kind", msg("groups.at_least_one_kind"))
        )
    _distinct(v, "activities", [a.code for a in profile.activities])
    if not profile.activities:
        v.append(Violation("activities", "not_empty", msg("groups.not_empty_2")))
    codes = [i.code for i in profile.article_items]
    _distinct(v, "article_items", codes)
    missing = [c for c in BASE_ARTICLE_ITEMS if c not in codes]
    if missing:
        v.append(Violation("article_items", "base_items", msg("groups.base_items", value=", ".join(missing))))
    _distinct(v, "required_documents", list(profile.required_documents))
    if DocumentKind.articles not in profile.required_documents:
        v.append(Violation("required_documents", "articles_required", msg("groups.articles_required")))
    for name, days in (
        ("report_due_days", profile.report_due_days),
        ("coordination_answer_days", profile.coordination_answer_days),
    ):
        if not 1 <= days <= 365:
            v.append(Violation(name, "days_in_range", msg("groups.days_in_range", days=days)))
    if v:
        raise RuleViolation(violations=v)


def _distinct(v: list[Violation], name: str, values: Sequence[object]) -> None:
    if len(set(values)) != len(values):
        v.append(Violation(name, "distinct", msg("groups.distinct_2")))


def profile_in_force(profiles: Iterable[OrdinanceProfile], on: date) -> OrdinanceProfile:
    """The version that governs `on`: the latest to take effect by then (the latest enacted on a tie)."""
    candidates = [p for p in profiles if p.effective_on <= on]
    if not candidates:
        raise StateConflict(msg("groups.ordinance_in_force", value=on.isoformat()), rule="ordinance_in_force")
    return max(candidates, key=lambda p: (p.effective_on, p.enacted_on, p.version))
