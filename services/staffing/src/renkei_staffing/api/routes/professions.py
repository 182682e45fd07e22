"""Routes of the profession catalogue (職種): data, not code; operators and `national` add professions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Response
from renkei_common.api_deps import DbDep, to_command
from renkei_common.auth import CurrentActor

from renkei_staffing.api.schemas.people import ProfessionCreate, ProfessionPublic, ProfessionsPublic
from renkei_staffing.service_layer import professions as use_cases
from renkei_staffing.service_layer.commands import DefineProfession

router = APIRouter(prefix="/v1/professions", tags=["professions"])


def public(row: Any) -> ProfessionPublic:
    return ProfessionPublic.model_validate(row, from_attributes=True)


@router.post("", status_code=201, response_model=ProfessionPublic)
async def define_profession(
    body: ProfessionCreate, actor: CurrentActor, db: DbDep, response: Response
) -> ProfessionPublic:
    """Add a profession with the licences it requires (operator or national)."""
    command = to_command(DefineProfession, body)
    row = await use_cases.define_profession(db=db, actor=actor, command=command)
    response.headers["Location"] = f"/v1/professions/{row.code}"
    return public(row)


@router.get("", response_model=ProfessionsPublic)
async def list_professions(actor: CurrentActor, db: DbDep) -> ProfessionsPublic:
    return ProfessionsPublic(data=[public(row) for row in await use_cases.list_professions(db=db)])


@router.get("/{code}", response_model=ProfessionPublic)
async def get_profession(
    code: str = Path(max_length=40), *, actor: CurrentActor, db: DbDep
) -> ProfessionPublic:
    return public(await use_cases.get_profession(db=db, code=code))
