"""The commands use cases take: plain frozen dataclasses, never request schemas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from renkei_groups.domain.kinds import (
    CoordinationStatus,
    DocumentKind,
    MemberKind,
    OrganisationKind,
    SupervisionKind,
    SupportKind,
)


@dataclass(frozen=True)
class LabelledCode:
    code: str
    label: str


@dataclass(frozen=True)
class MembershipRulesInput:
    """Shares as decimal strings; None keeps the shipped default."""

    min_resident_share: str | None = None
    organisation_resident_share: str | None = None
    min_members: int | None = None
    required_organisation_kinds: tuple[OrganisationKind, ...] = ()
    min_required_kinds: int | None = None


@dataclass(frozen=True)
class EnactProfile:
    """A version of the municipality's ordinance; what it leaves out comes from the default profile."""

    municipality_code: str
    ordinance_title: str
    enacted_on: date
    effective_on: date
    activities: tuple[LabelledCode, ...] | None = None
    membership: MembershipRulesInput | None = None
    additional_article_items: tuple[LabelledCode, ...] = ()
    required_documents: tuple[DocumentKind, ...] | None = None
    report_due_days: int | None = None
    coordination_answer_days: int | None = None
    judgement_items: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Representative:
    name: str
    address: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class MemberInput:
    kind: MemberKind
    name: str
    resident: bool = False
    organisation_kind: OrganisationKind | None = None
    resident_share: str | None = None
    address: str | None = None
    contact: str | None = None


@dataclass(frozen=True)
class ActivityInput:
    code: str
    description: str | None = None


@dataclass(frozen=True)
class DocumentInput:
    kind: DocumentKind
    title: str
    reference: str | None = None


@dataclass(frozen=True)
class DraftApplication:
    municipality_code: str
    name: str
    office: str
    area: str
    representative: Representative
    members: tuple[MemberInput, ...]
    activities: tuple[ActivityInput, ...]
    article_items: tuple[str, ...]
    documents: tuple[DocumentInput, ...]


@dataclass(frozen=True)
class SubmitApplication:
    submitted_on: date | None = None


@dataclass(frozen=True)
class Decide:
    """Designation (with its 告示) or rejection, with reasons."""

    decided_on: date
    reasons: str
    notice_number: str | None = None


@dataclass(frozen=True)
class Withdraw:
    withdrawn_on: date | None = None


@dataclass(frozen=True)
class RecordChange:
    """A notified change of name, office or representative, and its 告示."""

    changed_on: date
    notice_number: str
    name: str | None = None
    office: str | None = None
    representative: Representative | None = None


@dataclass(frozen=True)
class GrantSupport:
    kind: SupportKind
    fiscal_year: int
    purpose: str
    granted_on: date
    amount_yen: int | None = None


@dataclass(frozen=True)
class RequestCoordination:
    subject: str
    counterparties: tuple[str, ...]
    received_on: date | None = None


@dataclass(frozen=True)
class AdvanceCoordination:
    status: CoordinationStatus
    answer: str | None = None
    answered_on: date | None = None


@dataclass(frozen=True)
class GrantLease:
    asset_id: str
    asset_name: str
    start_on: date
    end_on: date
    rent_yen: int
    rent_reduced: bool = False
    part: str | None = None


@dataclass(frozen=True)
class AwardContract:
    subject: str
    amount_yen: int
    fiscal_year: int
    start_on: date
    end_on: date
    awarded_on: date


@dataclass(frozen=True)
class FileReport:
    fiscal_year: int
    summary: str
    filed_on: date | None = None


@dataclass(frozen=True)
class IssueSupervisionAct:
    kind: SupervisionKind
    issued_on: date
    summary: str
    due_on: date | None = None


@dataclass(frozen=True)
class Revoke:
    revoked_on: date
    reasons: str
    notice_number: str
