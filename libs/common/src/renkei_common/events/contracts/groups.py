"""Contracts of the groups service (指定地域共同活動団体, 地方自治法 art. 260-49).

Events carry no personal data: no member, representative or contact is named; a group appears by its id, its
name and its counts. The vocabularies below are StrEnums shared by the groups domain, its tables, its API and
these contracts, so one value means one thing everywhere.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from renkei_common.events.contracts.base import EventPayload, LocalGovernmentCode


class OrganisationKind(StrEnum):
    """Kinds of member organisations that ordinances name (MIC 2024-11-25; 広島市 ひろしまLMO ordinance)."""

    neighbourhood_association = "neighbourhood_association"  # 自治会・町内会
    pta = "pta"  # PTA
    womens_association = "womens_association"  # 婦人会・女性会
    social_welfare_council = "social_welfare_council"  # 社会福祉協議会
    npo = "npo"  # NPO法人
    disaster_prevention = "disaster_prevention"  # 自主防災会
    crime_prevention = "crime_prevention"  # 防犯組合
    welfare_commissioners = "welfare_commissioners"  # 民生委員児童委員協議会
    seniors_club = "seniors_club"  # 老人クラブ
    childrens_association = "childrens_association"  # 子ども会
    business = "business"  # 商店会・事業者
    other = "other"


class DocumentKind(StrEnum):
    """Documents an application attaches (申請書類)."""

    articles = "articles"  # 規約・定款
    member_list = "member_list"  # 構成員名簿
    activity_plan = "activity_plan"  # 事業計画書
    budget = "budget"  # 収支予算書
    financial_statement = "financial_statement"  # 収支決算書・財務諸表
    other = "other"


class Outcome(StrEnum):
    """What the ordinance engine says of one requirement, and of the application as a whole."""

    met = "met"
    not_met = "not_met"
    needs_judgement = "needs_judgement"


class ApplicationStatus(StrEnum):
    """The application, then the designation it became (指定, 指定の取消し)."""

    draft = "draft"
    submitted = "submitted"
    under_review = "under_review"
    designated = "designated"
    rejected = "rejected"
    withdrawn = "withdrawn"
    revoked = "revoked"


class SupportKind(StrEnum):
    """Municipal support of a designated group (支援): a grant in yen, or information provided."""

    grant = "grant"
    information = "information"


class CoordinationStatus(StrEnum):
    """A coordination request (調整の求め) from the group to its municipality."""

    received = "received"
    in_coordination = "in_coordination"
    answered = "answered"


class SupervisionKind(StrEnum):
    """Acts of supervision by the mayor: a report request (報告の求め), a corrective order (措置命令)."""

    report_request = "report_request"
    corrective_order = "corrective_order"


class _Groups(EventPayload):
    service: ClassVar[str] = "groups"


class _GroupEvent(_Groups):
    aggregate: ClassVar[str] = "group"
    audience_fields: ClassVar[tuple[str, ...]] = ("group_id",)
    group_id: str
    municipality_code: LocalGovernmentCode


class OrdinanceProfileEnacted(_Groups):
    event_name: ClassVar[str] = "OrdinanceProfileEnacted"
    aggregate: ClassVar[str] = "ordinance_profile"
    description: ClassVar[str] = (
        "A municipality recorded a version of its ordinance (条例) on designated groups."
    )
    profile_id: str
    municipality_code: LocalGovernmentCode
    profile_version: int
    ordinance_title: str
    enacted_on: date
    effective_on: date
    min_resident_share: str = Field(description="decimal string in (0, 1]")
    min_members: int
    required_organisation_kinds: list[OrganisationKind] = Field(default_factory=list)
    min_required_kinds: int = 0
    activity_codes: list[str]
    article_items: list[str]
    required_documents: list[DocumentKind]
    report_due_days: int
    coordination_answer_days: int


class GroupApplicationDrafted(_GroupEvent):
    event_name: ClassVar[str] = "GroupApplicationDrafted"
    description: ClassVar[str] = "A group drafted or edited its application (counts only, no member data)."
    name: str
    revision: int
    member_count: int
    organisation_member_count: int


class GroupApplicationSubmitted(_GroupEvent):
    event_name: ClassVar[str] = "GroupApplicationSubmitted"
    description: ClassVar[str] = (
        "A group submitted its application; the profile in force that day governs it."
    )
    name: str
    submitted_on: date
    profile_version: int
    member_count: int
    organisation_member_count: int


class FindingSummary(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    requirement: str
    outcome: Outcome


class GroupApplicationReviewed(_GroupEvent):
    event_name: ClassVar[str] = "GroupApplicationReviewed"
    description: ClassVar[str] = "The ordinance checks ran on an application under review."
    profile_version: int
    outcome: Outcome
    findings: list[FindingSummary]


class GroupApplicationDecided(_GroupEvent):
    event_name: ClassVar[str] = "GroupApplicationDecided"
    description: ClassVar[str] = (
        "An application ended without designation: rejected by the municipality or withdrawn."
    )
    status: ApplicationStatus = Field(description="rejected or withdrawn")
    decided_on: date
    reasons: str | None = None


class GroupDesignated(_GroupEvent):
    event_name: ClassVar[str] = "GroupDesignated"
    description: ClassVar[str] = "The mayor designated the group (指定) and gave public notice (告示)."
    name: str
    office: str = Field(description="the group's office, as publicly noticed")
    area: str
    activity_codes: list[str]
    profile_version: int
    designated_on: date
    notice_number: str
    member_count: int


class GroupDesignationChanged(_GroupEvent):
    event_name: ClassVar[str] = "GroupDesignationChanged"
    description: ClassVar[str] = (
        "A designated group notified a change of name, office or representative, and it was noticed."
    )
    changed_fields: list[str] = Field(description="name, office and/or representative")
    name: str
    office: str
    changed_on: date
    notice_number: str


class GroupSupportGranted(_GroupEvent):
    event_name: ClassVar[str] = "GroupSupportGranted"
    description: ClassVar[str] = (
        "The municipality supported a designated group: a grant in yen, or information."
    )
    support_id: str
    kind: SupportKind
    amount_yen: int | None = Field(description="integer yen for a grant; null for information")
    fiscal_year: int
    purpose: str
    granted_on: date


class CoordinationRequested(_GroupEvent):
    event_name: ClassVar[str] = "CoordinationRequested"
    description: ClassVar[str] = "A designated group asked its municipality to coordinate (調整の求め)."
    request_id: str
    subject: str
    counterparties: list[str]
    received_on: date
    due_on: date


class CoordinationRequestUpdated(_GroupEvent):
    event_name: ClassVar[str] = "CoordinationRequestUpdated"
    description: ClassVar[str] = "A coordination request moved on: in coordination, or answered."
    request_id: str
    status: CoordinationStatus
    answered_on: date | None = None


class PropertyLeaseGranted(_GroupEvent):
    event_name: ClassVar[str] = "PropertyLeaseGranted"
    description: ClassVar[str] = "The municipality leased part of an administrative asset (行政財産の貸付け)."
    lease_id: str
    asset_id: str
    asset_name: str
    part: str | None = Field(description="the part leased; null for the whole asset")
    start_on: date
    end_on: date
    rent_yen: int = Field(description="rent over the period in integer yen; 0 when free")
    rent_reduced: bool


class ContractAwarded(_GroupEvent):
    event_name: ClassVar[str] = "ContractAwarded"
    description: ClassVar[str] = (
        "The municipality commissioned the group by no-bid contract (随意契約による委託)."
    )
    contract_id: str
    subject: str
    amount_yen: int
    fiscal_year: int
    start_on: date
    end_on: date
    awarded_on: date


class AnnualReportFiled(_GroupEvent):
    event_name: ClassVar[str] = "AnnualReportFiled"
    description: ClassVar[str] = "A designated group filed its annual report for a fiscal year."
    report_id: str
    fiscal_year: int
    filed_on: date


class SupervisionActIssued(_GroupEvent):
    event_name: ClassVar[str] = "SupervisionActIssued"
    description: ClassVar[str] = (
        "The mayor required a report (報告の求め) or ordered corrective measures (措置命令)."
    )
    act_id: str
    kind: SupervisionKind
    issued_on: date
    due_on: date | None = None
    summary: str


class GroupDesignationRevoked(_GroupEvent):
    event_name: ClassVar[str] = "GroupDesignationRevoked"
    description: ClassVar[str] = (
        "The mayor revoked the designation (指定の取消し); its active leases and contracts need review."
    )
    revoked_on: date
    reasons: str
    notice_number: str
    active_lease_ids: list[str] = Field(default_factory=list)
    active_contract_ids: list[str] = Field(default_factory=list)
