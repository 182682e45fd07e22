"""ORM tables of the agreements service."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import new_metadata
from sqlalchemy import JSON, Date, DateTime, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


class AgreementRow(Base):
    """A bilateral 連携協約 or 定住自立圏形成協定 (LAA art. 252-2)."""

    __tablename__ = "agreement"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    party_a_code: Mapped[str] = mapped_column(String(6), index=True)
    party_b_code: Mapped[str] = mapped_column(String(6), index=True)
    area_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    subjects: Mapped[list[Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20))
    concluded_on: Mapped[date] = mapped_column(Date)
    in_force_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    created_by_org: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
