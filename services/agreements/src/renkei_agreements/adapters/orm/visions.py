"""Area visions with their projects, budgets, KPIs and the actual values reported for each fiscal year."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import UTCDateTime
from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renkei_agreements.adapters.orm.base import Base, Versioned, enum_column, id_column
from renkei_agreements.domain.vocabulary import AreaType, BondField, VisionStatus


class VisionRow(Versioned, Base):
    __tablename__ = "vision"

    id: Mapped[str] = id_column()
    area_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    area_type: Mapped[AreaType] = enum_column(AreaType)
    title: Mapped[str] = mapped_column(String(300))
    first_fiscal_year: Mapped[int] = mapped_column(Integer)
    last_fiscal_year: Mapped[int] = mapped_column(Integer)
    status: Mapped[VisionStatus] = enum_column(VisionStatus)
    adopted_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    projects: Mapped[list[ProjectRow]] = relationship(
        lazy="selectin", order_by="ProjectRow.position", cascade="all, delete-orphan"
    )
    kpis: Mapped[list[KpiRow]] = relationship(
        lazy="selectin", order_by="KpiRow.position", cascade="all, delete-orphan"
    )


class ProjectRow(Base):
    __tablename__ = "vision_project"

    id: Mapped[str] = id_column()
    vision_id: Mapped[str] = mapped_column(ForeignKey("vision.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    field: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(40))
    bond_eligibility: Mapped[BondField | None] = enum_column(BondField, length=40, nullable=True)
    # [{fiscal_year, municipality_code, amount_yen}], integer yen
    budgets: Mapped[list[Any]] = mapped_column(JSON)

    @property
    def total_yen(self) -> int:
        return sum(int(b["amount_yen"]) for b in self.budgets)


class KpiRow(Base):
    __tablename__ = "vision_kpi"

    id: Mapped[str] = id_column()
    vision_id: Mapped[str] = mapped_column(ForeignKey("vision.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    project_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    name: Mapped[str] = mapped_column(String(300))
    unit: Mapped[str] = mapped_column(String(50))
    baseline_fiscal_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    baseline_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    targets: Mapped[list[Any]] = mapped_column(JSON)  # [[fiscal_year, value]]

    # Reports accumulate, so they are loaded only where shown (lazy="raise" catches any other access);
    # only draft KPIs are ever deleted and those have no reports, hence passive_deletes.
    actuals: Mapped[list[KpiActualRow]] = relationship(
        lazy="raise", order_by="KpiActualRow.recorded_at", cascade="save-update, merge", passive_deletes="all"
    )


class KpiActualRow(Base):
    """A reported actual value; a later report for the same year corrects it and both are kept."""

    __tablename__ = "kpi_actual"

    id: Mapped[str] = id_column()
    kpi_id: Mapped[str] = mapped_column(ForeignKey("vision_kpi.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    reported_on: Mapped[date] = mapped_column(Date)
    recorded_by_org: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
