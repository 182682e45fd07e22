"""Contracts of the groups service (指定地域共同活動団体)."""

from __future__ import annotations

from typing import ClassVar

from renkei_common.events.contracts.base import EventPayload


class _Groups(EventPayload):
    service: ClassVar[str] = "groups"
