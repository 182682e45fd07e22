"""Transactional outbox: use cases add events in the same transaction as their domain rows."""

from __future__ import annotations

import asyncio
import uuid
import weakref
from datetime import UTC
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from renkei_common import tracing
from renkei_common.events.contracts import EventPayload
from renkei_common.events.envelope import EventEnvelope
from renkei_common.models import OutboxEvent
from renkei_common.topology import events_topic

# Any constant works; it only has to be the same for every writer of one database.
_OUTBOX_LOCK_KEY = 0x72656E6B  # "renk"


class OutboxNotifier:
    """Wakes the relay and long-polling feed readers of this process as soon as an outbox commit lands.

    Other replicas are not woken; they fall back to polling, unless the channel is `shared` (below).
    """

    def __init__(self) -> None:
        self._generation = 0
        self._waiters: set[asyncio.Future[None]] = set()
        # Commits of this process that wake the channel also NOTIFY it on PostgreSQL, for the processes
        # that listen (`renkei_common.events.listen.ChannelListener`); see `share_channel`.
        self.shared = False

    def notify(self) -> None:
        self._generation += 1
        for waiter in list(self._waiters):
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    @property
    def generation(self) -> int:
        return self._generation

    async def wait(self, timeout: float, *, since: int | None = None) -> bool:
        """Wait for a commit after generation `since` (default: now). True if one came before the timeout."""
        if since is not None and self._generation != since:
            return True
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(future)
        try:
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            self._waiters.discard(future)


OUTBOX = "outbox"

_notifiers: weakref.WeakKeyDictionary[Any, dict[str, OutboxNotifier]] = weakref.WeakKeyDictionary()


def notifier_for(engine: AsyncEngine | Any, channel: str = OUTBOX) -> OutboxNotifier:
    """The notifier of one database engine and channel, shared by its writers and waiters.

    The `outbox` channel wakes the relay, the feed and the webhook dispatcher; a service may name its own
    channel for rows a background task of its process waits for (finance: its dirty marks).
    """
    sync_engine = getattr(engine, "sync_engine", engine)
    channels = _notifiers.setdefault(sync_engine, {})
    notifier = channels.get(channel)
    if notifier is None:
        notifier = channels[channel] = OutboxNotifier()
    return notifier


def share_channel(engine: AsyncEngine | Any, channel: str) -> None:
    """From now on, a commit of this process that wakes `channel` also wakes the other processes that
    listen on it: on PostgreSQL, the commit carries a `NOTIFY` (sent only if it commits). On SQLite,
    which has no such thing, nothing more happens: the other processes poll."""
    notifier_for(engine, channel).shared = True


def pg_channel(channel: str) -> str:
    """The PostgreSQL channel name of a notifier channel (`LISTEN` / `pg_notify`)."""
    return f"renkei.{channel}"


async def add_event(
    session: AsyncSession,
    payload: EventPayload,
    *,
    subject: str,
    aggregate_version: int = 0,
    traceparent: str | None = None,
) -> EventEnvelope:
    """Stage `payload` as an outbox row in the session's open transaction and return its envelope.

    Without an explicit `traceparent`, the event's creation is recorded as a span of the current trace (the
    request's), and that span's traceparent is stored: the event's creation context on every transport.
    """
    event_id = str(uuid.uuid4())
    if traceparent is None:
        tracer = tracing.tracer_for(session.get_bind())
        if tracer is None:
            traceparent = _current_traceparent()
        else:
            traceparent = tracing.creation_traceparent(
                tracer,
                event_id=event_id,
                type_=payload.type_name(),
                source=payload.service,
                subject=subject,
                topic=events_topic(payload.service),
            )
    envelope = EventEnvelope(
        id=event_id,
        type=payload.type_name(),
        source=payload.service,
        subject=subject,
        data=payload.model_dump(mode="json"),
        traceparent=traceparent,
        aggregate_version=aggregate_version,
    )
    await add_envelope(session, envelope)
    return envelope


async def add_envelope(session: AsyncSession, envelope: EventEnvelope) -> OutboxEvent:
    bind = session.get_bind()
    # Taken once per transaction: the second event of a transaction already holds it (the outbox channel
    # is pending from the first one until the commit or the rollback).
    locked = OUTBOX in session.sync_session.info.get(_PENDING, {})
    if bind.dialect.name == "postgresql" and not locked:
        # Sequences must become visible in order, or a feed reader could pass a gap that commits later.
        # Holding this lock until commit serialises only the outbox-writing tail of each transaction.
        await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _OUTBOX_LOCK_KEY})
    row = OutboxEvent(
        event_id=envelope.id,
        type=envelope.type,
        source=envelope.source,
        subject=envelope.subject,
        topic=events_topic(envelope.source),
        aggregate_version=envelope.aggregate_version,
        occurred_at=envelope.time,
        traceparent=envelope.traceparent,
        data=envelope.data,
        attempts=0,
    )
    session.add(row)
    notify_after_commit(session)
    return row


def row_to_envelope(row: OutboxEvent) -> EventEnvelope:
    occurred = row.occurred_at if row.occurred_at.tzinfo else row.occurred_at.replace(tzinfo=UTC)
    return EventEnvelope(
        id=row.event_id,
        type=row.type,
        source=row.source,
        subject=row.subject,
        time=occurred,
        data=row.data,
        sequence=row.sequence,
        traceparent=row.traceparent,
        aggregate_version=row.aggregate_version,
    )


_PENDING = "_renkei_notify_after_commit"  # session.info: {channel: notifier} to wake when it commits


def notify_after_commit(session: AsyncSession, channel: str = OUTBOX) -> None:
    """Wake the waiters of `channel` once this session's transaction commits (once, however often called)."""
    pending: dict[str, OutboxNotifier] = session.sync_session.info.setdefault(_PENDING, {})
    if channel not in pending:
        bind = session.get_bind()
        pending[channel] = notifier_for(getattr(bind, "engine", bind), channel)


_PG_NOTIFY = text("SELECT pg_notify(:channel, '')")


# Listeners on the Session class, registered once: a listener per transaction cost more than the
# statements of a small consumer transaction (`sa_event.listen` and its removal on every commit).
@sa_event.listens_for(Session, "before_commit")
def _notify_other_processes(session: Session) -> None:
    # In the transaction itself: PostgreSQL delivers a NOTIFY when, and only if, it commits, and sends
    # the same one once however often a transaction asks. Runs in the session's greenlet, so the sync
    # API reaches the async driver here, as a flush does.
    shared = [channel for channel, notifier in session.info.get(_PENDING, {}).items() if notifier.shared]
    if shared and session.get_bind().dialect.name == "postgresql":
        connection = session.connection()
        for channel in shared:
            connection.execute(_PG_NOTIFY, {"channel": pg_channel(channel)})


@sa_event.listens_for(Session, "after_commit")
def _wake_after_commit(session: Session) -> None:
    for notifier in session.info.pop(_PENDING, {}).values():
        notifier.notify()


@sa_event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    # Also on a savepoint's rollback: PostgreSQL releases a lock taken inside it, so the next event of
    # the transaction must take the outbox lock again (`add_envelope` reads the pending outbox channel).
    session.info.pop(_PENDING, None)


def _current_traceparent() -> str | None:
    try:
        from renkei_common.logging_setup import current_traceparent
    except ImportError:  # ops is optional for library users without the HTTP layer
        return None
    return current_traceparent()
