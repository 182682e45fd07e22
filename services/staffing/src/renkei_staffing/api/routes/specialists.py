"""Routes of specialists (専門人材): the employer manages them; others see pseudonymised records."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_staffing.api.deps import CodeQuery, ResourceId
from renkei_staffing.api.schemas.people import (
    SpecialistCreate,
    SpecialistPublic,
    SpecialistsPublic,
    SpecialistUpdate,
)
from renkei_staffing.service_layer import specialists as use_cases
from renkei_staffing.service_layer.commands import RegisterSpecialist, UpdateSpecialist
from renkei_staffing.service_layer.specialists import SpecialistRecord

router = APIRouter(prefix="/v1/specialists", tags=["specialists"])


def public(record: SpecialistRecord) -> SpecialistPublic:
    return SpecialistPublic.model_validate(asdict(record))


@router.post("", status_code=201, response_model=SpecialistPublic)
async def register_specialist(
    body: SpecialistCreate, actor: CurrentActor, db: DbDep, response: Response
) -> SpecialistPublic:
    """The employer registers a specialist with profession, licences and employment period."""
    command = to_command(RegisterSpecialist, body)
    record = await use_cases.register_specialist(db=db, actor=actor, command=command)
    response.headers["Location"] = f"/v1/specialists/{record.id}"
    set_etag(response, record.id, record.row_version)
    return public(record)


@router.patch("/{specialist_id}", response_model=SpecialistPublic)
async def update_specialist(
    specialist_id: ResourceId,
    body: SpecialistUpdate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> SpecialistPublic:
    """The employer extends the employment, changes the contact or renews the licences."""
    command = to_command(UpdateSpecialist, body)
    record = await use_cases.update_specialist(
        db=db, actor=actor, specialist_id=specialist_id, command=command, if_match=if_match
    )
    set_etag(response, record.id, record.row_version)
    return public(record)


@router.get("/{specialist_id}", response_model=SpecialistPublic)
async def get_specialist(
    specialist_id: ResourceId, actor: CurrentActor, db: DbDep, response: Response
) -> SpecialistPublic:
    record = await use_cases.get_specialist(db=db, actor=actor, specialist_id=specialist_id)
    set_etag(response, record.id, record.row_version)
    return public(record)


@router.get("", response_model=SpecialistsPublic)
async def list_specialists(
    actor: CurrentActor,
    db: DbDep,
    employer_code: CodeQuery = None,
    profession_code: str | None = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> SpecialistsPublic:
    records, next_cursor = await use_cases.list_specialists(
        db=db,
        actor=actor,
        employer_code=employer_code,
        profession_code=profession_code,
        cursor=cursor,
        limit=limit,
    )
    return SpecialistsPublic(data=[public(r) for r in records], next_cursor=next_cursor)
