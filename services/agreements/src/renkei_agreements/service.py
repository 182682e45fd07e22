"""Use cases of the agreements service; each is one database transaction."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from renkei_common.auth import Actor, ensure_acts_for_any
from renkei_common.db import Database
from renkei_common.events.contracts import AgreementSigned, Party
from renkei_common.events.outbox import add_event
from renkei_common.refdata import load_registry
from renkei_common.writes import record_audit

from renkei_agreements.adapters.orm import AgreementRow
from renkei_agreements.domain.agreements import ConcludedAgreement, check_dates, check_parties


async def record_concluded_agreement(*, db: Database, actor: Actor, agreement: ConcludedAgreement) -> AgreementRow:
    """Record an agreement whose steps are all done, and announce it with AgreementSigned."""
    registry = load_registry()
    check_parties(registry, agreement.party_a, agreement.party_b)
    check_dates(agreement.concluded_on, agreement.in_force_on)
    ensure_acts_for_any(actor, [agreement.party_a, agreement.party_b], field="parties")
    row = AgreementRow(
        id=str(uuid.uuid4()),
        kind=agreement.kind,
        title=agreement.title,
        party_a_code=agreement.party_a,
        party_b_code=agreement.party_b,
        area_id=None,
        subjects=[],
        status="in_force",
        concluded_on=agreement.concluded_on,
        in_force_on=agreement.in_force_on,
        version=1,
        created_by_org=actor.org,
        created_at=datetime.now(UTC),
    )
    async with db.transaction() as session:
        session.add(row)
        parties = [
            Party(code=code, name=registry.get(code).name, role=role)
            for code, role in ((row.party_a_code, "party_a"), (row.party_b_code, "party_b"))
        ]
        await add_event(
            session,
            AgreementSigned(
                agreement_id=row.id, agreement_version=row.version, kind=row.kind,  # type: ignore[arg-type]
                title=row.title, parties=parties, concluded_on=row.concluded_on, in_force_on=row.in_force_on,
            ),
            subject=row.id,
            aggregate_version=row.version,
        )
        await record_audit(
            session, actor=actor, action="agreement.record_concluded", resource_type="agreement",
            resource_id=row.id, before=None, after=_snapshot(row),
        )
    return row


def _snapshot(row: AgreementRow) -> dict[str, object]:
    return {c.name: getattr(row, c.name) for c in AgreementRow.__table__.columns}
