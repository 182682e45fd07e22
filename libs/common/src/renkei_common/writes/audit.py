"""The append-only audit log: who changed what, when, from what to what."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common.auth import Actor
from renkei_common.logging_setup import current_request_id
from renkei_common.models import AuditEntry

MAX_PAGE = 1000


def jsonable(value: Any) -> Any:
    """`value` as plain JSON types: dates become ISO 8601 strings, Decimals exact strings."""
    # Decimal -> str rather than FastAPI's float: an audit trail must not round what it records.
    return jsonable_encoder(value, custom_encoder={Decimal: str})


def _snapshot(value: Mapping[str, Any] | BaseModel | None) -> dict[str, Any] | None:
    if value is None:
        return None
    snapshot = jsonable(value)
    if not isinstance(snapshot, dict):
        raise TypeError(f"audit snapshots must be objects, not {type(value).__name__}")
    return snapshot


async def record_audit(
    session: AsyncSession,
    *,
    actor: Actor,
    action: str,
    resource_type: str,
    resource_id: str,
    before: Mapping[str, Any] | BaseModel | None = None,
    after: Mapping[str, Any] | BaseModel | None = None,
) -> AuditEntry:
    """Add an audit entry to the caller's transaction, so it commits or rolls back with the write itself."""
    entry = AuditEntry(
        occurred_at=datetime.now(UTC),
        actor_sub=actor.sub,
        actor_org=actor.org,
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        before=_snapshot(before),
        after=_snapshot(after),
        request_id=current_request_id(),
    )
    session.add(entry)
    return entry


async def list_audit(
    session: AsyncSession,
    *,
    resource_type: str | None = None,
    resource_id: str | None = None,
    limit: int = 100,
    after_id: int = 0,
) -> list[AuditEntry]:
    """Entries in write order after the cursor `after_id` (the last id of the previous page)."""
    query = select(AuditEntry).where(AuditEntry.id > after_id)
    if resource_type is not None:
        query = query.where(AuditEntry.resource_type == resource_type)
    if resource_id is not None:
        query = query.where(AuditEntry.resource_id == resource_id)
    query = query.order_by(AuditEntry.id).limit(max(1, min(limit, MAX_PAGE)))
    return list((await session.scalars(query)).all())
