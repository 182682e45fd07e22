"""Proposals put to an area's or an agreement's partners, and each partner's stated positions over time."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import UTCDateTime
from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renkei_agreements.adapters.orm.base import Base, Versioned, code_column, enum_column, id_column
from renkei_agreements.domain.consensus import DecisionMethod, Position
from renkei_agreements.domain.vocabulary import ProposalSubject


class ProposalRow(Versioned, Base):
    __tablename__ = "proposal"

    id: Mapped[str] = id_column()
    subject_type: Mapped[ProposalSubject] = enum_column(ProposalSubject)
    subject_id: Mapped[str] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    proposer_code: Mapped[str] = code_column()
    partner_codes: Mapped[list[Any]] = mapped_column(JSON)
    # Copied from the subject's consensus rules when the proposal opened, so later edits do not rewrite it.
    decision_method: Mapped[DecisionMethod | None] = enum_column(DecisionMethod, length=30, nullable=True)
    opened_on: Mapped[date] = mapped_column(Date)

    positions: Mapped[list[PositionRow]] = relationship(
        lazy="selectin", order_by="PositionRow.recorded_at", cascade="all, delete-orphan"
    )


class PositionRow(Base):
    """Who said what and when: append-only, the latest row per partner is its current position."""

    __tablename__ = "proposal_position"

    id: Mapped[str] = id_column()
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    partner_code: Mapped[str] = code_column()
    position: Mapped[Position] = enum_column(Position)
    reasons: Mapped[str | None] = mapped_column(Text, nullable=True)
    stated_on: Mapped[date] = mapped_column(Date)
    recorded_by_org: Mapped[str] = mapped_column(String(20))
    recorded_by_sub: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
