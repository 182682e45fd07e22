"""Tables of the finance engine: rule overrides, dirty cells, current allocation lines, runs and actuals."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import BigIntPK, UTCDateTime
from sqlalchemy import JSON, BigInteger, Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from renkei_finance.adapters.orm.base import Base


class RuleRowRecord(Base):
    """A rule row added or overridden by `national`; it replaces the shipped row of the same id."""

    __tablename__ = "rule_row"

    rule_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    measure: Mapped[str] = mapped_column(String(60))
    fy_from: Mapped[int] = mapped_column(Integer)
    fy_to: Mapped[int | None] = mapped_column(Integer, nullable=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    row_version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(200))


EVERY_FY = 0  # DirtyCell.fiscal_year of a mark for every FY: the worker expands it to its horizon
DIRTY_CHANNEL = "finance.dirty"  # the commit of new marks wakes this process's recompute worker


class DirtyCell(Base):
    """A mark that the lines of (FY, recipient) may have changed; fiscal_year 0 means every FY of the horizon.

    Marks are only ever inserted (by consumers) and deleted by id (by the recompute worker), never
    updated: a consumer and the worker can then never conflict on a row, whatever they do at once.
    """

    __tablename__ = "dirty_cell"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    recipient_code: Mapped[str] = mapped_column(String(6))
    event_id: Mapped[str] = mapped_column(String(100))
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AllocationLineRecord(Base):
    """The current allocation line of one (FY, recipient, measure, key)."""

    __tablename__ = "allocation_line"

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    measure: Mapped[str] = mapped_column(String(60), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    amount_yen: Mapped[int] = mapped_column(BigInteger)
    rule_id: Mapped[str] = mapped_column(String(100))
    arithmetic: Mapped[str] = mapped_column(Text)
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    unconfirmed: Mapped[bool] = mapped_column(Boolean)
    estimate: Mapped[bool] = mapped_column(Boolean)
    run_id: Mapped[str] = mapped_column(String(36))


class AllocationRun(Base):
    """One recompute: what triggered it, which cells it covered and how every changed line moved."""

    __tablename__ = "allocation_run"

    run_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(20), doc="incremental or full")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime())
    trigger_event_ids: Mapped[list[Any]] = mapped_column(JSON)
    cells: Mapped[list[Any]] = mapped_column(JSON)
    changes: Mapped[list[Any]] = mapped_column(JSON)
    total_delta_yen: Mapped[int] = mapped_column(BigInteger)


class ActualAmount(Base):
    """The amount actually decided (決定額) for a recipient, measure and FY."""

    __tablename__ = "actual_amount"

    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    recipient_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    measure: Mapped[str] = mapped_column(String(60), primary_key=True)
    amount_yen: Mapped[int] = mapped_column(BigInteger)
    decided_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    row_version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
