"""Projects specialist dispatches and their costs; the eligible part of a cost is the staffing service's.

A flagged dispatch (`DispatchFlagged`: its 連携協約 was terminated or no longer binds employer and
receiver) keeps the day from which the agreement no longer covers it; its costs for periods from that day
on no longer count in the specialist measure (see `domain.engine.StaffingCost`).
"""

from __future__ import annotations

from renkei_common.events.contracts.staffing import (
    DispatchEnded,
    DispatchFlagged,
    SpecialistDispatched,
    StaffingCostRecorded,
)
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.projection import apply_if_newer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import DispatchProjection, StaffingCostProjection
from renkei_finance.consumers.dirty import mark_dirty

registry = HandlerRegistry()


@registry.handles(SpecialistDispatched)
async def on_dispatched(event: SpecialistDispatched, meta: EventMeta, session: AsyncSession) -> None:
    values = {
        "employer_code": event.employer_code,
        "receiving_code": event.receiving_code,
        "agreement_id": event.agreement_id,
        "profession_code": event.profession_code,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "status": "active",
    }
    result = await apply_if_newer(
        session, DispatchProjection, {"dispatch_id": event.dispatch_id}, meta, values
    )
    if not result.applied and result.row is not None:
        # Stale (delivered after the flag or the end): only the facts no later event carries are kept.
        result.row.profession_code = result.row.profession_code or event.profession_code
        result.row.starts_on = result.row.starts_on or event.starts_on


@registry.handles(DispatchEnded)
async def on_dispatch_ended(event: DispatchEnded, meta: EventMeta, session: AsyncSession) -> None:
    values = {
        "employer_code": event.employer_code,
        "receiving_code": event.receiving_code,
        "agreement_id": event.agreement_id,
        "ended_on": event.ended_on,
        "status": "ended",
    }
    await apply_if_newer(
        session, DispatchProjection, {"dispatch_id": event.dispatch_id}, meta, values, tombstone=True
    )


@registry.handles(DispatchFlagged)
async def on_dispatch_flagged(event: DispatchFlagged, meta: EventMeta, session: AsyncSession) -> None:
    def flagged(row: DispatchProjection) -> None:
        row.employer_code = event.employer_code
        row.receiving_code = event.receiving_code
        row.agreement_id = event.agreement_id
        row.ends_on = event.ends_on
        row.flag_terminated_on = event.terminated_on
        row.flag_reason = event.reason.value
        row.status = "flagged"

    result = await apply_if_newer(
        session, DispatchProjection, {"dispatch_id": event.dispatch_id}, meta, flagged
    )
    row = result.row
    if not result.applied:
        if row is None or row.flag_terminated_on is not None:
            return
        # Stale (e.g. delivered after the end, a tombstone): it changes no state, but the day the agreement
        # stopped covering the dispatch is a fact only this event carries, and it decides eligibility.
        row.flag_terminated_on = event.terminated_on
        row.flag_reason = event.reason.value
    await _mark_costs_dirty(session, meta, event.dispatch_id)


async def _mark_costs_dirty(session: AsyncSession, meta: EventMeta, dispatch_id: str) -> None:
    # The employer's line of every FY a cost of the dispatch falls in; a cost projected later marks its
    # own cell when it arrives.
    found = (
        await session.execute(
            select(StaffingCostProjection.employer_code, StaffingCostProjection.fiscal_year).where(
                StaffingCostProjection.dispatch_id == dispatch_id
            )
        )
    ).all()
    for code, fiscal_year in set(found):
        await mark_dirty(session, meta, [code], [fiscal_year])


@registry.handles(StaffingCostRecorded)
async def on_cost(event: StaffingCostRecorded, meta: EventMeta, session: AsyncSession) -> None:
    previous: set[tuple[str, int]] = set()

    def cost(row: StaffingCostProjection) -> None:
        if row.aggregate_version:
            previous.add((row.employer_code, row.fiscal_year))
        row.kind = event.kind.value
        row.employer_code = event.employer_code
        row.receiving_code = event.receiving_code
        row.fiscal_year = event.fiscal_year
        row.month = event.month
        row.amount_yen = event.amount_yen
        row.eligible_yen = event.eligible_yen
        row.dispatch_id = event.dispatch_id

    result = await apply_if_newer(session, StaffingCostProjection, {"cost_id": event.cost_id}, meta, cost)
    if result.applied:
        for employer, fiscal_year in previous | {(event.employer_code, event.fiscal_year)}:
            await mark_dirty(session, meta, [employer], [fiscal_year])
