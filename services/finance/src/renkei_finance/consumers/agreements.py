"""Projects agreement events into agreement_projection; stale versions are ignored."""

from __future__ import annotations

from datetime import UTC, datetime

from renkei_common.events.contracts import AgreementSigned, AgreementTerminated
from renkei_common.events.envelope import EventEnvelope
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import AgreementProjection


async def on_agreement_in_force(envelope: EventEnvelope, session: AsyncSession) -> None:
    # AgreementAmended extends AgreementSigned; both are read through the shared fields.
    event = AgreementSigned.model_validate(
        {k: v for k, v in envelope.data.items() if k in AgreementSigned.model_fields}
    )
    row = await session.get(AgreementProjection, event.agreement_id)
    now = datetime.now(UTC)
    if row is None:
        session.add(
            AgreementProjection(
                agreement_id=event.agreement_id,
                version=event.agreement_version,
                kind=event.kind,
                title=event.title,
                party_codes=[p.code for p in event.parties],
                area_id=event.area_id,
                in_force_on=event.in_force_on,
                terminated_on=None,
                status="in_force",
                last_event_id=envelope.id,
                updated_at=now,
            )
        )
        return
    if event.agreement_version < row.version or row.status == "terminated":
        return  # an older version arriving late must not overwrite a newer one
    row.version = event.agreement_version
    row.kind = event.kind
    row.title = event.title
    row.party_codes = [p.code for p in event.parties]
    row.area_id = event.area_id
    row.in_force_on = event.in_force_on
    row.last_event_id = envelope.id
    row.updated_at = now


async def on_agreement_terminated(envelope: EventEnvelope, session: AsyncSession) -> None:
    event = AgreementTerminated.model_validate(envelope.data)
    row = await session.get(AgreementProjection, event.agreement_id)
    if row is None:
        return  # nothing was ever in force here; the termination carries no money
    row.status = "terminated"
    row.terminated_on = event.terminated_on
    row.last_event_id = envelope.id
    row.updated_at = datetime.now(UTC)
