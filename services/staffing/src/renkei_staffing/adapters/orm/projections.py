"""What the staffing service knows of other services: agreements and governments, from their events."""

from __future__ import annotations

from datetime import date
from typing import Any

from renkei_common.events.projection import ProjectionColumns
from renkei_common.refdata.projection import GOVERNMENT_TABLE, GovernmentColumns
from sqlalchemy import JSON, Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from renkei_staffing.adapters.orm.base import Base


class AgreementProjection(ProjectionColumns, Base):
    """A 連携協約 or 定住自立圏形成協定 as the agreements service announced it; never written by this API."""

    __tablename__ = "staffing_agreement_projection"

    agreement_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    party_codes: Mapped[list[Any]] = mapped_column(JSON)
    in_force_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    terminated_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class Government(GovernmentColumns, Base):
    __tablename__ = GOVERNMENT_TABLE
