"""Test driver of the finance tests: events applied through the real consumer runtime."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

from renkei_common.events.consumer import EventProcessor, Outcome, RetryPolicy
from renkei_common.events.contracts import (
    AgreementSigned,
    AgreementTerminated,
    AreaDeclared,
    AreaMember,
    Party,
    ProjectBudget,
    VisionAdopted,
    VisionProject,
)
from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.envelope import EventEnvelope
from renkei_common.testing.client import ServiceClient
from renkei_finance.consumers import REGISTRY


class Feed:
    """Applies payloads through the real consumer runtime (inbox, retries, dead letters)."""

    def __init__(self, client: ServiceClient) -> None:
        self.processor = EventProcessor(
            db=client.db, consumer="finance", handlers=REGISTRY.handlers, retry=RetryPolicy(3, 0.01, 0.02)
        )
        self._ids = itertools.count(1)

    def envelope(self, payload: EventPayload, *, version: int, subject: str | None = None) -> EventEnvelope:
        return EventEnvelope(
            id=f"00000000-0000-0000-0000-{next(self._ids):012d}",
            type=payload.type_name(),
            source=payload.service,
            subject=subject or _subject(payload),
            data=payload.model_dump(mode="json"),
            aggregate_version=version,
        )

    async def apply(self, payload: EventPayload, *, version: int, subject: str | None = None) -> Outcome:
        return await self.processor.process(
            self.envelope(payload, version=version, subject=subject), origin="test"
        )


async def soon(condition: Callable[[], bool], what: str) -> None:
    """Wait until `condition()` holds, 10 s at most (a background task's effect)."""
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"not within 10 s: {what}")


def _subject(payload: Any) -> str:
    for name in ("agreement_id", "area_id", "code", "shared_service_id", "vision_id"):
        if hasattr(payload, name):
            return str(getattr(payload, name))
    return "x"


# A small world: 山形市 (centre) and 天童市 (partner) in a metropolitan area, 上山市 in none.
CENTRE, PARTNER, OUTSIDER = "062014", "062103", "062073"


def area_declared(area_id: str = "area-1", *, members: tuple[str, ...] = (CENTRE, PARTNER)) -> AreaDeclared:
    return AreaDeclared(
        area_id=area_id,
        area_type="metropolitan",
        name="山形連携中枢都市圏",
        centre_codes=[CENTRE],
        declared_on=date(2023, 4, 1),
        members=[
            AreaMember(code=c, role="centre" if c == CENTRE else "partner", since=date(2023, 4, 1))
            for c in members
        ],
    )


def signed(
    agreement_id: str = "ag-1", *, partner: str = PARTNER, in_force_on: date | None = None
) -> AgreementSigned:
    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=1,
        kind="renkei_kyoyaku",
        title="連携協約",
        parties=[
            Party(code=CENTRE, name="山形市", role="centre"),
            Party(code=partner, name="x", role="partner"),
        ],
        area_id="area-1",
        concluded_on=date(2024, 5, 1),
        in_force_on=in_force_on or date(2024, 6, 1),
    )


def terminated(
    agreement_id: str = "ag-1", *, on: date | None = None, partner: str = PARTNER
) -> AgreementTerminated:
    return AgreementTerminated(
        agreement_id=agreement_id,
        agreement_version=1,
        parties=[
            Party(code=CENTRE, name="山形市", role="centre"),
            Party(code=partner, name="x", role="partner"),
        ],
        terminated_on=on or date(2025, 3, 31),
    )


def vision(
    budgets: dict[tuple[str, int], int], *, vision_id: str = "v-1", field: str = "welfare"
) -> VisionAdopted:
    return VisionAdopted(
        vision_id=vision_id,
        area_id="area-1",
        area_type="metropolitan",
        title="都市圏ビジョン",
        first_fiscal_year=2024,
        last_fiscal_year=2028,
        adopted_on=date(2024, 4, 1),
        projects=[
            VisionProject(
                project_id="p-1",
                name="事業",
                field=field,
                role="economy",
                budgets=[
                    ProjectBudget(fiscal_year=fy, municipality_code=c, amount_yen=a)
                    for (c, fy), a in budgets.items()
                ],
            )
        ],
    )
