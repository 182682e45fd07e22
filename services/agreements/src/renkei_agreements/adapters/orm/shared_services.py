"""Shared facilities and joint tasks (公共施設の集約化・共同利用, 事務の共同実施) and their cost sharing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from renkei_common.db import UTCDateTime
from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from renkei_agreements.adapters.orm.base import Base, Versioned, code_column, enum_column, id_column
from renkei_agreements.domain.shared_services import Consent, ConsentBasis
from renkei_agreements.domain.vocabulary import SharedServiceCategory


class SharedServiceRow(Versioned, Base):
    __tablename__ = "shared_service"

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(300))
    category: Mapped[SharedServiceCategory] = enum_column(SharedServiceCategory)
    area_id: Mapped[str | None] = mapped_column(ForeignKey("area.id"), index=True, nullable=True)
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"), nullable=True)
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    lead_code: Mapped[str] = code_column()

    members: Mapped[list[SharedServiceMemberRow]] = relationship(
        lazy="selectin", order_by="SharedServiceMemberRow.position", cascade="all, delete-orphan"
    )
    cost_sharings: Mapped[list[CostSharingRow]] = relationship(
        lazy="selectin", order_by="CostSharingRow.fiscal_year", cascade="all, delete-orphan"
    )

    @property
    def member_codes(self) -> list[str]:
        return [m.code for m in self.members]

    @property
    def consents(self) -> dict[str, ConsentBasis | None]:
        return {m.code: m.consent_basis for m in self.members}


class SharedServiceMemberRow(Base):
    __tablename__ = "shared_service_member"

    shared_service_id: Mapped[str] = mapped_column(ForeignKey("shared_service.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(6), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)
    # None while the member has not consented (it may not be billed until it does).
    consent_basis: Mapped[ConsentBasis | None] = enum_column(ConsentBasis, nullable=True)
    consented_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    @property
    def consent(self) -> Consent:
        return Consent.PENDING if self.consent_basis is None else Consent.CONSENTED


class CostSharingRow(Base):
    """The agreed sharing of one fiscal year's cost: the formula, its inputs and each member's yen."""

    __tablename__ = "cost_sharing"
    __table_args__ = (UniqueConstraint("shared_service_id", "fiscal_year"),)

    id: Mapped[str] = id_column()
    shared_service_id: Mapped[str] = mapped_column(ForeignKey("shared_service.id"), index=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    cost_yen: Mapped[int] = mapped_column(BigInteger)
    # Decimal strings, kept exactly as agreed.
    equal_weight: Mapped[str] = mapped_column(String(12))
    population_weight: Mapped[str] = mapped_column(String(12))
    usage_weight: Mapped[str] = mapped_column(String(12))
    remainder_to: Mapped[str] = code_column()
    # [{code, population, population_year, usage, fiscal_need_yen, tonnage, share_yen, classes: [...]}]
    members: Mapped[list[Any]] = mapped_column(JSON)
    # {rounding, classes: [{cost_class, cost_yen, schedule: [{from_fy, to_fy, weights}]}]}; None on sharings
    # agreed before cost classes existed, whose formula is the three weights above as one class.
    formula: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    agreed_on: Mapped[date] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(Integer)
    recorded_by_org: Mapped[str] = mapped_column(String(20))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())

    @property
    def weights(self) -> dict[str, str]:
        return {"equal": self.equal_weight, "population": self.population_weight, "usage": self.usage_weight}

    @property
    def rounding(self) -> str:
        return self.formula["rounding"] if self.formula else "floor_to_yen"

    @property
    def classes(self) -> list[dict[str, Any]]:
        """Each cost class with its schedule and the weights applied in this FY (one class if no formula)."""
        if self.formula is None:
            period = {"from_fy": None, "to_fy": None, "weights": self.weights}
            return [
                {
                    "cost_class": "operation",
                    "cost_yen": self.cost_yen,
                    "weights": self.weights,
                    "schedule": [period],
                }
            ]
        return [
            {**c, "weights": next(p["weights"] for p in c["schedule"] if _covers(p, self.fiscal_year))}
            for c in self.formula["classes"]
        ]

    @property
    def population_sources(self) -> list[str]:
        """Attribution of the population figures the sharing used, once each."""
        return sorted({m["population_source"] for m in self.members if m.get("population_source")})


def _covers(period: dict[str, Any], fiscal_year: int) -> bool:
    return (period["from_fy"] is None or period["from_fy"] <= fiscal_year) and (
        period["to_fy"] is None or fiscal_year <= period["to_fy"]
    )
