"""Use cases of an agreement's optional records: a recommendation received, a dispute and its plan."""

from __future__ import annotations

from renkei_common.auth import Actor, ensure_can_write
from renkei_common.db import Database
from renkei_common.errors import FieldError, Forbidden, NotFound
from renkei_common.writes import record_audit
from sqlalchemy import select

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import AgreementRow, DisputeRow, RecommendationRow
from renkei_agreements.api.schemas.agreement_records import DisputeCreate, DisputeUpdate, RecommendationCreate
from renkei_agreements.domain.errors import RuleViolation, StateConflict
from renkei_agreements.service_layer.access import ensure_can_read
from renkei_agreements.service_layer.agreement_state import parties_of, targets_of
from renkei_agreements.service_layer.common import ensure_acts_for_one_of, load, now, snapshot, touch


def _is_authority(actor: Actor, row: AgreementRow) -> bool:
    """The minister (national role) or the governor (prefecture role of the parties' prefecture)."""
    for target in targets_of(row):
        if target["authority"] == "minister" and actor.has_role("national"):
            return True
        if (
            target["authority"] == "governor"
            and actor.has_role("prefecture")
            and actor.org == target["prefecture_code"]
        ):
            return True
    return False


def _ensure_party_or_authority(actor: Actor, row: AgreementRow) -> None:
    ensure_can_write(actor)
    if actor.org in parties_of(row) and actor.has_role("municipality", "prefecture"):
        return
    if not _is_authority(actor, row):
        message = (
            f"organisation {actor.org} is neither a party of this agreement nor its supervising authority"
        )
        raise Forbidden(
            message,
            errors=[FieldError(field="path.agreement_id", rule="party_or_authority", message=message)],
        )


async def record_recommendation(
    *, db: Database, actor: Actor, agreement_id: str, body: RecommendationCreate, if_match: str | None
) -> RecommendationRow:
    async with db.transaction() as session:
        row = await load(session, AgreementRow, agreement_id, what="agreement", for_update=True)
        _ensure_party_or_authority(actor, row)
        touch(row, if_match)
        issuers = [t for t in targets_of(row) if t["authority"] == body.issued_by]
        if not issuers:
            raise RuleViolation(
                "issued_by",
                "supervising_authority",
                f"this agreement is supervised by the {targets_of(row)[0]['authority']}",
            )
        record = RecommendationRow(
            id=new_id(),
            agreement_id=row.id,
            issued_by=body.issued_by,
            issuer_code=issuers[0]["prefecture_code"],
            received_on=body.received_on,
            reference_number=body.reference_number,
            summary=body.summary,
            recorded_by_org=actor.org,
            recorded_at=now(),
        )
        session.add(record)
        await record_audit(
            session,
            actor=actor,
            action="agreement.recommendation_recorded",
            resource_type="agreement",
            resource_id=row.id,
            after=snapshot(record),
        )
    return record


async def apply_for_settlement(
    *, db: Database, actor: Actor, agreement_id: str, body: DisputeCreate, if_match: str | None
) -> DisputeRow:
    """A party applies in writing; only agreements in force have disputes under art. 252-2 para. 7."""
    async with db.transaction() as session:
        row = await load(session, AgreementRow, agreement_id, what="agreement", for_update=True)
        ensure_acts_for_one_of(
            actor, parties_of(row), field="path.agreement_id", what="a party of this agreement"
        )
        touch(row, if_match)
        if row.status != "in_force":
            raise StateConflict(
                f"only an agreement in force can be disputed; it is {row.status}", rule="not_in_force"
            )
        at = now()
        dispute = DisputeRow(
            id=new_id(),
            agreement_id=row.id,
            applicant_code=actor.org,
            applied_on=body.applied_on,
            matter=body.matter,
            authority=[t["title"] for t in targets_of(row)],
            status="applied",
            plan_presented_on=None,
            plan_summary=None,
            closed_on=None,
            recorded_by_org=actor.org,
            recorded_at=at,
            updated_at=at,
        )
        session.add(dispute)
        await record_audit(
            session,
            actor=actor,
            action="agreement.dispute_applied",
            resource_type="agreement",
            resource_id=row.id,
            after=snapshot(dispute),
        )
    return dispute


async def update_dispute(
    *,
    db: Database,
    actor: Actor,
    agreement_id: str,
    dispute_id: str,
    body: DisputeUpdate,
    if_match: str | None,
) -> DisputeRow:
    """Record the settlement plan presented by the commissioners, then the close of the matter."""
    async with db.transaction() as session:
        row = await load(session, AgreementRow, agreement_id, what="agreement", for_update=True)
        _ensure_party_or_authority(actor, row)
        touch(row, if_match)
        dispute = await session.get(DisputeRow, dispute_id)
        if dispute is None or dispute.agreement_id != row.id:
            raise NotFound(f"agreement {agreement_id!a} has no dispute {dispute_id!a}")
        if dispute.status == "closed":
            raise StateConflict("the dispute is closed", rule="dispute_closed")
        before = snapshot(dispute)
        if body.plan_presented_on is not None:
            if body.plan_presented_on < dispute.applied_on:
                raise RuleViolation(
                    "plan_presented_on", "not_before_application", "a plan follows the application"
                )
            dispute.plan_presented_on, dispute.plan_summary = body.plan_presented_on, body.plan_summary
            dispute.status = "plan_presented"
        if body.closed_on is not None:
            if body.closed_on < dispute.applied_on:
                raise RuleViolation(
                    "closed_on", "not_before_application", "a dispute closes after its application"
                )
            dispute.closed_on, dispute.status = body.closed_on, "closed"
        dispute.updated_at = now()
        await record_audit(
            session,
            actor=actor,
            action="agreement.dispute_updated",
            resource_type="agreement",
            resource_id=row.id,
            before=before,
            after=snapshot(dispute),
        )
    return dispute


async def list_records(
    *, db: Database, actor: Actor, agreement_id: str, kind: type[RecommendationRow] | type[DisputeRow]
) -> tuple[AgreementRow, list]:
    async with db.session() as session:
        row = await load(session, AgreementRow, agreement_id, what="agreement")
        ensure_can_read(actor, parties_of(row), what="agreement")
        query = select(kind).where(kind.agreement_id == row.id).order_by(kind.id)
        return row, list((await session.scalars(query)).all())
