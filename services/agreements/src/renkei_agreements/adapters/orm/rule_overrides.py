"""Approved exceptions to a blocking requirement rule (e.g. the 定住自立圏 centre floor), as recorded."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from renkei_agreements.adapters.orm.base import Base, Versioned, code_column, id_column


class RuleOverrideRow(Versioned, Base):
    """One override as approved (by whom, when, why) and recorded (created_by_org, recorded_by_sub)."""

    __tablename__ = "rule_override"

    id: Mapped[str] = id_column()
    rule: Mapped[str] = mapped_column(String(80))
    centre_code: Mapped[str] = code_column(index=True)
    reason: Mapped[str] = mapped_column(Text)
    approved_by: Mapped[str] = mapped_column(String(200))
    approved_on: Mapped[date] = mapped_column(Date)
    recorded_by_sub: Mapped[str] = mapped_column(String(200))
