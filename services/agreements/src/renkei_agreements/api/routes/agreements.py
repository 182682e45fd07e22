"""Routes of /v1/agreements: the 連携協約 / 定住自立圏形成協定 lifecycle, step by step, with its history."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from renkei_common.auth import CurrentActor

from renkei_agreements.adapters.orm import AgreementRow, AgreementVersionRow, ProcedureRow
from renkei_agreements.api.deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag
from renkei_agreements.api.schemas.agreements import (
    AgreementCreate,
    AgreementKind,
    AgreementPublic,
    AgreementsPublic,
    AgreementUpdate,
    AgreementVersionsPublic,
    AmendmentCreate,
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
from renkei_agreements.service_layer import agreement_procedures as procedures
from renkei_agreements.service_layer import agreements as use_cases
from renkei_agreements.service_layer.agreement_state import open_procedure, parties_of, to_procedure, version

router = APIRouter(prefix="/v1/agreements", tags=["agreements"])
AgreementId = Annotated[str, Path(max_length=36)]


def procedure_public(row: ProcedureRow, parties: tuple[str, str]) -> ProcedurePublic:
    procedure = to_procedure(row, parties)
    open_ = row.status == "open"
    return ProcedurePublic(
        id=row.id,
        purpose=row.purpose,  # type: ignore[arg-type]
        version=row.version,
        status=row.status,  # type: ignore[arg-type]
        effective_on=row.effective_on,
        reason=row.reason,
        notification_targets=row.notification_targets,
        steps=[
            StepPublic(
                step=s.step,  # type: ignore[arg-type]
                party=s.party_code,
                on=s.taken_on,
                number=s.number,
                note=s.note,
                recorded_by_org=s.recorded_by_org,
                recorded_at=s.recorded_at,
            )
            for s in row.steps
        ],
        next_steps=[SlotPublic(step=s.step.value, party=s.party) for s in procedure.next_slots()]
        if open_
        else [],
        outstanding=[SlotPublic(step=s.step.value, party=s.party) for s in procedure.outstanding()]
        if open_
        else [],
        completed_on=row.completed_on,
        withdrawn_on=row.withdrawn_on,
    )


def version_public(row: AgreementVersionRow) -> VersionPublic:
    return VersionPublic(
        number=row.number,
        title=row.title,
        policy=row.policy,
        subjects=row.subjects,
        role_division=row.role_division,
        status=row.status,  # type: ignore[arg-type]
        in_force_on=row.in_force_on,
        ended_on=row.ended_on,
    )


def to_public(row: AgreementRow) -> AgreementPublic:
    current = version(row, row.in_force_version)
    latest = version(row, row.latest_version)
    procedure = open_procedure(row)
    shown = current or latest
    title = shown.title if shown else ""
    return AgreementPublic(
        id=row.id,
        kind=row.kind,  # type: ignore[arg-type]
        title=title,
        parties=[
            PartyPublic(code=row.party_a_code, role=row.party_a_role),
            PartyPublic(code=row.party_b_code, role=row.party_b_role),
        ],
        area_id=row.area_id,
        status=row.status,  # type: ignore[arg-type]
        in_force_version=row.in_force_version,
        latest_version=row.latest_version,
        current=version_public(current) if current else None,
        open_procedure=procedure_public(procedure, parties_of(row)) if procedure else None,
        consensus_rules=row.consensus_rules,  # type: ignore[arg-type]
        created_at=row.created_at,
    )


def _answer(row: AgreementRow, response: Response) -> AgreementPublic:
    set_etag(response, row.id, row.row_version)
    return to_public(row)


@router.post("", status_code=201, response_model=AgreementPublic)
async def create_agreement(
    body: AgreementCreate, actor: CurrentActor, db: DbDep, response: Response
) -> AgreementPublic:
    """Draft an agreement between the caller and another government; its conclusion procedure opens."""
    row = await use_cases.create_agreement(db=db, actor=actor, body=body)
    response.headers["Location"] = f"/v1/agreements/{row.id}"
    return _answer(row, response)


@router.get("", response_model=AgreementsPublic)
async def list_agreements(
    actor: CurrentActor,
    db: DbDep,
    party: Annotated[Code | None, Query(description="agreements this government is party to")] = None,
    area_id: Annotated[ResourceId | None, Query()] = None,
    status: Literal["draft", "in_force", "terminated", "withdrawn"] | None = None,
    kind: AgreementKind | None = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> AgreementsPublic:
    """Agreements the caller may read: its own, its prefecture's (prefectures), or all (national, auditor)."""
    rows, next_cursor = await use_cases.list_agreements(
        db=db, actor=actor, party=party, area_id=area_id, status=status, kind=kind, cursor=cursor, limit=limit
    )
    return AgreementsPublic(data=[to_public(r) for r in rows], next_cursor=next_cursor)


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
    row = await use_cases.update_agreement(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
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
            **version_public(v).model_dump(),
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
    row = await procedures.record_step(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
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
    row = await procedures.start_amendment(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
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
    row = await procedures.start_termination(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
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
    row = await procedures.withdraw_procedure(
        db=db, actor=actor, agreement_id=agreement_id, body=body, if_match=if_match
    )
    return _answer(row, response)
