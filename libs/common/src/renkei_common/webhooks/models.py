"""Shared tables of outgoing webhooks: endpoints, a delivery per (endpoint, event), attempts, a cursor."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from renkei_common.db import BigIntPK, CommonBase, UTCDateTime


class WebhookEndpoint(CommonBase):
    """A URL an organisation registered to receive the events it may see, of the types it chose."""

    __tablename__ = "webhook_endpoint"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    org: Mapped[str] = mapped_column(String(20))
    # The owner's roles when it registered: what it may see (access.can_read) depends on them.
    roles: Mapped[list[str]] = mapped_column(JSON)
    created_by_sub: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(500))
    event_types: Mapped[list[str]] = mapped_column(JSON)
    secret: Mapped[str] = mapped_column(String(100))
    # After a rotation the old secret also signs until `previous_secret_until` (Standard Webhooks allows
    # several signatures in one header), so that a receiver can switch without losing a delivery.
    previous_secret: Mapped[str | None] = mapped_column(String(100), nullable=True)
    previous_secret_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    enabled: Mapped[bool] = mapped_column(Boolean)
    disabled_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    consecutive_failures: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_webhook_endpoint_org", "org"),)


class WebhookDelivery(CommonBase):
    """One event for one endpoint: pending until delivered or given up; `event_id` is the `webhook-id`."""

    __tablename__ = "webhook_delivery"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    endpoint_id: Mapped[str] = mapped_column(String(36))
    event_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(BigIntPK)
    # The CloudEvents subject names the aggregate; deliveries of one subject go out in sequence order.
    subject: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(200))
    envelope: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20))  # pending, delivered, failed
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id"),
        Index("ix_webhook_delivery_endpoint_id", "endpoint_id", "state", "sequence"),
    )


class WebhookAttempt(CommonBase):
    """One HTTP request of a delivery: what the receiver answered and how long it took."""

    __tablename__ = "webhook_attempt"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    delivery_id: Mapped[int] = mapped_column(BigIntPK)
    endpoint_id: Mapped[str] = mapped_column(String(36))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    latency_ms: Mapped[int] = mapped_column(Integer)
    response_excerpt: Mapped[str | None] = mapped_column(Text, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    manual: Mapped[bool] = mapped_column(Boolean)

    __table_args__ = (Index("ix_webhook_attempt_delivery_id", "delivery_id"),)


class WebhookCursor(CommonBase):
    """How far the dispatcher has fanned the outbox out into deliveries."""

    __tablename__ = "webhook_cursor"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    last_sequence: Mapped[int] = mapped_column(BigIntPK)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
