"""Routes of /v1/shared-services: shared facilities, joint tasks, and each year's cost sharing to the yen."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from renkei_common.auth import CurrentActor

from renkei_agreements.adapters.orm import CostSharingRow, SharedServiceRow
from renkei_agreements.api.deps import CursorQuery, DbDep, IfMatch, LimitQuery, set_etag
from renkei_agreements.api.schemas.common import ResourceId
from renkei_agreements.api.schemas.shared_services import (
    CostSharingPublic,
    CostSharingPut,
    MemberSharePublic,
    SharedServiceCreate,
    SharedServicePublic,
    SharedServicesPublic,
)
from renkei_agreements.service_layer import shared_services as use_cases

router = APIRouter(prefix="/v1/shared-services", tags=["shared-services"])
SharedServiceId = Annotated[str, Path(max_length=36)]


def cost_sharing_public(row: CostSharingRow) -> CostSharingPublic:
    return CostSharingPublic(
        shared_service_id=row.shared_service_id,
        fiscal_year=row.fiscal_year,
        cost_yen=row.cost_yen,
        weights={"equal": row.equal_weight, "population": row.population_weight, "usage": row.usage_weight},
        remainder_to=row.remainder_to,
        members=[
            MemberSharePublic(
                code=m["code"],
                population=m["population"],
                population_year=m["population_year"],
                usage=m["usage"],
                share_yen=m["share_yen"],
                exact_yen=m["exact_yen"],
            )
            for m in row.members
        ],
        agreed_on=row.agreed_on,
        revision=row.revision,
        population_sources=sorted(
            {m["population_source"] for m in row.members if m.get("population_source")}
        ),
    )


def to_public(row: SharedServiceRow) -> SharedServicePublic:
    return SharedServicePublic(
        id=row.id,
        name=row.name,
        category=row.category,  # type: ignore[arg-type]
        area_id=row.area_id,
        agreement_id=row.agreement_id,
        description=row.description,
        lead_code=row.lead_code,
        members=use_cases.member_codes(row),
        cost_sharings=[cost_sharing_public(c) for c in row.cost_sharings],
        created_at=row.created_at,
    )


@router.post("", status_code=201, response_model=SharedServicePublic)
async def register_shared_service(
    body: SharedServiceCreate, actor: CurrentActor, db: DbDep, response: Response
) -> SharedServicePublic:
    """Register a shared facility or joint task; the caller must be its lead member."""
    row = await use_cases.register_shared_service(db=db, actor=actor, body=body)
    response.headers["Location"] = f"/v1/shared-services/{row.id}"
    set_etag(response, row.id, row.row_version)
    return to_public(row)


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
    return SharedServicesPublic(data=[to_public(r) for r in rows], next_cursor=next_cursor)


@router.get("/{shared_service_id}", response_model=SharedServicePublic)
async def get_shared_service(
    shared_service_id: SharedServiceId, actor: CurrentActor, db: DbDep, response: Response
) -> SharedServicePublic:
    """The service with every year's cost sharing and each member's share in integer yen."""
    row = await use_cases.get_shared_service(db=db, actor=actor, shared_service_id=shared_service_id)
    set_etag(response, row.id, row.row_version)
    return to_public(row)


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
    """Agree a year's cost sharing (均等割 + 人口割 + 利用割) to the yen. Emits CostSharingAgreed."""
    service, row = await use_cases.agree_cost_sharing(
        db=db,
        actor=actor,
        shared_service_id=shared_service_id,
        fiscal_year=fiscal_year,
        body=body,
        if_match=if_match,
    )
    set_etag(response, service.id, service.row_version)
    return cost_sharing_public(row)
