"""Statuses and kinds of the staffing domain, shared by the domain, the tables, the API and the events.

The vocabularies that travel in events are declared with the event contracts (one source for producer
and consumers) and re-exported here; the others are the service's own.
"""

from __future__ import annotations

from enum import StrEnum

from renkei_common.events.contracts.staffing import (
    CostKind,
    EndReason,
    FlagReason,
    IneligibleReason,
    NeedStatus,
    RecruitmentCostItem,
)

__all__ = [
    "CostKind",
    "DispatchStatus",
    "EndReason",
    "FlagReason",
    "IneligibleReason",
    "NeedStatus",
    "RecruitmentCostItem",
]


class DispatchStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
