"""Projects agreement events: the newest version per agreement wins, and a termination is a tombstone.

One batch handler takes every consecutive agreement event of a consumer batch: the projection rows and
the party lists of the whole list are read in one statement each, the party lists written back once at
the end (one delete, one insert), whatever the number of events. Events still apply one after the other
in delivery order, against the rows as the previous ones left them.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated, Party
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.projection import apply_if_newer, preloaded
from sqlalchemy import Table, bindparam, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import AgreementPartyProjection, AgreementProjection
from renkei_finance.consumers.dirty import DirtyMarks

registry = HandlerRegistry()


def _earliest(current: date | None, candidate: date | None) -> date | None:
    # An amendment's in-force date is not when the agreement began to bind: keep the first one seen.
    if current is None:
        return candidate
    return current if candidate is None else min(current, candidate)


AgreementEvent = AgreementSigned | AgreementAmended | AgreementTerminated

# Built once, with the agreement ids as an expanding parameter: a batch of one event otherwise spends
# more on building its IN lists than on the statements.
_PARTIES = cast(Table, AgreementPartyProjection.__table__)
_PARTIES_OF = select(_PARTIES.c.agreement_id, _PARTIES.c.code).where(
    _PARTIES.c.agreement_id.in_(bindparam("ids", expanding=True))
)
_DELETE_PARTIES = delete(_PARTIES).where(_PARTIES.c.agreement_id.in_(bindparam("ids", expanding=True)))


class _PartyLists:
    """The party codes of each agreement of a batch as its events leave them; written back once."""

    def __init__(self, current: dict[str, set[str]]) -> None:
        self.current = current
        self.replaced: dict[str, dict[str, Party]] = {}

    def replace(self, agreement_id: str, parties: list[Party]) -> set[str]:
        """Set the agreement's parties; returns the codes before and after, whose cells may change."""
        unique = {p.code: p for p in parties}
        before = self.current.get(agreement_id, set())
        self.current[agreement_id] = set(unique)
        self.replaced[agreement_id] = unique
        return before | set(unique)

    async def store(self, session: AsyncSession) -> None:
        if not self.replaced:
            return
        # Core statements on the table: no party is ever an ORM object in a consumer's session, so there
        # is no identity map to keep in step, and the insert is one executemany.
        await session.execute(_DELETE_PARTIES, {"ids": list(self.replaced)})
        rows = [
            {"agreement_id": agreement_id, "code": p.code, "role": p.role}
            for agreement_id, parties in self.replaced.items()
            for p in parties.values()
        ]
        if rows:
            await session.execute(insert(_PARTIES), rows)


@registry.handles_batch(AgreementSigned, AgreementAmended, AgreementTerminated)
async def on_agreements(events: list[tuple[AgreementEvent, EventMeta]], session: AsyncSession) -> None:
    ids = sorted({event.agreement_id for event, _ in events})
    keys = [{"agreement_id": agreement_id} for agreement_id in ids]
    async with preloaded(session, AgreementProjection, keys):
        found = await session.execute(_PARTIES_OF, {"ids": ids})
        current: dict[str, set[str]] = {}
        for agreement_id, code in found:
            current.setdefault(agreement_id, set()).add(code)
        parties, marks = _PartyLists(current), DirtyMarks(session)
        for event, meta in events:
            if isinstance(event, AgreementTerminated):
                await _terminated(event, meta, session, parties, marks)
            else:
                await _in_force(event, meta, session, parties, marks)
    await parties.store(session)
    await marks.store()


async def _in_force(
    event: AgreementSigned | AgreementAmended,
    meta: EventMeta,
    session: AsyncSession,
    parties: _PartyLists,
    marks: DirtyMarks,
) -> None:
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
        marks.add(meta, parties.replace(event.agreement_id, event.parties))
    elif result.row is not None:
        # Stale (e.g. the signing delivered after the termination): it changes no state, but the dates
        # it alone carries tell finance since when the agreement was in force.
        row = result.row
        in_force_on = _earliest(row.in_force_on, event.in_force_on)
        if in_force_on != row.in_force_on:
            marks.add(meta, row.party_codes)
        row.concluded_on = _earliest(row.concluded_on, event.concluded_on)
        row.in_force_on = in_force_on
        row.kind = row.kind or event.kind
        row.title = row.title or event.title


async def _terminated(
    event: AgreementTerminated,
    meta: EventMeta,
    session: AsyncSession,
    parties: _PartyLists,
    marks: DirtyMarks,
) -> None:
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
        marks.add(meta, parties.replace(event.agreement_id, event.parties))
