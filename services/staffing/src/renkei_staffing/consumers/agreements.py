"""Projects the agreements service's agreement events; a termination or amendment flags what it undercuts.

The newest aggregate version per agreement wins and a termination is a tombstone (ADR 0007's projection
helper), so redelivery, replay and out-of-order arrival leave the same state. The first in-force date
seen is kept: an amendment's in-force date is not when the agreement began to bind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from renkei_common.auth import Actor
from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated
from renkei_common.events.contracts.staffing import DispatchFlagged, FlagReason
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.outbox import add_event
from renkei_common.events.projection import apply_if_newer
from renkei_common.writes import record_audit
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import AgreementProjection, DispatchRow
from renkei_staffing.domain.enums import DispatchStatus

registry = HandlerRegistry()
# Who the audit log names for changes the consumer makes on its own (the agreements service's event).
CONSUMER = Actor(sub="consumer:agreements", org="staffing", roles=frozenset({"service"}))


def _earliest(current: date | None, candidate: date | None) -> date | None:
    if current is None:
        return candidate
    return current if candidate is None else min(current, candidate)


@registry.handles(AgreementSigned, AgreementAmended)
async def on_agreement_in_force(event: AgreementSigned, meta: EventMeta, session: AsyncSession) -> None:
    def in_force(row: AgreementProjection) -> None:
        row.version = event.agreement_version
        row.kind = event.kind
        row.title = event.title
        row.party_codes = sorted(p.code for p in event.parties)
        row.in_force_on = _earliest(row.in_force_on, event.in_force_on)

    result = await apply_if_newer(
        session, AgreementProjection, {"agreement_id": event.agreement_id}, meta, in_force
    )
    if not result.applied and result.row is not None:
        # Stale, e.g. the signing delivered after the termination: only its in-force date still counts.
        result.row.in_force_on = _earliest(result.row.in_force_on, event.in_force_on)
    if result.applied and isinstance(event, AgreementAmended):
        # An amendment that no longer binds a dispatch's employer and receiver leaves it without a basis
        # from the day the amendment is in force.
        parties = {p.code for p in event.parties}
        await flag_dispatches(
            session,
            event.agreement_id,
            event.in_force_on,
            reason=FlagReason.PARTY_LEFT_AGREEMENT,
            unless=lambda row: row.employer_code in parties and row.receiving_code in parties,
        )


@registry.handles(AgreementTerminated)
async def on_agreement_terminated(event: AgreementTerminated, meta: EventMeta, session: AsyncSession) -> None:
    def terminated(row: AgreementProjection) -> None:
        if row.aggregate_version == 0:  # the termination arrived first
            row.version = event.agreement_version
            row.party_codes = sorted(p.code for p in event.parties)
            row.kind = event.kind
            row.title = event.title
        row.terminated_on = event.terminated_on

    result = await apply_if_newer(
        session,
        AgreementProjection,
        {"agreement_id": event.agreement_id},
        meta,
        terminated,
        tombstone=True,
    )
    if result.applied:
        await flag_dispatches(
            session, event.agreement_id, event.terminated_on, reason=FlagReason.AGREEMENT_TERMINATED
        )


async def flag_dispatches(
    session: AsyncSession,
    agreement_id: str,
    terminated_on: date,
    *,
    reason: FlagReason,
    unless: Callable[[DispatchRow], bool] = lambda row: False,
) -> list[DispatchRow]:
    """Flag, once, every active dispatch under the agreement that reaches `terminated_on` (the first day
    the agreement no longer covers it), except those `unless` keeps."""
    query = select(DispatchRow).where(
        DispatchRow.agreement_id == agreement_id,
        DispatchRow.status == DispatchStatus.ACTIVE,
        DispatchRow.flagged_at.is_(None),
        DispatchRow.ends_on >= terminated_on,
    )
    rows = [row for row in (await session.scalars(query.order_by(DispatchRow.id))).all() if not unless(row)]
    now = datetime.now(UTC)
    for row in rows:
        before = {"flagged_at": None, "agreement_terminated_on": None, "flag_reason": None}
        row.flagged_at = now
        row.agreement_terminated_on = terminated_on
        row.flag_reason = reason
        row.row_version += 1
        await add_event(
            session,
            DispatchFlagged(
                dispatch_id=row.id,
                employer_code=row.employer_code,
                receiving_code=row.receiving_code,
                agreement_id=agreement_id,
                terminated_on=terminated_on,
                ends_on=row.ends_on,
                reason=reason,
            ),
            subject=row.id,
            aggregate_version=row.row_version,
        )
        await record_audit(
            session,
            actor=CONSUMER,
            action="dispatch.flagged",
            resource_type="dispatch",
            resource_id=row.id,
            before=before,
            after={
                "flagged_at": now,
                "agreement_terminated_on": terminated_on,
                "flag_reason": reason,
                "agreement_id": agreement_id,
            },
        )
    return rows
