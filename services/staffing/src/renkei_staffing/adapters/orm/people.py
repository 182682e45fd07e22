"""Professions (職種) and specialists (専門人材); name, contact and licence numbers are personal data."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from renkei_staffing.adapters.orm.base import Base, Versioned, code_column, id_column


class ProfessionRow(Versioned, Base):
    __tablename__ = "staffing_profession"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    required_licences: Mapped[list[Any]] = mapped_column(JSON)
    covered_by_measure: Mapped[bool] = mapped_column(Boolean)
    description: Mapped[str] = mapped_column(String(1000))


class SpecialistRow(Versioned, Base):
    __tablename__ = "staffing_specialist"

    id: Mapped[str] = id_column()
    profession_code: Mapped[str] = mapped_column(String(40), index=True)
    employer_code: Mapped[str] = code_column(index=True)
    employed_from: Mapped[date] = mapped_column(Date)
    employed_until: Mapped[date] = mapped_column(Date)
    # Personal data: shown only to the employer, and to the receiving municipality during a dispatch.
    name: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(Text, nullable=True)
    # [{kind, number, valid_from, expires_on}]; numbers are personal data too.
    licences: Mapped[list[Any]] = mapped_column(JSON)
    # When all of the profession's required licences are held (domain.specialists.licence_window), kept
    # beside the licences so that candidate matching filters and scores in SQL; null: unlimited.
    licence_valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    licence_valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
