"""The declarative base of the finance tables."""

from __future__ import annotations

from renkei_common.db import new_metadata
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = new_metadata()
