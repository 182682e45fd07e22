"""HTTP event feed served from the outbox, and the consumer that reads it with its own checkpoint."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from renkei_common.auth import Actor, CurrentActor
from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.metrics import CONSUMER_CONNECTED
from renkei_common.events.outbox import notifier_for, row_to_envelope
from renkei_common.events.visibility import may_see, sees_everything
from renkei_common.models import FeedCheckpoint, OutboxEvent

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
MAX_WAIT_S = 30.0
# A page for an org that sees few events scans at most this many outbox rows per limit, so that one
# request stays short; `next_after` still moves past what was scanned, so the reader never rescans it.
SCAN_FACTOR = 10


class EventPage(BaseModel):
    """A page of the feed. Each event is a structured-mode CloudEvent; `next_after` is the next cursor.

    Platform roles (`service`, `operator`) see every event; any other caller only the events it may see
    (ADR 0011), so a page can be shorter than `limit`, even empty, while `next_after` moves on.
    """

    events: list[dict[str, Any]]
    next_after: int = Field(description="pass as `after` to read on from here")


async def read_feed(
    db: Database, *, after: int, limit: int, type_prefix: str | None = None
) -> list[EventEnvelope]:
    async with db.session() as session:
        query = select(OutboxEvent).where(OutboxEvent.sequence > after)
        if type_prefix:
            query = query.where(OutboxEvent.type.startswith(type_prefix))
        rows = (await session.execute(query.order_by(OutboxEvent.sequence).limit(limit))).scalars()
        return [row_to_envelope(row) for row in rows]


async def read_visible(
    db: Database, actor: Actor, *, after: int, limit: int, type_prefix: str | None = None
) -> tuple[list[EventEnvelope], int]:
    """The next events `actor` may see after `after`, and the sequence up to which the outbox was scanned."""
    if sees_everything(actor):
        events = await read_feed(db, after=after, limit=limit, type_prefix=type_prefix)
        return events, (events[-1].sequence or after) if events else after
    visible: list[EventEnvelope] = []
    scanned = after
    for _ in range(SCAN_FACTOR):
        batch = await read_feed(db, after=scanned, limit=limit, type_prefix=type_prefix)
        for envelope in batch:
            scanned = envelope.sequence or scanned
            if may_see(actor, envelope):
                visible.append(envelope)
                if len(visible) == limit:
                    return visible, scanned
        if len(batch) < limit:
            break
    return visible, scanned


def feed_router(*, get_db: Callable[[Request], Database]) -> APIRouter:
    """`GET /v1/events?after=&limit=&wait=`: long-polls up to `wait` seconds when nothing is new.

    Every authenticated caller may read it; what it sees is filtered by the visibility rule (ADR 0011).
    """
    router = APIRouter(tags=["events"])

    @router.get("/v1/events", operation_id="readFeed", response_model=EventPage)
    async def read_events(
        request: Request,
        actor: CurrentActor,
        after: Annotated[
            int, Query(ge=0, le=2**63 - 1, description="return events with a sequence above this")
        ] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        wait: Annotated[float, Query(ge=0, le=MAX_WAIT_S, description="seconds to long-poll")] = 0,
        type: Annotated[str | None, Query(max_length=200, description="event type prefix filter")] = None,
    ) -> EventPage:
        db = get_db(request)
        notifier = notifier_for(db.engine)
        deadline = time.monotonic() + wait
        cursor = after
        while True:
            generation = notifier.generation
            events, cursor = await read_visible(db, actor, after=cursor, limit=limit, type_prefix=type)
            remaining = deadline - time.monotonic()
            if events or remaining <= 0:
                break
            # Other replicas' commits are not signalled here, so poll at least twice a second.
            await notifier.wait(min(remaining, 0.5), since=generation)
        return EventPage(events=[e.to_dict() for e in events], next_after=cursor)

    return router


TokenProvider = Callable[[], Awaitable[str] | str]


class FeedConsumerRunner:
    """Reads one producer's feed and applies it; the checkpoint moves in each handler's transaction."""

    def __init__(
        self,
        *,
        processor: EventProcessor,
        source: str,
        base_url: str,
        token: TokenProvider,
        wait_s: float = 20.0,
        limit: int = 200,
        client: httpx.AsyncClient | None = None,
        max_backoff_s: float = 30.0,
    ) -> None:
        self.processor = processor
        self.source = source
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.wait_s = wait_s
        self.limit = limit
        self._client = client
        self.max_backoff_s = max_backoff_s
        self.healthy = False
        self.last_error: str | None = None
        # time.monotonic() of the last poll or retry; the runtime's /livez reads it.
        self.last_beat = time.monotonic()

    async def checkpoint(self) -> int:
        async with self.processor.db.session() as session:
            row = await session.get(FeedCheckpoint, (self.processor.consumer, self.source))
            return row.last_sequence if row else 0

    async def run(self, stop: asyncio.Event) -> None:
        client = self._client or httpx.AsyncClient(timeout=httpx.Timeout(10.0, read=self.wait_s + 10))
        backoff = 0.0
        try:
            while not stop.is_set():
                self.last_beat = time.monotonic()
                try:
                    await self.poll_once(client, wait=self.wait_s, stop=stop)
                    self.healthy, self.last_error, backoff = True, None, 0.0
                    CONSUMER_CONNECTED.labels(self.processor.consumer, self.source).set(1)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    self.healthy, self.last_error = False, str(exc)
                    CONSUMER_CONNECTED.labels(self.processor.consumer, self.source).set(0)
                    backoff = min(self.max_backoff_s, max(0.5, backoff * 2))
                    log.warning("feed %s unreachable, retry in %.1fs: %s", self.source, backoff, exc)
                    try:
                        await asyncio.wait_for(stop.wait(), backoff)
                    except TimeoutError:
                        pass
        finally:
            if self._client is None:
                await client.aclose()

    async def poll_once(
        self, client: httpx.AsyncClient, *, wait: float = 0, stop: asyncio.Event | None = None
    ) -> int:
        """Fetch one page and apply it; returns how many events were handled."""
        after = await self.checkpoint()
        token = self.token()
        if asyncio.iscoroutine(token) or isinstance(token, Awaitable):
            token = await token
        response = await client.get(
            f"{self.base_url}/v1/events",
            params={"after": after, "limit": self.limit, "wait": wait},
            headers={"Authorization": f"Bearer {token}"},
        )
        response.raise_for_status()
        page = response.json()
        items = page["events"]
        if stop is not None and stop.is_set():
            return 0
        sequences = [int(item.get("sequence", 0)) for item in items]
        await self.processor.process_batch(
            [(_dump(item), f"feed:{self.source}#{seq}") for item, seq in zip(items, sequences, strict=True)],
            hook_for=lambda i: self._advance_to(sequences[i]),
        )
        return len(items)

    def _advance_to(self, sequence: int) -> Callable[[Any], Awaitable[None]]:
        async def hook(session: Any) -> None:
            row = await session.get(FeedCheckpoint, (self.processor.consumer, self.source))
            now = datetime.now(UTC)
            if row is None:
                session.add(
                    FeedCheckpoint(
                        consumer=self.processor.consumer,
                        source=self.source,
                        last_sequence=sequence,
                        updated_at=now,
                    )
                )
            elif sequence > row.last_sequence:
                row.last_sequence = sequence
                row.updated_at = now

        return hook


def _dump(item: dict[str, Any]) -> bytes:
    import json

    return json.dumps(item, ensure_ascii=False).encode()
