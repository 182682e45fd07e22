"""Between rows and the pure lifecycle: rebuild the state machine from rows, write back what it decides."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from renkei_common.events.contracts import (
    AgreementAmended,
    AgreementSigned,
    AgreementTerminated,
    EventPayload,
    Party,
)
from renkei_common.persistence import new_id, now, snapshot
from renkei_common.refdata import LocalGovernment, prefecture_code_of
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.orm import AgreementRow, AgreementVersionRow, ProcedureRow
from renkei_agreements.domain.lifecycle import (
    AgreementLifecycle,
    Amended,
    Outcome,
    Procedure,
    Purpose,
    Signed,
    Step,
    StepRecord,
    Terminated,
)
from renkei_agreements.domain.notification import NotificationTarget, PartyNotification
from renkei_agreements.domain.vocabulary import AreaType, ProcedureStatus, VersionStatus

# A write reads every version and procedure with its steps in the one locked query.
WHOLE = (
    joinedload(AgreementRow.versions),
    joinedload(AgreementRow.procedures).joinedload(ProcedureRow.steps),
)


def parties_of(row: AgreementRow) -> tuple[str, str]:
    return (row.party_a_code, row.party_b_code)


def open_procedure(row: AgreementRow) -> ProcedureRow | None:
    return next((p for p in row.procedures if p.status == ProcedureStatus.OPEN), None)


def version(row: AgreementRow, number: int | None) -> AgreementVersionRow | None:
    return next((v for v in row.versions if v.number == number), None)


def to_procedure(row: ProcedureRow, parties: tuple[str, str]) -> Procedure:
    records = tuple(StepRecord(s.step, s.taken_on, s.party_code, s.number) for s in row.steps)
    return Procedure(row.purpose, row.version, parties, records, row.effective_on, row.withdrawn_on)


def party_notifications_of(row: ProcedureRow, parties: tuple[str, str]) -> list[PartyNotification]:
    """Each party's notification (届出) in the procedure: its target, and its date once recorded.

    The targets were fixed when the agreement was drafted: 総務大臣 for both when a prefecture is a party,
    otherwise each party's own governor, found by the party's prefecture.
    """
    procedure = to_procedure(row, parties)
    targets = [NotificationTarget(**t) for t in row.notification_targets]

    def target_of(party: str) -> NotificationTarget:
        minister = next((t for t in targets if t.authority == "minister"), None)
        own = next((t for t in targets if t.prefecture_code == prefecture_code_of(party)), targets[0])
        return minister or own

    found = []
    for party in parties:
        record = procedure.record_of(Step.NOTIFICATION, party)
        found.append(
            PartyNotification(
                party,
                target_of(party),
                record.on if record else None,
                record.number if record else None,
                record is not None and record.party is None,
            )
        )
    return found


def lifecycle_of(row: AgreementRow) -> AgreementLifecycle:
    parties = parties_of(row)
    procedure = open_procedure(row)
    return AgreementLifecycle(
        parties=parties,
        status=row.status,
        latest_version=row.latest_version,
        in_force_version=row.in_force_version,
        procedure=to_procedure(procedure, parties) if procedure else None,
    )


def write_state(row: AgreementRow, state: AgreementLifecycle) -> None:
    """Write exactly the state the domain decided; the service layer never derives it a second time."""
    row.status, row.latest_version, row.in_force_version = (
        state.status,
        state.latest_version,
        state.in_force_version,
    )


def apply_outcome(
    row: AgreementRow, outcome: Outcome, governments: dict[str, LocalGovernment], area_type: AreaType | None
) -> EventPayload:
    """Move the versions on for a completed procedure; returns the event to publish."""
    parties = [
        Party(
            code=code,
            name=governments[code].name,
            role=role,
            kind=governments[code].kind,
            flags=governments[code].flags,
        )
        for code, role in ((row.party_a_code, row.party_a_role), (row.party_b_code, row.party_b_role))
    ]
    if isinstance(outcome, Terminated):
        ended = version(row, outcome.version)
        assert ended is not None
        ended.status, ended.ended_on = VersionStatus.TERMINATED, outcome.terminated_on
        return AgreementTerminated(
            agreement_id=row.id,
            agreement_version=outcome.version,
            parties=parties,
            area_id=row.area_id,
            terminated_on=outcome.terminated_on,
            kind=row.kind,
            title=ended.title,
        )
    new = version(row, outcome.version)
    assert new is not None
    new.status, new.in_force_on = VersionStatus.IN_FORCE, outcome.in_force_on
    fields: dict[str, Any] = dict(
        agreement_id=row.id,
        agreement_version=outcome.version,
        kind=row.kind,
        title=new.title,
        parties=parties,
        area_id=row.area_id,
        area_type=area_type,
        concluded_on=outcome.concluded_on,
        in_force_on=outcome.in_force_on,
        subjects=sorted({s["type"] for s in new.subjects}),
    )
    if isinstance(outcome, Signed):
        return AgreementSigned(**fields)
    assert isinstance(outcome, Amended)
    previous = version(row, outcome.previous_version)
    assert previous is not None
    previous.status = VersionStatus.SUPERSEDED
    # The last day the previous version was in force; both fall on the same day if dates coincide.
    previous.ended_on = max(
        outcome.in_force_on - timedelta(days=1), previous.in_force_on or outcome.in_force_on
    )
    return AgreementAmended(previous_version=outcome.previous_version, **fields)


def audit_view(row: AgreementRow) -> dict[str, object]:
    procedure = open_procedure(row)
    return {
        **snapshot(row),
        "open_procedure": snapshot(procedure) if procedure else None,
        "steps": [snapshot(s) for s in procedure.steps] if procedure else [],
    }


def targets_of(row: AgreementRow) -> list[dict[str, str | None]]:
    """The notification targets (届出先), fixed by the parties when the agreement was drafted."""
    first = next(p for p in row.procedures if p.purpose == Purpose.CONCLUSION)
    return list(first.notification_targets)


def new_version_row(
    agreement_id: str, number: int, title: str, policy: str | None, subjects: object, role_division: object
) -> AgreementVersionRow:
    return AgreementVersionRow(
        id=new_id(),
        agreement_id=agreement_id,
        number=number,
        title=title,
        policy=policy,
        subjects=subjects,
        role_division=role_division,
        status=VersionStatus.PENDING,
        in_force_on=None,
        ended_on=None,
        created_at=now(),
    )


def new_procedure_row(
    agreement_id: str,
    lifecycle: AgreementLifecycle,
    targets: list[dict[str, str | None]],
    *,
    reason: str | None = None,
) -> ProcedureRow:
    procedure = lifecycle.procedure
    assert procedure is not None
    return ProcedureRow(
        id=new_id(),
        agreement_id=agreement_id,
        purpose=procedure.purpose,
        version=procedure.version,
        status=ProcedureStatus.OPEN,
        effective_on=procedure.effective_on,
        reason=reason,
        notification_targets=targets,
        opened_at=now(),
        completed_on=None,
        withdrawn_on=None,
        steps=[],
    )
