"""Recruitment campaigns (募集), needs of municipalities, dispatches (派遣) and their costs in integer yen."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import UTCDateTime
from sqlalchemy import JSON, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from renkei_staffing.adapters.orm.base import Base, Versioned, code_column, enum_column, id_column, yen_column
from renkei_staffing.domain.enums import (
    CostKind,
    DispatchStatus,
    EndReason,
    FlagReason,
    NeedStatus,
    RecruitmentCostItem,
)


class RecruitmentRow(Versioned, Base):
    __tablename__ = "staffing_recruitment"

    id: Mapped[str] = id_column()
    employer_code: Mapped[str] = code_column(index=True)
    profession_code: Mapped[str] = mapped_column(String(40))
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(300))
    headcount_sought: Mapped[int] = mapped_column(Integer)
    headcount_hired: Mapped[int] = mapped_column(Integer)


class NeedRow(Versioned, Base):
    __tablename__ = "staffing_need"

    id: Mapped[str] = id_column()
    municipality_code: Mapped[str] = code_column(index=True)
    profession_code: Mapped[str] = mapped_column(String(40))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    workload_percent: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[NeedStatus] = enum_column(NeedStatus, index=True)
    dispatch_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class DispatchRow(Versioned, Base):
    __tablename__ = "staffing_dispatch"
    __table_args__ = (Index("ix_staffing_dispatch_specialist_period", "specialist_id", "starts_on"),)

    id: Mapped[str] = id_column()
    specialist_id: Mapped[str] = mapped_column(String(36))
    profession_code: Mapped[str] = mapped_column(String(40))
    employer_code: Mapped[str] = code_column(index=True)
    receiving_code: Mapped[str] = code_column(index=True)
    agreement_id: Mapped[str] = mapped_column(String(36), index=True)
    need_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    status: Mapped[DispatchStatus] = enum_column(DispatchStatus, index=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[EndReason | None] = enum_column(EndReason, nullable=True)
    end_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Set when the 連携協約 was terminated before the dispatch ends: listed for action.
    flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    agreement_terminated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    flag_reason: Mapped[FlagReason | None] = enum_column(FlagReason, nullable=True)

    @property
    def last_day(self) -> date:
        """The last day the specialist is (or was) booked: an early end frees the rest."""
        return self.ended_on if self.ended_on is not None else self.ends_on


class CostRow(Versioned, Base):
    """One recorded cost line; append-only (version 1 for ever), so the audit and the events agree."""

    __tablename__ = "staffing_cost"

    id: Mapped[str] = id_column()
    kind: Mapped[CostKind] = enum_column(CostKind)
    employer_code: Mapped[str] = code_column(index=True)
    profession_code: Mapped[str] = mapped_column(String(40))
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_yen: Mapped[int] = yen_column()
    item: Mapped[RecruitmentCostItem | None] = enum_column(RecruitmentCostItem, nullable=True)
    breakdown: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    recruitment_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    dispatch_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
