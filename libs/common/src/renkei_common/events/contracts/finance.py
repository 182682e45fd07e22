"""Contracts of the finance service."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from renkei_common.events.contracts.base import EventPayload, LocalGovernmentCode


class AllocationsRecomputed(EventPayload):
    service: ClassVar[str] = "finance"
    event_name: ClassVar[str] = "AllocationsRecomputed"
    aggregate: ClassVar[str] = "allocation_run"
    description: ClassVar[str] = "The finance engine stored a new allocation run for the listed cells."
    run_id: str
    fiscal_years: list[int]
    municipality_codes: list[LocalGovernmentCode]
    total_yen: int
    trigger_event_ids: list[str] = Field(default_factory=list)
