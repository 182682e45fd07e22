"""Routes of /v1/ordinance-profiles: each municipality's ordinance as versioned data."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from renkei_common.api_deps import Code, CursorQuery, DbDep, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_groups.api.presenters import profile_public, profile_row_public
from renkei_groups.api.schemas.profiles import ProfileCreate, ProfilePublic, ProfilesPublic
from renkei_groups.service_layer import profiles as use_cases
from renkei_groups.service_layer.commands import EnactProfile
from renkei_groups.service_layer.mapping import today

router = APIRouter(prefix="/v1/ordinance-profiles", tags=["ordinance-profiles"])


@router.post("", status_code=201, response_model=ProfilePublic, operation_id="enactOrdinanceProfile")
async def enact_profile(
    body: ProfileCreate, actor: CurrentActor, db: DbDep, response: Response
) -> ProfilePublic:
    """Record the next version of the caller's ordinance; what it leaves out is the shipped default's."""
    row = await use_cases.enact_profile(db=db, actor=actor, command=to_command(EnactProfile, body))
    response.headers["Location"] = f"/v1/ordinance-profiles/{row.id}"
    set_etag(response, row.id, row.row_version)
    return profile_row_public(row)


@router.get("/default", response_model=ProfilePublic, operation_id="getDefaultOrdinanceProfile")
async def shipped_default(
    actor: CurrentActor,
    municipality_code: Annotated[Code, Query()],
    effective_on: Annotated[date | None, Query()] = None,
) -> ProfilePublic:
    """The profile a municipality starts from: only the requirements art. 260-49 names."""
    return profile_public(
        use_cases.shipped_default(municipality_code=municipality_code, on=effective_on or today())
    )


@router.get("", response_model=ProfilesPublic, operation_id="listOrdinanceProfiles")
async def list_profiles(
    actor: CurrentActor,
    db: DbDep,
    municipality_code: Annotated[Code | None, Query()] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> ProfilesPublic:
    rows, next_cursor = await use_cases.list_profiles(
        db=db, municipality_code=municipality_code, cursor=cursor, limit=limit
    )
    return ProfilesPublic(data=[profile_row_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/{profile_id}", response_model=ProfilePublic, operation_id="getOrdinanceProfile")
async def get_profile(
    profile_id: Annotated[str, Path(max_length=36)], actor: CurrentActor, db: DbDep, response: Response
) -> ProfilePublic:
    row = await use_cases.get_profile(db=db, profile_id=profile_id)
    set_etag(response, row.id, row.row_version)
    return profile_row_public(row)
