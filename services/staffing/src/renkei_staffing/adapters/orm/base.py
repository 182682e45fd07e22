"""Declarative base of the staffing tables; the column helpers are the shared ones, plus integer yen."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from renkei_common import persistence
from renkei_common.db import new_metadata
from renkei_common.persistence import Versioned, code_column, id_column
from sqlalchemy import BigInteger
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Base", "Versioned", "code_column", "enum_column", "id_column", "yen_column"]

E = TypeVar("E", bound=StrEnum)


class Base(DeclarativeBase):
    metadata = new_metadata()


def yen_column(*, nullable: bool = False) -> Mapped[int]:
    """Integer yen; BIGINT because a prefecture's yearly personnel costs pass 2^31."""
    return mapped_column(BigInteger, nullable=nullable)


def enum_column(enum: type[E], *, nullable: bool = False, index: bool = False) -> Mapped[Any]:
    """The shared StrEnum column, 40 characters wide (the longest value here is 20)."""
    return persistence.enum_column(enum, length=40, nullable=nullable, index=index)
