"""The life of an idempotency_record row: claim the key, then complete it with the response or release it.

`request_hash` holds two digests of 128 bits each, 32 hex digits apiece: first the caller's (its `sub`
and roles), known as soon as the token is verified; then the request's (method, path, query, If-Match
and body), known once the body has streamed past. A claim stores the caller's and a placeholder.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.errors import Conflict, FieldError, Forbidden
from renkei_common.i18n import msg
from renkei_common.models import IdempotencyRecord

log = logging.getLogger(__name__)

IN_PROGRESS, COMPLETED = "in_progress", "completed"
DIGEST_LENGTH = 32  # hex digits: 128 bits, each half of IdempotencyRecord.request_hash
PENDING_DIGEST = "-" * DIGEST_LENGTH  # not a hex digest, so it never equals a request's


def caller_digest(actor: Actor) -> str:
    """Who made the write: replays go to the same caller with the same roles, never to a colleague or an
    auditor of the same org."""
    identity = "\0".join([actor.sub, *sorted(actor.roles)])
    return hashlib.sha256(identity.encode()).hexdigest()[:DIGEST_LENGTH]


@dataclass(frozen=True)
class KeyedRequest:
    """A write sent with an Idempotency-Key: the key is scoped by org and owned by one caller."""

    key: str
    org: str
    caller: str  # caller_digest of the actor
    method: str
    path: str


async def claim_key(
    database: Database, request: KeyedRequest, *, takeover_after: timedelta
) -> IdempotencyRecord:
    """Our in-progress record (run the request), or the completed one (check the body, then replay it);
    else a 403 (another caller's key) or a 409 (in progress).

    Each step is its own short transaction, so no lock is held while the request itself runs.
    """
    now = datetime.now(UTC)
    claim = IdempotencyRecord(
        key=request.key,
        actor_org=request.org,
        method=request.method,
        path=request.path,
        request_hash=request.caller + PENDING_DIGEST,
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
            # The first attempt was released (an answer not to remember) between our two statements.
            raise _in_progress()
        if existing.request_hash[:DIGEST_LENGTH] != request.caller:
            # Checked before anything else: the key's state and its answer are the owner's business.
            raise _not_the_owner()
        if existing.state == COMPLETED:
            return existing
        if now - existing.created_at < takeover_after:
            raise _in_progress()
        # The first attempt died mid-request. Take over only if nobody else just did.
        taken = await session.execute(
            update(IdempotencyRecord)
            .where(_same_attempt(request, existing.created_at))
            .values(created_at=now, request_hash=claim.request_hash)
        )
        if getattr(taken, "rowcount", 0) != 1:
            raise _in_progress()
    log.warning("took over the abandoned idempotency key %s of org %s", request.key, request.org)
    return claim


def request_digest_of(record: IdempotencyRecord) -> str:
    return record.request_hash[DIGEST_LENGTH:]


async def complete_key(
    database: Database,
    request: KeyedRequest,
    *,
    claimed_at: datetime,
    request_digest: str,
    status_code: int,
    body: bytes,
    headers: dict[str, str],
) -> bool:
    """Store the response for replay, before it is sent. False (logged) if it could not be stored."""
    try:
        async with database.transaction() as session:
            result = await session.execute(
                update(IdempotencyRecord)
                .where(_same_attempt(request, claimed_at))
                .values(
                    state=COMPLETED,
                    request_hash=request.caller + request_digest,
                    status_code=status_code,
                    response_body=body,
                    response_headers=headers,
                    completed_at=datetime.now(UTC),
                )
            )
        return getattr(result, "rowcount", 0) == 1
    except Exception:
        # The answer is sent all the same; a retry takes the key over once the claim is old enough.
        log.exception("could not store the response for idempotency key %s", request.key)
        return False


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
        msg("idempotency.in_progress"),
        slug="idempotency-key-in-progress",
        headers={"Retry-After": "1"},
    )


def _not_the_owner() -> Forbidden:
    message = msg("idempotency.not_yours")
    return Forbidden(
        message,
        slug="idempotency-key-not-yours",
        errors=[FieldError(field="Idempotency-Key", rule="same_caller", message=message)],
    )
