"""Projections of the groups and staffing services: money to designated groups, dispatches and their costs."""

from __future__ import annotations

from datetime import date

from renkei_common.events.projection import ProjectionColumns
from sqlalchemy import JSON, BigInteger, Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from renkei_finance.adapters.orm.base import Base


class GroupProjection(ProjectionColumns, Base):
    """A designated group (指定地域共同活動団体); revocation is a tombstone."""

    __tablename__ = "group_projection"

    group_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    municipality_code: Mapped[str] = mapped_column(String(6))
    name: Mapped[str | None] = mapped_column(String(300), nullable=True)
    designated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revoked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    review_funding_ids: Mapped[list[str]] = mapped_column(
        JSON,
        default=list,
        doc="leases and contracts the revocation listed as active: to review (取消し後の見直し対象)",
    )


class GroupFundingProjection(ProjectionColumns, Base):
    """Municipal money or property going to a group: a grant, a lease's rent or a no-bid contract."""

    __tablename__ = "group_funding_projection"

    funding_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), doc="grant, lease or contract")
    group_id: Mapped[str] = mapped_column(String(36))
    municipality_code: Mapped[str] = mapped_column(String(6))
    fiscal_year: Mapped[int] = mapped_column(Integer)
    amount_yen: Mapped[int] = mapped_column(BigInteger)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (Index("ix_group_funding_projection_code", "municipality_code", "fiscal_year"),)


class DispatchProjection(ProjectionColumns, Base):
    """A specialist's dispatch from an employer to a municipality; its end is a tombstone.

    `status` is active, flagged (its 連携協約 stopped covering it: `DispatchFlagged`) or ended. The flag
    stays once seen, also after the end: from `flag_terminated_on` its costs are not eligible.
    """

    __tablename__ = "dispatch_projection"

    dispatch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    employer_code: Mapped[str] = mapped_column(String(6))
    receiving_code: Mapped[str] = mapped_column(String(6))
    agreement_id: Mapped[str] = mapped_column(String(36))
    profession_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    flag_terminated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    flag_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)


class StaffingCostProjection(ProjectionColumns, Base):
    """A recruitment or personnel cost of a specialist, with the eligible part as staffing assessed it."""

    __tablename__ = "staffing_cost_projection"

    cost_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    employer_code: Mapped[str] = mapped_column(String(6))
    receiving_code: Mapped[str | None] = mapped_column(String(6), nullable=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_yen: Mapped[int] = mapped_column(BigInteger)
    eligible_yen: Mapped[int] = mapped_column(BigInteger)
    dispatch_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (Index("ix_staffing_cost_projection_employer", "employer_code", "fiscal_year"),)
