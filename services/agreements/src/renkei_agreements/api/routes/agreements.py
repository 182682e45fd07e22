"""Routes of /v1/agreements: the 連携協約 / 定住自立圏形成協定 lifecycle, step by step, with its history."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import StreamingResponse
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor
from renkei_common.csv_exchange import CSV_RESPONSES, CsvRequested, column, export

from renkei_agreements.api.schemas.agreements import (
    AgreementCreate,
    AgreementPublic,
    AgreementsPublic,
    AgreementStatus,
    AgreementUpdate,
    AgreementVersionsPublic,
    AmendmentCreate,
    Kind,
    NotificationTargetPublic,
    PartyNotificationPublic,
    PartyPublic,
    ProcedurePublic,
    SlotPublic,
    StepCreate,
    StepPublic,
    TerminationCreate,
    VersionHistoryEntry,
    VersionPublic,
    WithdrawalCreate,
)
from renkei_agreements.api.schemas.common import Code, ResourceId
from renkei_agreements.domain.vocabulary import ProcedureStatus
from renkei_agreements.service_layer import agreement_procedures as procedures
from renkei_agreements.service_layer import agreements as use_cases
from renkei_agreements.service_layer import commands
from renkei_agreements.service_layer.agreement_state import (
    open_procedure,
    parties_of,
    party_notifications_of,
    to_procedure,
    version,
)

router = APIRouter(prefix="/v1/agreements", tags=["agreements"])
AgreementId = Annotated[str, Path(max_length=36)]


def procedure_public(row: Any, parties: tuple[str, str]) -> ProcedurePublic:
    """A procedure row with what may be recorded next (open procedures only), from the domain's slots."""
    procedure = to_procedure(row, parties)
    is_open = row.status == ProcedureStatus.OPEN
    return ProcedurePublic(
        id=row.id,
        purpose=row.purpose,
        version=row.version,
        status=row.status,
        effective_on=row.effective_on,
        reason=row.reason,
        notification_targets=row.notification_targets,
        notifications=[
            PartyNotificationPublic(
                party=n.party,
                target=NotificationTargetPublic.model_validate(asdict(n.target)),
                on=n.on,
                number=n.number,
                joint=n.joint,
            )
            for n in party_notifications_of(row, parties)
        ],
        steps=[StepPublic.model_validate(s) for s in row.steps],
        next_steps=[SlotPublic(step=s.step, party=s.party) for s in procedure.next_slots()]
        if is_open
        else [],
        outstanding=[SlotPublic(step=s.step, party=s.party) for s in procedure.outstanding()]
        if is_open
        else [],
        completed_on=row.completed_on,
        withdrawn_on=row.withdrawn_on,
    )


def to_public(row: Any) -> AgreementPublic:
    current = version(row, row.in_force_version)
    shown = current or version(row, row.latest_version)
    procedure = open_procedure(row)
    return AgreementPublic(
        id=row.id,
        kind=row.kind,
        title=shown.title if shown else "",
        parties=[
            PartyPublic(code=row.party_a_code, role=row.party_a_role),
            PartyPublic(code=row.party_b_code, role=row.party_b_role),
        ],
        area_id=row.area_id,
        status=row.status,
        in_force_version=row.in_force_version,
        latest_version=row.latest_version,
        current=VersionPublic.model_validate(current) if current else None,
        open_procedure=procedure_public(procedure, parties_of(row)) if procedure else None,
        consensus_rules=row.consensus_rules,
        created_at=row.created_at,
    )


def _answer(row: Any, response: Response) -> AgreementPublic:
    set_etag(response, row.id, row.row_version)
    return to_public(row)


@router.post("", status_code=201, response_model=AgreementPublic)
async def create_agreement(
    body: AgreementCreate, actor: CurrentActor, db: DbDep, response: Response
) -> AgreementPublic:
    """Draft an agreement between the caller and another government; its conclusion procedure opens."""
    command = to_command(commands.DraftAgreement, body, parties=tuple(body.parties))
    row = await use_cases.create_agreement(db=db, actor=actor, command=command)
    response.headers["Location"] = f"/v1/agreements/{row.id}"
    return _answer(row, response)


CSV_COLUMNS = (
    column("id", "協約ID"),
    column("kind", "種類"),
    column("title", "名称"),
    column("parties[0].code", "当事者1の団体コード", lambda a: a.parties[0].code),
    column("parties[0].role", "当事者1の役割", lambda a: a.parties[0].role),
    column("parties[1].code", "当事者2の団体コード", lambda a: a.parties[1].code),
    column("parties[1].role", "当事者2の役割", lambda a: a.parties[1].role),
    column("area_id", "圏域ID"),
    column("status", "状態"),
    column("in_force_version", "施行中の版"),
    column("latest_version", "最新の版"),
    column("current.in_force_on", "施行日", lambda a: a.current.in_force_on if a.current else None),
    column("created_at", "作成日時"),
)


@router.get("", response_model=AgreementsPublic, responses=CSV_RESPONSES)
async def list_agreements(
    actor: CurrentActor,
    db: DbDep,
    csv: CsvRequested,
    party: Annotated[Code | None, Query(description="agreements this government is party to")] = None,
    area_id: Annotated[ResourceId | None, Query()] = None,
    status: AgreementStatus | None = None,
    kind: Kind | None = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> AgreementsPublic | StreamingResponse:
    """Agreements the caller may read: its own, its prefecture's (prefectures), or all (national, auditor)."""

    async def page(after: str | None, size: int) -> tuple[list[AgreementPublic], str | None]:
        rows, following = await use_cases.list_agreements(
            db=db,
            actor=actor,
            party=party,
            area_id=area_id,
            status=status,
            kind=kind,
            cursor=after,
            limit=size,
        )
        return [to_public(r) for r in rows], following

    if csv is not None:
        return await export(page, CSV_COLUMNS, charset=csv, filename="agreements", cursor=cursor)
    data, next_cursor = await page(cursor, limit)
    return AgreementsPublic(data=data, next_cursor=next_cursor)


@router.get("/{agreement_id}", response_model=AgreementPublic)
async def get_agreement(
    agreement_id: AgreementId, actor: CurrentActor, db: DbDep, response: Response
) -> AgreementPublic:
    return _answer(await use_cases.get_agreement(db=db, actor=actor, agreement_id=agreement_id), response)


@router.patch("/{agreement_id}", response_model=AgreementPublic)
async def update_agreement(
    agreement_id: AgreementId,
    body: AgreementUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgreementPublic:
    """Set the consensus rules (合意形成過程のルール) recorded with the agreement."""
    command = to_command(commands.SetConsensusRules, body)
    row = await use_cases.update_agreement(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.get("/{agreement_id}/versions", response_model=AgreementVersionsPublic)
async def list_agreement_versions(
    agreement_id: AgreementId, actor: CurrentActor, db: DbDep
) -> AgreementVersionsPublic:
    """Every version with the procedures that made or ended it."""
    row = await use_cases.get_agreement(db=db, actor=actor, agreement_id=agreement_id, history=True)
    parties = parties_of(row)
    entries = [
        VersionHistoryEntry(
            **VersionPublic.model_validate(v).model_dump(),
            procedures=[procedure_public(p, parties) for p in row.procedures if p.version == v.number],
        )
        for v in row.versions
    ]
    return AgreementVersionsPublic(agreement_id=row.id, data=entries)


@router.post("/{agreement_id}/steps", response_model=AgreementPublic)
async def record_agreement_step(
    agreement_id: AgreementId,
    body: StepCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgreementPublic:
    """Record the next step (409 names what is missing); the last emits AgreementSigned and the like."""
    command = to_command(commands.RecordStep, body)
    row = await procedures.record_step(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.post("/{agreement_id}/amendments", status_code=201, response_model=AgreementPublic)
async def start_agreement_amendment(
    agreement_id: AgreementId,
    body: AmendmentCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgreementPublic:
    """Open an amendment: a new version goes through every step; the current one stays in force till then."""
    command = to_command(commands.StartAmendment, body)
    row = await procedures.start_amendment(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.post("/{agreement_id}/termination", status_code=201, response_model=AgreementPublic)
async def start_agreement_termination(
    agreement_id: AgreementId,
    body: TerminationCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgreementPublic:
    """Open the termination procedure; the agreement stays in force until its last step."""
    command = to_command(commands.StartTermination, body)
    row = await procedures.start_termination(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.post("/{agreement_id}/withdrawal", response_model=AgreementPublic)
async def withdraw_agreement_procedure(
    agreement_id: AgreementId,
    body: WithdrawalCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgreementPublic:
    """Abandon the open procedure before conclusion, e.g. when a council voted the bill down."""
    command = to_command(commands.Withdrawal, body)
    row = await procedures.withdraw_procedure(
        db=db, actor=actor, agreement_id=agreement_id, command=command, if_match=if_match
    )
    return _answer(row, response)
