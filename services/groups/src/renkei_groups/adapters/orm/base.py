"""Declarative base of the groups tables, and the column types they add to the shared persistence kit."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from renkei_common.db import UTCDateTime, new_metadata
from renkei_common.persistence import Versioned, code_column, id_column
from sqlalchemy import BigInteger, Enum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "Versioned", "code_column", "enum_column", "id_column", "moment_column", "yen_column"]


class Base(DeclarativeBase):
    metadata = new_metadata()


def yen_column(*, nullable: bool = False) -> Mapped[Any]:
    """Integer yen; BIGINT so that no sum of a large city's contracts overflows."""
    return mapped_column(BigInteger, nullable=nullable)


def moment_column(*, nullable: bool = False) -> Mapped[Any]:
    return mapped_column(UTCDateTime(), nullable=nullable)


def enum_column(enum: type[StrEnum], *, nullable: bool = False, index: bool = False) -> Mapped[Any]:
    """A StrEnum stored as its value in a VARCHAR (no native PostgreSQL enum, so adding a value is easy)."""
    return mapped_column(
        Enum(enum, native_enum=False, length=40, values_callable=lambda e: [m.value for m in e]),
        nullable=nullable,
        index=index,
    )
