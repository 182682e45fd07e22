"""The municipality registry: live reference data seeded from the packaged census figures."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from renkei_common.db import UTCDateTime
from renkei_common.refdata import Flag, Kind
from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from renkei_agreements.adapters.orm.base import Base, enum_column, id_column


class MunicipalityRow(Base):
    """A prefecture or municipality (団体), with its population and the year and source of that figure."""

    __tablename__ = "municipality"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    prefecture_code: Mapped[str] = mapped_column(String(2), index=True)
    prefecture: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[Kind] = enum_column(Kind, index=True)
    population: Mapped[int | None] = mapped_column(Integer, nullable=True)
    population_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    population_source: Mapped[str | None] = mapped_column(String(200), nullable=True)
    designated_city: Mapped[bool] = mapped_column(Boolean)
    core_city: Mapped[bool] = mapped_column(Boolean)
    prefectural_capital: Mapped[bool] = mapped_column(Boolean)
    row_version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __mapper_args__ = {"version_id_col": row_version, "version_id_generator": False}  # noqa: RUF012

    @property
    def flags(self) -> list[str]:
        return flags_of(self)


@dataclass(frozen=True)
class Municipality:
    """A registry row detached from any session: safe to cache and share between requests.

    ORM rows are not, since a rolled-back session expires the rows it loaded.
    """

    code: str
    prefecture_code: str
    prefecture: str
    name: str
    kind: Kind
    population: int | None
    population_year: int | None
    population_source: str | None
    designated_city: bool
    core_city: bool
    prefectural_capital: bool
    row_version: int
    updated_at: datetime

    @classmethod
    def of(cls, row: MunicipalityRow) -> Municipality:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})

    @property
    def flags(self) -> list[str]:
        return flags_of(self)


def flags_of(row: Municipality | MunicipalityRow) -> list[str]:
    """designated_city, core_city, prefectural_capital: the flags the government carries, in that order."""
    return [flag.value for flag in Flag if getattr(row, flag.value)]


class PopulationImportRow(Base):
    """One accepted population CSV: which year it states, where it came from, what it changed."""

    __tablename__ = "population_import"

    id: Mapped[str] = id_column()
    year: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200))
    row_count: Mapped[int] = mapped_column(Integer)
    changed_codes: Mapped[list[Any]] = mapped_column(JSON)
    imported_by_org: Mapped[str] = mapped_column(String(20))
    imported_by_sub: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
