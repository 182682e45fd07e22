"""Projections of the agreements service: governments, agreements, areas, visions and cost sharing."""

from __future__ import annotations

from datetime import date
from typing import Any

from renkei_common.events.projection import ProjectionColumns
from renkei_common.refdata.projection import GOVERNMENT_TABLE, GovernmentColumns
from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from renkei_finance.adapters.orm.base import Base


class Government(GovernmentColumns, Base):
    """Governments changed since the shipped census registry (MunicipalityUpdated), see ADR 0007."""

    __tablename__ = GOVERNMENT_TABLE


class AgreementProjection(ProjectionColumns, Base):
    """The finance view of an agreement: who is bound, from when, in which version, and whether it ended.

    A termination that arrives before the signing creates the row as a tombstone; the signing then only
    fills in the dates the termination did not carry (see consumers/agreements.py).
    """

    __tablename__ = "agreement_projection"

    agreement_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    party_codes: Mapped[list[Any]] = mapped_column(JSON)
    area_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    concluded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    in_force_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    terminated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))


class AgreementPartyProjection(Base):
    """One party of a projected agreement: what the read policy filters on in SQL."""

    __tablename__ = "agreement_party_projection"

    agreement_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("agreement_projection.agreement_id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))

    __table_args__ = (Index("ix_agreement_party_projection_code", "code"),)


class AreaProjection(ProjectionColumns, Base):
    """An area (連携中枢都市圏, 定住自立圏 or other) with its centres; members are in their own table."""

    __tablename__ = "area_projection"

    area_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    area_type: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    centre_codes: Mapped[list[Any]] = mapped_column(JSON)
    declared_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class AreaMemberProjection(Base):
    """A member's role in an area over a period; replaced whole by every newer area event."""

    __tablename__ = "area_member_projection"

    area_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("area_projection.area_id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    since: Mapped[date] = mapped_column(Date, primary_key=True)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    role: Mapped[str] = mapped_column(String(20))

    __table_args__ = (Index("ix_area_member_projection_code", "code"),)


class VisionProjection(ProjectionColumns, Base):
    """An adopted area vision (都市圏ビジョン or 共生ビジョン) and the FYs it covers."""

    __tablename__ = "vision_projection"

    vision_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    area_id: Mapped[str] = mapped_column(String(36))
    area_type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    first_fiscal_year: Mapped[int] = mapped_column(Integer)
    last_fiscal_year: Mapped[int] = mapped_column(Integer)
    adopted_on: Mapped[date] = mapped_column(Date)


class VisionBudgetProjection(Base):
    """One vision project's budget for one FY and one municipality, in integer yen."""

    __tablename__ = "vision_budget_projection"

    vision_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("vision_projection.vision_id", ondelete="CASCADE"), primary_key=True
    )
    project_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    project_name: Mapped[str] = mapped_column(String(300))
    field: Mapped[str] = mapped_column(String(100))
    bond_eligibility: Mapped[str | None] = mapped_column(String(100), nullable=True)
    amount_yen: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_vision_budget_projection_code", "municipality_code", "fiscal_year"),)


class CostSharingProjection(ProjectionColumns, Base):
    """The agreed sharing of one shared service's cost for one FY (CostSharingAgreed, newest revision)."""

    __tablename__ = "cost_sharing_projection"

    shared_service_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(20))
    area_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    cost_yen: Mapped[int] = mapped_column(BigInteger)
    formula: Mapped[dict[str, Any]] = mapped_column(
        JSON, doc="the weights and the remainder rule agreements applied, as it published them"
    )
    revision: Mapped[int] = mapped_column(Integer)
    agreed_on: Mapped[date] = mapped_column(Date)


class CostShareProjection(Base):
    """One member's contribution (負担金) to a shared service in one FY, as agreements computed it."""

    __tablename__ = "cost_share_projection"

    shared_service_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    share_yen: Mapped[int] = mapped_column(BigInteger)
    population: Mapped[int | None] = mapped_column(Integer, nullable=True)
    usage: Mapped[str | None] = mapped_column(String(40), nullable=True, doc="usage figure, a decimal string")

    __table_args__ = (Index("ix_cost_share_projection_code", "municipality_code", "fiscal_year"),)
