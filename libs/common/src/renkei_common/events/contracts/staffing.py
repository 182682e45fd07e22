"""Contracts of the staffing service (specialist staffing)."""

from __future__ import annotations

from typing import ClassVar

from renkei_common.events.contracts.base import EventPayload


class _Staffing(EventPayload):
    service: ClassVar[str] = "staffing"
