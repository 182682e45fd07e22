"""Agreements (連携協約 / 定住自立圏形成協定): versions, procedures with their steps, and optional records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import UTCDateTime
from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renkei_agreements.adapters.orm.base import Base, Versioned, code_column, enum_column, id_column
from renkei_agreements.domain.lifecycle import Purpose, Status, Step
from renkei_agreements.domain.vocabulary import (
    AgreementKind,
    Authority,
    DisputeStatus,
    PartyRole,
    ProcedureStatus,
    VersionStatus,
)


class AgreementRow(Versioned, Base):
    __tablename__ = "agreement"

    id: Mapped[str] = id_column()
    kind: Mapped[AgreementKind] = enum_column(AgreementKind, length=40)
    party_a_code: Mapped[str] = code_column(index=True)
    party_b_code: Mapped[str] = code_column(index=True)
    party_a_role: Mapped[PartyRole] = enum_column(PartyRole)
    party_b_role: Mapped[PartyRole] = enum_column(PartyRole)
    area_id: Mapped[str | None] = mapped_column(ForeignKey("area.id"), index=True, nullable=True)
    status: Mapped[Status] = enum_column(Status, index=True)
    in_force_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    latest_version: Mapped[int] = mapped_column(Integer)
    consensus_rules: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    versions: Mapped[list[AgreementVersionRow]] = relationship(
        lazy="selectin", order_by="AgreementVersionRow.number", cascade="all, delete-orphan"
    )
    procedures: Mapped[list[ProcedureRow]] = relationship(
        lazy="selectin", order_by="ProcedureRow.opened_at", cascade="all, delete-orphan"
    )


class AgreementVersionRow(Base):
    """The content of one version: what the parties agreed, and when it was in force."""

    __tablename__ = "agreement_version"
    __table_args__ = (UniqueConstraint("agreement_id", "number"),)

    id: Mapped[str] = id_column()
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    policy: Mapped[str | None] = mapped_column(Text, nullable=True)  # 基本方針
    subjects: Mapped[list[Any]] = mapped_column(JSON)
    role_division: Mapped[list[Any]] = mapped_column(JSON)  # 役割分担
    status: Mapped[VersionStatus] = enum_column(VersionStatus)
    in_force_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProcedureRow(Base):
    """A conclusion, amendment or termination procedure and the steps taken so far."""

    __tablename__ = "agreement_procedure"

    id: Mapped[str] = id_column()
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    purpose: Mapped[Purpose] = enum_column(Purpose)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[ProcedureStatus] = enum_column(ProcedureStatus)
    effective_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    notification_targets: Mapped[list[Any]] = mapped_column(JSON)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    steps: Mapped[list[StepRow]] = relationship(
        lazy="selectin", order_by="StepRow.recorded_at", cascade="all, delete-orphan"
    )


class StepRow(Base):
    __tablename__ = "agreement_step"

    id: Mapped[str] = id_column()
    procedure_id: Mapped[str] = mapped_column(ForeignKey("agreement_procedure.id"), index=True)
    step: Mapped[Step] = enum_column(Step, length=30)
    party_code: Mapped[str | None] = code_column(nullable=True)
    taken_on: Mapped[date] = mapped_column(Date)
    number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    recorded_by_org: Mapped[str] = mapped_column(String(20))
    recorded_by_sub: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RecommendationRow(Base):
    """A recommendation (勧告, LAA art. 252-2 para. 5) received from the minister or a governor."""

    __tablename__ = "agreement_recommendation"

    id: Mapped[str] = id_column()
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    issued_by: Mapped[Authority] = enum_column(Authority)
    issuer_code: Mapped[str | None] = code_column(nullable=True)
    received_on: Mapped[date] = mapped_column(Date)
    reference_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    summary: Mapped[str] = mapped_column(Text)
    recorded_by_org: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DisputeRow(Base):
    """An application for a settlement plan by 自治紛争処理委員 (LAA art. 252-2 para. 7), and its plan."""

    __tablename__ = "agreement_dispute"

    id: Mapped[str] = id_column()
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreement.id"), index=True)
    applicant_code: Mapped[str] = code_column()
    applied_on: Mapped[date] = mapped_column(Date)
    matter: Mapped[str] = mapped_column(Text)
    authority: Mapped[list[Any]] = mapped_column(JSON)  # who appoints the commissioners
    status: Mapped[DisputeStatus] = enum_column(DisputeStatus)
    plan_presented_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    plan_summary: Mapped[str | None] = mapped_column(Text, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by_org: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
