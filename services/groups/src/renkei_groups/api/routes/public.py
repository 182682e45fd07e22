"""Open data without a token (/v1/public): notices (告示) and OCDS releases of no-bid contracts.

Responses carry a content ETag and Cache-Control; If-None-Match with the current ETag answers 304.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from renkei_common.api_deps import Code, CursorQuery, DbDep, FiscalYear, LimitQuery

from renkei_groups.api.routes.paths import ContractPath
from renkei_groups.api.schemas.public import NoticePublic, NoticesPublic
from renkei_groups.config import Settings
from renkei_groups.service_layer import public

router = APIRouter(prefix="/v1/public", tags=["public"])
CACHE_CONTROL = "public, max-age=300"


def cacheable(request: Request, content: Any) -> Response:
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(content=body, media_type="application/json", headers=headers)


def _settings(request: Request) -> Settings:
    settings = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


@router.get(
    "/notices",
    response_model=NoticesPublic,
    operation_id="listPublicNotices",
    responses={304: {"description": "not modified since the ETag given in If-None-Match"}},
)
async def notices(
    request: Request,
    db: DbDep,
    municipality_code: Annotated[Code | None, Query()] = None,
    noticed_from: Annotated[date | None, Query(alias="from")] = None,
    noticed_to: Annotated[date | None, Query(alias="to")] = None,
    cursor: CursorQuery = None,
    limit: LimitQuery = 100,
) -> Response:
    """Every designation, change and revocation notice; no member's personal data."""
    rows, next_cursor = await public.list_notices(
        db=db,
        municipality_code=municipality_code,
        noticed_from=noticed_from,
        noticed_to=noticed_to,
        cursor=cursor,
        limit=limit,
    )
    page = NoticesPublic(data=[NoticePublic.model_validate(r) for r in rows], next_cursor=next_cursor)
    return cacheable(request, page.model_dump(mode="json"))


@router.get("/contracts/{contract_id}/ocds-release", operation_id="getContractOcdsRelease")
async def contract_release(request: Request, contract_id: ContractPath, db: DbDep) -> Response:
    """The no-bid contract as an OCDS 1.1 release."""
    release = await public.contract_release(
        db=db, contract_id=contract_id, ocid_prefix=_settings(request).ocid_prefix
    )
    return cacheable(request, release)


@router.get("/ocds/release-package", operation_id="getOcdsReleasePackage")
async def release_package(
    request: Request,
    db: DbDep,
    municipality_code: Annotated[Code | None, Query()] = None,
    fiscal_year: Annotated[FiscalYear | None, Query()] = None,
    limit: LimitQuery = 500,
) -> Response:
    """The no-bid contracts as an OCDS 1.1 release package."""
    package = await public.release_package(
        db=db,
        municipality_code=municipality_code,
        fiscal_year=fiscal_year,
        ocid_prefix=_settings(request).ocid_prefix,
        uri=str(request.url),
        limit=limit,
    )
    return cacheable(request, package)
