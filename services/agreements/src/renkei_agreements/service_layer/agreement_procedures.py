"""Use cases of an agreement's procedures: record each step, open an amendment or termination, withdraw."""

from __future__ import annotations

from functools import partial

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.outbox import add_event
from renkei_common.writes import jsonable

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import AgreementRow, StepRow
from renkei_agreements.api.schemas.agreements import (
    AmendmentCreate,
    StepCreate,
    TerminationCreate,
    WithdrawalCreate,
)
from renkei_agreements.domain.lifecycle import PER_PARTY_STEPS, Step, StepRecord
from renkei_agreements.service_layer.agreement_state import (
    apply_outcome,
    lifecycle_of,
    new_procedure_row,
    new_version_row,
    open_procedure,
    parties_of,
    targets_of,
    version,
)
from renkei_agreements.service_layer.agreements import area_of, changing_agreement, check_role_division
from renkei_agreements.service_layer.common import ensure_acts_for_one_of, governments, now


async def record_step(
    *, db: Database, actor: Actor, agreement_id: str, body: StepCreate, if_match: str | None
) -> AgreementRow:
    """Record one step of the open procedure; the last one puts it in force and emits its event."""
    step = Step(body.step)
    party = body.party
    check = None
    if step in PER_PARTY_STEPS:
        # A government records only its own council resolution and its own public notice.
        party = party or actor.org
        check = partial(
            ensure_acts_for_one_of,
            actor,
            [party],
            field="body.party",
            what=f"the party taking this {step.value}",
        )
    async with changing_agreement(
        db, actor, agreement_id, if_match, action=f"agreement.step.{step.value}", check=check
    ) as (session, row):
        result = lifecycle_of(row).record_step(StepRecord(step, body.on, party, body.number))
        procedure = open_procedure(row)
        assert procedure is not None
        procedure.steps.append(
            StepRow(
                id=new_id(),
                procedure_id=procedure.id,
                step=step.value,
                party_code=party,
                taken_on=body.on,
                number=body.number,
                note=body.note,
                recorded_by_org=actor.org,
                recorded_by_sub=actor.sub,
                recorded_at=now(),
            )
        )
        if result.outcome is not None:
            procedure.status, procedure.completed_on = "completed", body.on
            a, b = parties_of(row)
            govs = await governments(session, {"parties[0]": a, "parties[1]": b})
            area = await area_of(session, row.area_id)
            event = apply_outcome(row, result.outcome, govs, area.area_type if area else None)
            await add_event(session, event, subject=row.id, aggregate_version=row.row_version)
    return row


async def start_amendment(
    *, db: Database, actor: Actor, agreement_id: str, body: AmendmentCreate, if_match: str | None
) -> AgreementRow:
    """Open an amendment: a new pending version that goes through every step again."""
    async with changing_agreement(
        db, actor, agreement_id, if_match, action="agreement.amendment_started"
    ) as (_, row):
        lifecycle = lifecycle_of(row).start_amendment(effective_on=body.effective_on)
        current = version(row, row.in_force_version)
        assert current is not None
        if body.role_division is not None:
            check_role_division(body.role_division, parties_of(row))
        row.versions.append(
            new_version_row(
                row.id,
                lifecycle.latest_version,
                body.title or current.title,
                body.policy if body.policy is not None else current.policy,
                jsonable(body.subjects) if body.subjects is not None else current.subjects,
                jsonable(body.role_division) if body.role_division is not None else current.role_division,
            )
        )
        row.latest_version = lifecycle.latest_version
        row.procedures.append(new_procedure_row(row.id, lifecycle, targets_of(row), reason=body.reason))
    return row


async def start_termination(
    *, db: Database, actor: Actor, agreement_id: str, body: TerminationCreate, if_match: str | None
) -> AgreementRow:
    async with changing_agreement(
        db, actor, agreement_id, if_match, action="agreement.termination_started"
    ) as (_, row):
        lifecycle = lifecycle_of(row).start_termination(effective_on=body.effective_on)
        row.procedures.append(new_procedure_row(row.id, lifecycle, targets_of(row), reason=body.reason))
    return row


async def withdraw_procedure(
    *, db: Database, actor: Actor, agreement_id: str, body: WithdrawalCreate, if_match: str | None
) -> AgreementRow:
    """Abandon the open procedure before conclusion (e.g. a council voted the bill down)."""
    async with changing_agreement(
        db, actor, agreement_id, if_match, action="agreement.procedure_withdrawn"
    ) as (_, row):
        result = lifecycle_of(row).withdraw(body.withdrawn_on)
        procedure = open_procedure(row)
        assert procedure is not None
        procedure.status, procedure.withdrawn_on = "withdrawn", body.withdrawn_on
        procedure.reason = "; ".join(filter(None, [procedure.reason, body.reason]))
        row.status = result.lifecycle.status.value
        pending = version(row, procedure.version)
        if pending is not None and pending.status == "pending":
            pending.status = "withdrawn"
    return row
