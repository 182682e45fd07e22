"""Projects agreement events: the newest version per agreement wins, and a termination is a tombstone."""

from __future__ import annotations

from datetime import date

from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated, Party
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.projection import apply_if_newer
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import AgreementPartyProjection, AgreementProjection
from renkei_finance.consumers.dirty import mark_dirty

registry = HandlerRegistry()


def _earliest(current: date | None, candidate: date | None) -> date | None:
    # An amendment's in-force date is not when the agreement began to bind: keep the first one seen.
    if current is None:
        return candidate
    return current if candidate is None else min(current, candidate)


@registry.handles(AgreementSigned, AgreementAmended)
async def on_agreement_in_force(event: AgreementSigned, meta: EventMeta, session: AsyncSession) -> None:
    def in_force(row: AgreementProjection) -> None:
        row.version = event.agreement_version
        row.kind = event.kind
        row.title = event.title
        row.party_codes = [p.code for p in event.parties]
        row.area_id = event.area_id
        row.concluded_on = _earliest(row.concluded_on, event.concluded_on)
        row.in_force_on = _earliest(row.in_force_on, event.in_force_on)
        row.status = "in_force"

    result = await apply_if_newer(
        session, AgreementProjection, {"agreement_id": event.agreement_id}, meta, in_force
    )
    if result.applied:
        await _replace_parties(session, meta, event.agreement_id, event.parties)
    elif result.row is not None:
        # Stale (e.g. the signing delivered after the termination): it changes no state, but the dates
        # it alone carries tell finance since when the agreement was in force.
        row = result.row
        in_force_on = _earliest(row.in_force_on, event.in_force_on)
        if in_force_on != row.in_force_on:
            await mark_dirty(session, meta, row.party_codes)
        row.concluded_on = _earliest(row.concluded_on, event.concluded_on)
        row.in_force_on = in_force_on
        row.kind = row.kind or event.kind
        row.title = row.title or event.title


@registry.handles(AgreementTerminated)
async def on_agreement_terminated(event: AgreementTerminated, meta: EventMeta, session: AsyncSession) -> None:
    def terminated(row: AgreementProjection) -> None:
        if row.aggregate_version == 0:  # the termination arrived first: it is all finance knows so far
            row.version = event.agreement_version
            row.party_codes = [p.code for p in event.parties]
            row.area_id = event.area_id
        row.kind = row.kind or event.kind
        row.title = row.title or event.title
        row.terminated_on = event.terminated_on
        row.status = "terminated"

    result = await apply_if_newer(
        session,
        AgreementProjection,
        {"agreement_id": event.agreement_id},
        meta,
        terminated,
        tombstone=True,
    )
    if result.applied:
        await _replace_parties(session, meta, event.agreement_id, event.parties)


async def _replace_parties(
    session: AsyncSession, meta: EventMeta, agreement_id: str, parties: list[Party]
) -> None:
    # One round trip: the delete hands back the parties it removed, whose cells may change too.
    removed = delete(AgreementPartyProjection).where(AgreementPartyProjection.agreement_id == agreement_id)
    before = set((await session.scalars(removed.returning(AgreementPartyProjection.code))).all())
    unique = {p.code: p for p in parties}
    session.add_all(
        AgreementPartyProjection(agreement_id=agreement_id, code=p.code, role=p.role) for p in unique.values()
    )
    await mark_dirty(session, meta, before | set(unique))
