"""Ordinance profiles: one row per version of a municipality's ordinance, never changed once recorded."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from renkei_groups.adapters.orm.base import Base, Versioned, code_column, id_column


class OrdinanceProfileRow(Versioned, Base):
    __tablename__ = "ordinance_profile"
    __table_args__ = (UniqueConstraint("municipality_code", "profile_version"),)

    id: Mapped[str] = id_column()
    municipality_code: Mapped[str] = code_column(index=True)
    profile_version: Mapped[int] = mapped_column(Integer)
    ordinance_title: Mapped[str] = mapped_column(String(300))
    enacted_on: Mapped[date] = mapped_column(Date)
    effective_on: Mapped[date] = mapped_column(Date)
    # Shares as decimal strings, kept exactly as enacted.
    min_resident_share: Mapped[str] = mapped_column(String(12))
    organisation_resident_share: Mapped[str] = mapped_column(String(12))
    min_members: Mapped[int] = mapped_column(Integer)
    required_organisation_kinds: Mapped[list[Any]] = mapped_column(JSON)
    min_required_kinds: Mapped[int] = mapped_column(Integer)
    activities: Mapped[list[Any]] = mapped_column(JSON)  # [{code, label}]
    article_items: Mapped[list[Any]] = mapped_column(JSON)  # [{code, label}]
    required_documents: Mapped[list[Any]] = mapped_column(JSON)
    judgement_items: Mapped[list[Any]] = mapped_column(JSON)
    report_due_days: Mapped[int] = mapped_column(Integer)
    coordination_answer_days: Mapped[int] = mapped_column(Integer)
