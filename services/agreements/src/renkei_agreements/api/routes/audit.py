"""Route of /v1/audit: the append-only audit log of this service, for auditors, MIC and operators."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from renkei_common.api_deps import DbDep, LimitQuery
from renkei_common.auth import Actor, require_roles
from renkei_common.writes import list_audit

router = APIRouter(prefix="/v1/audit", tags=["audit"])
AuditReader = Annotated[Actor, Depends(require_roles("auditor", "national", "operator"))]


class AuditEntryPublic(BaseModel):
    id: int
    occurred_at: datetime
    actor_sub: str
    actor_org: str
    action: str
    resource_type: str
    resource_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None


class AuditEntriesPublic(BaseModel):
    data: list[AuditEntryPublic]
    next_after: int | None = Field(description="pass as `after` for the next page; null on the last one")


@router.get("", response_model=AuditEntriesPublic)
async def list_audit_entries(
    actor: AuditReader,
    db: DbDep,
    resource_type: Annotated[str | None, Query(max_length=100)] = None,
    resource_id: Annotated[str | None, Query(max_length=200)] = None,
    after: Annotated[int, Query(ge=0, le=2**62, description="id of the last entry already read")] = 0,
    limit: LimitQuery = 100,
) -> AuditEntriesPublic:
    """Who changed what, when, from what to what; oldest first."""
    async with db.session() as session:
        entries = await list_audit(
            session, resource_type=resource_type, resource_id=resource_id, limit=limit + 1, after_id=after
        )
    page = entries[:limit]
    return AuditEntriesPublic(
        data=[AuditEntryPublic.model_validate(e, from_attributes=True) for e in page],
        next_after=page[-1].id if len(entries) > limit else None,
    )
