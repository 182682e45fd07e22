"""Routes of /v1/shared-services: shared facilities, joint tasks, and each year's cost sharing to the yen."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from renkei_common.api_deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag, to_command
from renkei_common.auth import CurrentActor

from renkei_agreements.api.schemas.common import ResourceId
from renkei_agreements.api.schemas.shared_services import (
    ConsentCreate,
    CostSharingPublic,
    CostSharingPut,
    SharedServiceCreate,
    SharedServicePublic,
    SharedServicesPublic,
)
from renkei_agreements.service_layer import commands, cost_sharings
from renkei_agreements.service_layer import shared_services as use_cases

router = APIRouter(prefix="/v1/shared-services", tags=["shared-services"])
SharedServiceId = Annotated[str, Path(max_length=36)]


def _answer(row: Any, response: Response) -> SharedServicePublic:
    set_etag(response, row.id, row.row_version)
    return SharedServicePublic.model_validate(row)


@router.post("", status_code=201, response_model=SharedServicePublic)
async def register_shared_service(
    body: SharedServiceCreate, actor: CurrentActor, db: DbDep, response: Response
) -> SharedServicePublic:
    """Register a shared facility or joint task; the caller must be its lead member."""
    command = to_command(commands.RegisterSharedService, body)
    row = await use_cases.register_shared_service(db=db, actor=actor, command=command)
    response.headers["Location"] = f"/v1/shared-services/{row.id}"
    return _answer(row, response)


@router.get("", response_model=SharedServicesPublic)
async def list_shared_services(
    actor: CurrentActor,
    db: DbDep,
    area_id: Annotated[ResourceId | None, Query()] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> SharedServicesPublic:
    rows, next_cursor = await use_cases.list_shared_services(
        db=db, actor=actor, area_id=area_id, cursor=cursor, limit=limit
    )
    return SharedServicesPublic(
        data=[SharedServicePublic.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.get("/{shared_service_id}", response_model=SharedServicePublic)
async def get_shared_service(
    shared_service_id: SharedServiceId, actor: CurrentActor, db: DbDep, response: Response
) -> SharedServicePublic:
    """The service with every year's cost sharing and each member's share in integer yen."""
    row = await use_cases.get_shared_service(db=db, actor=actor, shared_service_id=shared_service_id)
    return _answer(row, response)


@router.post("/{shared_service_id}/consents", response_model=SharedServicePublic)
async def consent_to_shared_service(
    shared_service_id: SharedServiceId,
    body: ConsentCreate,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> SharedServicePublic:
    """The calling member consents to take part and to share the costs; 403 for anyone else."""
    command = to_command(commands.ConsentToSharedService, body)
    row = await use_cases.consent_to_shared_service(
        db=db, actor=actor, shared_service_id=shared_service_id, command=command, if_match=if_match
    )
    return _answer(row, response)


@router.put("/{shared_service_id}/cost-sharings/{fiscal_year}", response_model=CostSharingPublic)
async def agree_cost_sharing(
    shared_service_id: SharedServiceId,
    fiscal_year: Annotated[int, Path(ge=1947, le=2200)],
    body: CostSharingPut,
    actor: CurrentActor,
    db: DbDep,
    response: Response,
    if_match: IfMatch = None,
) -> CostSharingPublic:
    """Agree a year's cost sharing to the yen, per cost class (建設費, 運営費, 維持管理費) and basis (均等割,
    人口割, 利用割, 基準財政需要額割, 累積搬入量割), with the stated rounding. Emits CostSharingAgreed."""
    command = to_command(commands.AgreeCostSharing, body, fiscal_year=fiscal_year)
    service, row = await cost_sharings.agree_cost_sharing(
        db=db, actor=actor, shared_service_id=shared_service_id, command=command, if_match=if_match
    )
    set_etag(response, service.id, service.row_version)
    return CostSharingPublic.model_validate(row)


@router.get("/{shared_service_id}/cost-sharings/{fiscal_year}", response_model=CostSharingPublic)
async def get_cost_sharing(
    shared_service_id: SharedServiceId,
    fiscal_year: Annotated[int, Path(ge=1947, le=2200)],
    actor: CurrentActor,
    db: DbDep,
) -> CostSharingPublic:
    """A year's cost sharing: each member's share per cost class, with the arithmetic in words."""
    row = await cost_sharings.get_cost_sharing(
        db=db, actor=actor, shared_service_id=shared_service_id, fiscal_year=fiscal_year
    )
    return CostSharingPublic.model_validate(row)
