"""The life of an idempotency_record row: claim the key, then complete it with the response or release it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common.db import Database
from renkei_common.errors import Conflict, Unprocessable
from renkei_common.models import IdempotencyRecord

log = logging.getLogger(__name__)

IN_PROGRESS, COMPLETED = "in_progress", "completed"


@dataclass(frozen=True)
class KeyedRequest:
    """A write sent with an Idempotency-Key, identified by its caller's org and a hash of what it asks."""

    key: str
    org: str
    method: str
    path: str
    request_hash: str


async def claim_key(
    database: Database, request: KeyedRequest, *, takeover_after: timedelta
) -> IdempotencyRecord:
    """Our in-progress record (run the request), or the completed one (replay it); else a 409/422 problem.

    Each step is its own short transaction, so no lock is held while the request itself runs.
    """
    now = datetime.now(UTC)
    claim = IdempotencyRecord(
        key=request.key,
        actor_org=request.org,
        method=request.method,
        path=request.path,
        request_hash=request.request_hash,
        state=IN_PROGRESS,
        created_at=now,
    )
    try:
        async with database.transaction() as session:
            session.add(claim)
        return claim
    except IntegrityError:
        pass  # the key is known: decide from the existing record
    async with database.transaction() as session:
        existing = await session.get(IdempotencyRecord, (request.key, request.org))
        if existing is None:
            # The first attempt failed with a 5xx and released the key between our two statements.
            raise _in_progress()
        if existing.request_hash != request.request_hash:
            raise Unprocessable(
                "Idempotency-Key",
                "reused_with_different_request",
                f"this key was first used for another request ({existing.method} {existing.path} "
                "or a different body); use a new key for a new request",
                slug="idempotency-key-reused",
            )
        if existing.state == COMPLETED:
            return existing
        if now - _aware(existing.created_at) < takeover_after:
            raise _in_progress()
        # The first attempt died mid-request. Take over only if nobody else just did.
        taken = await session.execute(
            update(IdempotencyRecord)
            .where(_same_attempt(request, existing.created_at))
            .values(created_at=now)
        )
        if getattr(taken, "rowcount", 0) != 1:
            raise _in_progress()
    log.warning("took over the abandoned idempotency key %s of org %s", request.key, request.org)
    return claim


async def complete_key(
    database: Database,
    request: KeyedRequest,
    *,
    claimed_at: datetime,
    status_code: int,
    body: bytes,
    headers: dict[str, str],
) -> None:
    """Store the response for replay. Failing here only logs: the response is already on its way."""
    try:
        async with database.transaction() as session:
            await session.execute(
                update(IdempotencyRecord)
                .where(_same_attempt(request, claimed_at))
                .values(
                    state=COMPLETED,
                    status_code=status_code,
                    response_body=body,
                    response_headers=headers,
                    completed_at=datetime.now(UTC),
                )
            )
    except Exception:
        # A retry takes the key over once the record is older than the takeover age.
        log.exception("could not store the response for idempotency key %s", request.key)


async def release_key(database: Database, request: KeyedRequest, *, claimed_at: datetime) -> None:
    """Forget our claim, so that a retry with the same key runs the request again."""
    try:
        async with database.transaction() as session:
            await session.execute(delete(IdempotencyRecord).where(_same_attempt(request, claimed_at)))
    except Exception:
        log.exception("could not release idempotency key %s", request.key)


async def prune_idempotency_records(session: AsyncSession, *, older_than: timedelta) -> int:
    """Delete records started more than `older_than` ago; clients retry within minutes, not days."""
    cutoff = datetime.now(UTC) - older_than
    result = await session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def _same_attempt(request: KeyedRequest, claimed_at: datetime) -> ColumnElement[bool]:
    # The claim time tells attempts apart: a slow first attempt must not overwrite or delete
    # the record of the attempt that took its key over.
    return and_(
        IdempotencyRecord.key == request.key,
        IdempotencyRecord.actor_org == request.org,
        IdempotencyRecord.state == IN_PROGRESS,
        IdempotencyRecord.created_at == claimed_at,
    )


def _in_progress() -> Conflict:
    return Conflict(
        "a request with this Idempotency-Key is in progress; retry when it has finished",
        slug="idempotency-key-in-progress",
        headers={"Retry-After": "1"},
    )


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything this module writes is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
