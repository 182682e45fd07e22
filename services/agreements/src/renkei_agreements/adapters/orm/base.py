"""Declarative base of the agreements tables, and the column types they share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from renkei_common.db import new_metadata
from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    metadata = new_metadata()


def id_column(primary_key: bool = True) -> Mapped[str]:
    return mapped_column(String(36), primary_key=primary_key)


def code_column(*, index: bool = False, nullable: bool = False) -> Mapped[str]:
    """A 団体コード."""
    return mapped_column(String(6), index=index, nullable=nullable)


class Versioned:
    """An aggregate root whose row_version is its ETag and guards against lost updates.

    Every write bumps row_version by hand (so that a change to child rows only still changes the ETag);
    the mapper adds `WHERE row_version = <loaded>` to the UPDATE, so a concurrent writer fails instead of
    silently overwriting.
    """

    row_version: Mapped[int] = mapped_column(Integer)
    created_by_org: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version, "version_id_generator": False}  # type: ignore[attr-defined]
