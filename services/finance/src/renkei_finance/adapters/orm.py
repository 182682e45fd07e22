"""ORM tables of the finance service: projections of other services' events."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import new_metadata
from sqlalchemy import JSON, Date, DateTime, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


class AgreementProjection(Base):
    """The finance view of an agreement: who is bound, from when, in which version."""

    __tablename__ = "agreement_projection"

    agreement_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    party_codes: Mapped[list[Any]] = mapped_column(JSON)
    area_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    in_force_on: Mapped[date] = mapped_column(Date)
    terminated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    last_event_id: Mapped[str] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
