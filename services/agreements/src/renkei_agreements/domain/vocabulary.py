"""The agreements service's names for states, kinds and roles: one StrEnum each, used by every layer.

The domain, the tables (stored by value), the API schemas and the event contracts all use these, so one
value means one thing everywhere. Names that appear in events are published with the contracts
(renkei_common.events.contracts) and re-exported here; the lifecycle's Status, Step and Purpose live in
domain.lifecycle and the consensus positions in domain.consensus.
"""

from __future__ import annotations

from enum import StrEnum

from renkei_common.events.contracts import (
    AgreementKind,
    AreaChange,
    AreaType,
    Confidence,
    DeclarationKind,
    SharedServiceCategory,
)

__all__ = [
    "AgreementKind",
    "AreaChange",
    "AreaType",
    "Authority",
    "BondField",
    "Confidence",
    "DeclarationKind",
    "DisputeStatus",
    "MemberRole",
    "PartyRole",
    "ProcedureStatus",
    "ProposalOutcome",
    "ProposalSubject",
    "SharedServiceCategory",
    "SubjectType",
    "VersionStatus",
    "VisionStatus",
]


class VersionStatus(StrEnum):
    """Where one version of an agreement stands."""

    PENDING = "pending"  # its procedure is under way
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"  # an amendment replaced it
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"  # its procedure was abandoned


class ProcedureStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class PartyRole(StrEnum):
    """A party's role in an agreement: centre or partner within an area, otherwise party."""

    CENTRE = "centre"
    PARTNER = "partner"
    PARTY = "party"


class MemberRole(StrEnum):
    """A government's role in an area for a period."""

    CENTRE = "centre"  # 中心市 / 連携中枢都市
    PARTNER = "partner"  # 連携市町村
    OBSERVER = "observer"


class Authority(StrEnum):
    """Who an agreement is notified to (届出) and who recommends (勧告): 総務大臣 or a 都道府県知事."""

    MINISTER = "minister"
    GOVERNOR = "governor"


class DisputeStatus(StrEnum):
    APPLIED = "applied"
    PLAN_PRESENTED = "plan_presented"
    CLOSED = "closed"


class VisionStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"  # 策定


class SubjectType(StrEnum):
    """What the parties of an agreement do together."""

    POLICY_FIELD = "policy_field"
    JOINT_TASK = "joint_task"
    SHARED_FACILITY = "shared_facility"
    STAFFING_COOPERATION = "staffing_cooperation"


class BondField(StrEnum):
    """Fields in which 地域活性化事業債 covers 定住自立圏 projects."""

    MEDICAL_WELFARE = "medical_welfare"
    INDUSTRY = "industry"
    PUBLIC_TRANSPORT = "public_transport"


class ProposalSubject(StrEnum):
    AREA = "area"
    AGREEMENT = "agreement"


class ProposalOutcome(StrEnum):
    """Where a proposal stands under its subject's decision method."""

    REACHED = "reached"
    PENDING = "pending"
    BLOCKED = "blocked"  # an unresolved objection under unanimity
