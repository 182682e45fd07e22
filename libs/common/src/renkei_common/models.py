"""ORM rows of the shared tables: outbox, inbox, dead letters, feed checkpoints, audit log, idempotency."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from renkei_common.db import BigIntPK, CommonBase, UTCDateTime


class OutboxEvent(CommonBase):
    """An event written in the same transaction as the domain rows; also the source of the HTTP feed."""

    __tablename__ = "outbox_event"

    sequence: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(100))
    subject: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(200))
    aggregate_version: Mapped[int] = mapped_column(Integer, default=0)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    traceparent: Mapped[str | None] = mapped_column(String(55), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_outbox_event_unpublished", "published_at", "sequence"),)


class InboxEvent(CommonBase):
    """Events a consumer has already applied; written in the handler's transaction to skip duplicates."""

    __tablename__ = "inbox_event"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type: Mapped[str] = mapped_column(String(200))
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DeadLetter(CommonBase):
    """An event a consumer gave up on after bounded retries, kept for operators to inspect and replay."""

    __tablename__ = "dead_letter"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    consumer: Mapped[str] = mapped_column(String(100))
    event_id: Mapped[str] = mapped_column(String(36))
    type: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))
    envelope: Mapped[dict[str, Any]] = mapped_column(JSON)
    error: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(300))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    replayed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    replay_error: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (Index("ix_dead_letter_consumer_replayed", "consumer", "replayed_at"),)


class FeedCheckpoint(CommonBase):
    """How far a feed consumer has read one producer's feed."""

    __tablename__ = "feed_checkpoint"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    source: Mapped[str] = mapped_column(String(100), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(BigIntPK, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditEntry(CommonBase):
    """Append-only record of a write: who, when, what, before and after."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_sub: Mapped[str] = mapped_column(String(200))
    actor_org: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(100))
    resource_type: Mapped[str] = mapped_column(String(100))
    resource_id: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    request_id: Mapped[str | None] = mapped_column(String(100), nullable=True)

    __table_args__ = (Index("ix_audit_entry_resource", "resource_type", "resource_id"),)


class IdempotencyRecord(CommonBase):
    """The stored response of a write made with an Idempotency-Key, replayed on a retry."""

    __tablename__ = "idempotency_record"

    # The key is chosen by the client, so it is only unique within the caller's organisation.
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    actor_org: Mapped[str] = mapped_column(String(20), primary_key=True)
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    request_hash: Mapped[str] = mapped_column(String(64))
    # "in_progress" while the first request runs (a concurrent duplicate gets 409), then "completed".
    state: Mapped[str] = mapped_column(String(20), default="in_progress")
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Raw bytes, so that the replay is byte-for-byte the first response whatever its media type.
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    response_headers: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    # When the current attempt started; an in-progress record older than the takeover age is abandoned.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


# The webhook tables are shared tables too: importing them here puts them in CommonBase.metadata wherever
# the shared models are used (migrations' autogenerate, tests creating tables).
from renkei_common.webhooks.models import (  # noqa: E402, F401
    WebhookAttempt,
    WebhookCursor,
    WebhookDelivery,
    WebhookEndpoint,
)
