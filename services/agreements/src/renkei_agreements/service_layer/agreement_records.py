"""Use cases of an agreement's optional records: a recommendation received, a dispute and its plan."""

from __future__ import annotations

from typing import TypeVar

from renkei_common.access import ensure_can_read
from renkei_common.auth import Actor, ensure_can_write
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.errors import FieldError, Forbidden, NotFound
from renkei_common.i18n import msg
from renkei_common.persistence import load, new_id, now, snapshot
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import select
from sqlalchemy.orm import joinedload, raiseload

from renkei_agreements.adapters.orm import AgreementRow, DisputeRow, ProcedureRow, RecommendationRow
from renkei_agreements.domain.lifecycle import Status
from renkei_agreements.domain.vocabulary import Authority, DisputeStatus
from renkei_agreements.service_layer.agreement_state import parties_of, targets_of
from renkei_agreements.service_layer.agreements import PARTY
from renkei_agreements.service_layer.commands import ApplyForSettlement, RecordRecommendation, UpdateDispute

R = TypeVar("R", RecommendationRow, DisputeRow)

# Records need the parties and the notification targets, not the versions or the steps.
WITH_TARGETS = (
    joinedload(AgreementRow.procedures).raiseload(ProcedureRow.steps),
    raiseload(AgreementRow.versions),
)


def _is_authority(actor: Actor, row: AgreementRow) -> bool:
    """The minister (national role) or the governor (prefecture role of the parties' prefecture)."""
    return any(
        (t["authority"] == Authority.MINISTER and actor.has_role("national"))
        or (
            t["authority"] == Authority.GOVERNOR
            and actor.has_role("prefecture")
            and actor.org == t["prefecture_code"]
        )
        for t in targets_of(row)
    )


async def _party_or_authority(
    uow: UnitOfWork, agreement_id: str, if_match: str | None, action: str
) -> AgreementRow:
    """The agreement for a party's or its supervising authority's record (the minister or a governor)."""
    row = await uow.load(AgreementRow, agreement_id, what="agreement", options=WITH_TARGETS)
    actor = uow.actor
    ensure_can_write(actor)
    is_party = actor.org in parties_of(row) and actor.has_role("municipality", "prefecture")
    if not (is_party or _is_authority(actor, row)):
        message = msg("agreements.party_or_authority", org=actor.org, party=PARTY)
        error = FieldError(field="path.agreement_id", rule="party_or_authority", message=message)
        raise Forbidden(message, errors=[error])
    return uow.change(row, if_match=if_match, action=action)


async def record_recommendation(
    *, db: Database, actor: Actor, agreement_id: str, command: RecordRecommendation, if_match: str | None
) -> RecommendationRow:
    async with unit_of_work(db, actor) as uow:
        row = await _party_or_authority(uow, agreement_id, if_match, "agreement.recommendation_recorded")
        issuers = [t for t in targets_of(row) if t["authority"] == command.issued_by]
        if not issuers:
            raise RuleViolation(
                "issued_by",
                "supervising_authority",
                msg("agreements.supervising_authority", value=targets_of(row)[0]["authority"]),
            )
        record = RecommendationRow(
            id=new_id(),
            agreement_id=row.id,
            issued_by=command.issued_by,
            issuer_code=issuers[0]["prefecture_code"],
            received_on=command.received_on,
            reference_number=command.reference_number,
            summary=command.summary,
            recorded_by_org=actor.org,
            recorded_at=now(),
        )
        uow.session.add(record)
        uow.audit(row, after=snapshot(record))
    return record


async def apply_for_settlement(
    *, db: Database, actor: Actor, agreement_id: str, command: ApplyForSettlement, if_match: str | None
) -> DisputeRow:
    """A party applies in writing; only agreements in force have disputes under art. 252-2 para. 7."""
    async with unit_of_work(db, actor) as uow:
        row = await uow.load_for_change(
            AgreementRow,
            agreement_id,
            if_match=if_match,
            action="agreement.dispute_applied",
            writers=parties_of,
            field="path.agreement_id",
            what=PARTY,
            options=WITH_TARGETS,
        )
        if row.status != Status.IN_FORCE:
            raise StateConflict(
                msg("agreements.not_in_force_2", row_status_value=row.status.value), rule="not_in_force"
            )
        at = now()
        dispute = DisputeRow(
            id=new_id(),
            agreement_id=row.id,
            applicant_code=actor.org,
            applied_on=command.applied_on,
            matter=command.matter,
            authority=[t["title"] for t in targets_of(row)],
            status=DisputeStatus.APPLIED,
            plan_presented_on=None,
            plan_summary=None,
            closed_on=None,
            recorded_by_org=actor.org,
            recorded_at=at,
            updated_at=at,
        )
        uow.session.add(dispute)
        uow.audit(row, after=snapshot(dispute))
    return dispute


async def update_dispute(
    *,
    db: Database,
    actor: Actor,
    agreement_id: str,
    dispute_id: str,
    command: UpdateDispute,
    if_match: str | None,
) -> DisputeRow:
    """Record the settlement plan presented by the commissioners, then the close of the matter."""
    async with unit_of_work(db, actor) as uow:
        row = await _party_or_authority(uow, agreement_id, if_match, "agreement.dispute_updated")
        dispute = await uow.session.get(DisputeRow, dispute_id)
        if dispute is None or dispute.agreement_id != row.id:
            raise NotFound(
                msg(
                    "agreements.agreement_records.agreement_has_no_dispute",
                    agreement_id=agreement_id,
                    dispute_id=dispute_id,
                )
            )
        if dispute.status == DisputeStatus.CLOSED:
            raise StateConflict(msg("agreements.dispute_closed"), rule="dispute_closed")
        before = snapshot(dispute)
        if command.plan_presented_on is not None:
            if command.plan_presented_on < dispute.applied_on:
                raise RuleViolation(
                    "plan_presented_on", "not_before_application", msg("agreements.not_before_application")
                )
            dispute.plan_presented_on, dispute.plan_summary = command.plan_presented_on, command.plan_summary
            dispute.status = DisputeStatus.PLAN_PRESENTED
        if command.closed_on is not None:
            if command.closed_on < dispute.applied_on:
                raise RuleViolation(
                    "closed_on", "not_before_application", msg("agreements.not_before_application_2")
                )
            dispute.closed_on, dispute.status = command.closed_on, DisputeStatus.CLOSED
        dispute.updated_at = now()
        uow.audit(row, before=before, after=snapshot(dispute))
    return dispute


async def _records(db: Database, actor: Actor, agreement_id: str, kind: type[R]) -> list[R]:
    async with db.session() as session:
        row = await load(session, AgreementRow, agreement_id, what="agreement", options=WITH_TARGETS)
        ensure_can_read(actor, parties_of(row), what="agreement")
        query = select(kind).where(kind.agreement_id == row.id).order_by(kind.id)
        return list((await session.scalars(query)).all())


async def list_recommendations(*, db: Database, actor: Actor, agreement_id: str) -> list[RecommendationRow]:
    return await _records(db, actor, agreement_id, RecommendationRow)


async def list_disputes(*, db: Database, actor: Actor, agreement_id: str) -> list[DisputeRow]:
    return await _records(db, actor, agreement_id, DisputeRow)
