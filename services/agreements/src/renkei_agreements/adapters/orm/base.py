"""Declarative base of the agreements tables; ids, codes, enums and the Versioned root come from the kit."""

from __future__ import annotations

from renkei_common.db import new_metadata
from renkei_common.persistence import Versioned, code_column, enum_column, id_column
from sqlalchemy.orm import DeclarativeBase

__all__ = ["Base", "Versioned", "code_column", "enum_column", "id_column"]


class Base(DeclarativeBase):
    metadata = new_metadata()
