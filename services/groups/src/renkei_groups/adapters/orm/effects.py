"""Effects of a designation: support, coordination requests, leases, no-bid contracts; and supervision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from renkei_groups.adapters.orm.base import (
    Base,
    Versioned,
    code_column,
    enum_column,
    id_column,
    moment_column,
    yen_column,
)
from renkei_groups.domain.kinds import CoordinationStatus, SupervisionKind, SupportKind


def _group_fk() -> Mapped[str]:
    return mapped_column(ForeignKey("community_group.id"), index=True)


class SupportRow(Base):
    __tablename__ = "group_support"

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = _group_fk()
    municipality_code: Mapped[str] = code_column()
    kind: Mapped[SupportKind] = enum_column(SupportKind)
    amount_yen: Mapped[int | None] = yen_column(nullable=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(1000))
    granted_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = moment_column()


class CoordinationRequestRow(Versioned, Base):
    """調整の求め: tracked from receipt until answered."""

    __tablename__ = "coordination_request"

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = _group_fk()
    municipality_code: Mapped[str] = code_column(index=True)
    subject: Mapped[str] = mapped_column(String(1000))
    counterparties: Mapped[list[Any]] = mapped_column(JSON)
    status: Mapped[CoordinationStatus] = enum_column(CoordinationStatus, index=True)
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class LeasedAssetRow(Versioned, Base):
    """An administrative asset of a municipality; locked while a lease of it is checked for overlaps."""

    __tablename__ = "leased_asset"
    __table_args__ = (UniqueConstraint("municipality_code", "asset_id"),)

    id: Mapped[str] = id_column()
    municipality_code: Mapped[str] = code_column()
    asset_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))


class LeaseRow(Base):
    """行政財産の貸付け."""

    __tablename__ = "property_lease"

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = _group_fk()
    municipality_code: Mapped[str] = code_column()
    leased_asset_id: Mapped[str] = mapped_column(ForeignKey("leased_asset.id"), index=True)
    asset_id: Mapped[str] = mapped_column(String(100))
    asset_name: Mapped[str] = mapped_column(String(300))
    part: Mapped[str | None] = mapped_column(String(300), nullable=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    rent_yen: Mapped[int] = yen_column()
    rent_reduced: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = moment_column()


class ContractRow(Base):
    """随意契約による委託."""

    __tablename__ = "no_bid_contract"

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = _group_fk()
    municipality_code: Mapped[str] = code_column(index=True)
    subject: Mapped[str] = mapped_column(String(1000))
    amount_yen: Mapped[int] = yen_column()
    fiscal_year: Mapped[int] = mapped_column(Integer)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    awarded_on: Mapped[date] = mapped_column(Date)
    awarded_at: Mapped[datetime] = moment_column()


class AnnualReportRow(Base):
    __tablename__ = "annual_report"
    __table_args__ = (UniqueConstraint("group_id", "fiscal_year"),)

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = _group_fk()
    fiscal_year: Mapped[int] = mapped_column(Integer)
    filed_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = moment_column()


class SupervisionActRow(Base):
    """報告の求め or 措置命令."""

    __tablename__ = "supervision_act"

    id: Mapped[str] = id_column()
    group_id: Mapped[str] = _group_fk()
    municipality_code: Mapped[str] = code_column()
    kind: Mapped[SupervisionKind] = enum_column(SupervisionKind)
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    summary: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = moment_column()
