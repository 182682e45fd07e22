"""Use cases of an agreement's procedures: record each step, open an amendment or termination, withdraw."""

from __future__ import annotations

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.persistence import new_id, now
from renkei_common.unit_of_work import unit_of_work

from renkei_agreements.adapters.orm import AgreementRow, StepRow
from renkei_agreements.domain.lifecycle import PER_PARTY_STEPS, StepRecord
from renkei_agreements.domain.vocabulary import ProcedureStatus, VersionStatus
from renkei_agreements.service_layer import commands
from renkei_agreements.service_layer.agreement_state import (
    WHOLE,
    apply_outcome,
    audit_view,
    lifecycle_of,
    new_procedure_row,
    new_version_row,
    open_procedure,
    parties_of,
    targets_of,
    version,
    write_state,
)
from renkei_agreements.service_layer.agreements import (
    PARTY,
    area_type_of,
    changing_agreement,
    check_role_division,
)
from renkei_agreements.service_layer.governments import governments


async def record_step(
    *, db: Database, actor: Actor, agreement_id: str, command: commands.RecordStep, if_match: str | None
) -> AgreementRow:
    """Record one step of the open procedure; the last one puts it in force and emits its event."""
    step = command.step
    # A per-party step with no party given is the caller's own.
    party = (command.party or actor.org) if step in PER_PARTY_STEPS else command.party
    async with unit_of_work(db, actor) as uow:
        row = await uow.load(AgreementRow, agreement_id, what="agreement", options=WHOLE)
        uow.authorise(parties_of(row), field="path.agreement_id", what=PARTY)
        if party is not None:
            # A government records only its own council resolution, public notice and notification.
            uow.authorise([party], field="body.party", what=f"the party taking this {step.value}")
        uow.change(row, if_match=if_match, action=f"agreement.step.{step.value}", view=audit_view)
        result = lifecycle_of(row).record_step(StepRecord(step, command.on, party, command.number))
        procedure = open_procedure(row)
        assert procedure is not None
        procedure.steps.append(
            StepRow(
                id=new_id(),
                procedure_id=procedure.id,
                step=step,
                party_code=party,
                taken_on=command.on,
                number=command.number,
                note=command.note,
                recorded_by_org=actor.org,
                recorded_by_sub=actor.sub,
                recorded_at=now(),
            )
        )
        write_state(row, result.lifecycle)
        if result.outcome is not None:
            procedure.status, procedure.completed_on = ProcedureStatus.COMPLETED, command.on
            a, b = parties_of(row)
            govs = await governments(uow.session, {"parties[0]": a, "parties[1]": b})
            area_type = await area_type_of(uow.session, row.area_id)
            uow.emit(row, apply_outcome(row, result.outcome, govs, area_type))
    return row


async def start_amendment(
    *, db: Database, actor: Actor, agreement_id: str, command: commands.StartAmendment, if_match: str | None
) -> AgreementRow:
    """Open an amendment: a new pending version that goes through every step again."""
    async with unit_of_work(db, actor) as uow:
        row = await changing_agreement(uow, agreement_id, if_match, action="agreement.amendment_started")
        lifecycle = lifecycle_of(row).start_amendment(effective_on=command.effective_on)
        current = version(row, row.in_force_version)
        assert current is not None
        role_division = current.role_division
        if command.role_division is not None:
            check_role_division(command.role_division, parties_of(row))
            role_division = [{"party": d.party, "role": d.role} for d in command.role_division]
        row.versions.append(
            new_version_row(
                row.id,
                lifecycle.latest_version,
                command.title or current.title,
                command.policy if command.policy is not None else current.policy,
                list(command.subjects) if command.subjects is not None else current.subjects,
                role_division,
            )
        )
        write_state(row, lifecycle)
        row.procedures.append(new_procedure_row(row.id, lifecycle, targets_of(row), reason=command.reason))
    return row


async def start_termination(
    *, db: Database, actor: Actor, agreement_id: str, command: commands.StartTermination, if_match: str | None
) -> AgreementRow:
    async with unit_of_work(db, actor) as uow:
        row = await changing_agreement(uow, agreement_id, if_match, action="agreement.termination_started")
        lifecycle = lifecycle_of(row).start_termination(effective_on=command.effective_on)
        write_state(row, lifecycle)
        row.procedures.append(new_procedure_row(row.id, lifecycle, targets_of(row), reason=command.reason))
    return row


async def withdraw_procedure(
    *, db: Database, actor: Actor, agreement_id: str, command: commands.Withdrawal, if_match: str | None
) -> AgreementRow:
    """Abandon the open procedure before conclusion (e.g. a council voted the bill down)."""
    async with unit_of_work(db, actor) as uow:
        row = await changing_agreement(uow, agreement_id, if_match, action="agreement.procedure_withdrawn")
        result = lifecycle_of(row).withdraw(command.withdrawn_on)
        procedure = open_procedure(row)
        assert procedure is not None
        procedure.status, procedure.withdrawn_on = ProcedureStatus.WITHDRAWN, command.withdrawn_on
        procedure.reason = "; ".join(filter(None, [procedure.reason, command.reason]))
        write_state(row, result.lifecycle)
        pending = version(row, procedure.version)
        if pending is not None and pending.status == VersionStatus.PENDING:
            pending.status = VersionStatus.WITHDRAWN
    return row
