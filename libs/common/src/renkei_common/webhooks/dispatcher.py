"""The background dispatcher: fans committed outbox rows out into deliveries and sends them, signed.

It never runs in a request: it reads the outbox after commit, on both transports. Each endpoint is served
by its own task (at most `webhook_max_parallel_endpoints` at once), with at most
`webhook_endpoint_concurrency` requests in flight to it, one per aggregate (CloudEvents `subject`): the
deliveries of one aggregate go out in outbox order, and a slow or failing receiver holds up only itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select, update

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.outbox import notifier_for, row_to_envelope
from renkei_common.events.visibility import may_see
from renkei_common.models import OutboxEvent
from renkei_common.settings import ServiceSettings
from renkei_common.webhooks.models import WebhookAttempt, WebhookCursor, WebhookDelivery, WebhookEndpoint
from renkei_common.webhooks.signing import signature_headers
from renkei_common.webhooks.ssrf import UrlRefused, check_url

log = logging.getLogger(__name__)

CURSOR = "dispatcher"
PENDING, REDELIVER, DELIVERED, FAILED = "pending", "redeliver", "delivered", "failed"
WAITING = (PENDING, REDELIVER)  # a redelivery an owner asked for is pending, and logged as manual
EXCERPT_CHARS = 500
FAN_OUT_BATCH = 500
CONTENT_TYPE = "application/cloudevents+json"


def owner_of(endpoint: WebhookEndpoint) -> Actor:
    """The endpoint's owner as the visibility rule sees it."""
    return Actor(sub=endpoint.created_by_sub, org=endpoint.org, roles=frozenset(endpoint.roles))


def retry_delay(attempts: int, *, base_s: float, max_s: float) -> float:
    """Exponential backoff (x3 per attempt) with +-20 % jitter, so that receivers are not hit in step."""
    delay = min(max_s, base_s * 3 ** max(0, attempts - 1))
    return delay * random.uniform(0.8, 1.2)


def signing_secrets(endpoint: WebhookEndpoint, now: datetime) -> list[str]:
    secrets = [endpoint.secret]
    until = endpoint.previous_secret_until
    if endpoint.previous_secret and until is not None and until > now:
        secrets.append(endpoint.previous_secret)
    return secrets


class WebhookDispatcher:
    """Runs under the runtime's supervisor; `last_beat` shows /livez that it makes progress."""

    def __init__(self, *, db: Database, settings: ServiceSettings) -> None:
        self.db = db
        self.settings = settings
        self.last_beat = time.monotonic()
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._slots = asyncio.Semaphore(settings.webhook_max_parallel_endpoints)

    async def run(self, stop: asyncio.Event) -> None:
        s = self.settings
        timeout = httpx.Timeout(s.webhook_timeout_s)
        notifier = notifier_for(self.db.engine)
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            try:
                while not stop.is_set():
                    self.last_beat = time.monotonic()
                    generation = notifier.generation
                    await self.fan_out()
                    await self.schedule(client)
                    await notifier.wait(s.webhook_poll_interval_s, since=generation)
            finally:
                for task in self._workers.values():
                    task.cancel()
                for task in self._workers.values():
                    with contextlib.suppress(BaseException):
                        await task
                self._workers.clear()

    async def fan_out(self) -> int:
        """Turn the next committed outbox rows into deliveries for endpoints that want and may see them."""
        now = datetime.now(UTC)
        async with self.db.transaction() as session:
            cursor = await session.get(WebhookCursor, CURSOR, with_for_update=True)
            if cursor is None:
                cursor = WebhookCursor(name=CURSOR, last_sequence=0, updated_at=now)
                session.add(cursor)
            enabled = await session.execute(select(WebhookEndpoint).where(WebhookEndpoint.enabled))
            endpoints = list(enabled.scalars())
            if not endpoints:
                # Nobody subscribes (the usual case): move past what is committed without reading it.
                last = await session.scalar(select(func.max(OutboxEvent.sequence)))
                if last is not None and last > cursor.last_sequence:
                    cursor.last_sequence, cursor.updated_at = last, now
                return 0
            query = select(OutboxEvent).where(OutboxEvent.sequence > cursor.last_sequence)
            result = await session.execute(query.order_by(OutboxEvent.sequence).limit(FAN_OUT_BATCH))
            rows = list(result.scalars())
            if not rows:
                return 0
            created = 0
            for row in rows:
                envelope = row_to_envelope(row)
                for endpoint in endpoints:
                    if envelope.type not in endpoint.event_types or not may_see(owner_of(endpoint), envelope):
                        continue
                    session.add(
                        WebhookDelivery(
                            endpoint_id=endpoint.id,
                            event_id=envelope.id,
                            sequence=row.sequence,
                            subject=envelope.subject,
                            type=envelope.type,
                            envelope=envelope.to_dict(),
                            state=PENDING,
                            attempts=0,
                            next_attempt_at=now,
                            created_at=now,
                        )
                    )
                    created += 1
            cursor.last_sequence = rows[-1].sequence
            cursor.updated_at = now
        return created

    async def schedule(self, client: httpx.AsyncClient) -> None:
        """Start a worker for every enabled endpoint with a delivery due and no worker yet."""
        now = datetime.now(UTC)
        async with self.db.session() as session:
            query = (
                select(WebhookDelivery.endpoint_id)
                .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
                .where(
                    WebhookEndpoint.enabled,
                    WebhookDelivery.state.in_(WAITING),
                    WebhookDelivery.next_attempt_at <= now,
                )
                .distinct()
            )
            due = list((await session.execute(query)).scalars())
        for endpoint_id in due:
            worker = self._workers.get(endpoint_id)
            if worker is None or worker.done():
                self._workers[endpoint_id] = asyncio.create_task(
                    self._serve(endpoint_id, client), name=f"webhook:{endpoint_id}"
                )

    async def _serve(self, endpoint_id: str, client: httpx.AsyncClient) -> None:
        async with self._slots:
            while True:
                async with self.db.session() as session:
                    endpoint = await session.get(WebhookEndpoint, endpoint_id)
                    if endpoint is None or not endpoint.enabled:
                        return
                    heads = await self._due_heads(session, endpoint_id)
                if not heads:
                    return
                await asyncio.gather(*(self.attempt(client, endpoint, d) for d in heads))

    async def _due_heads(self, session: Any, endpoint_id: str) -> list[WebhookDelivery]:
        """The oldest waiting delivery of each aggregate, if due: later ones of it must wait their turn."""
        now = datetime.now(UTC)
        query = (
            select(WebhookDelivery)
            .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.state.in_(WAITING))
            .order_by(WebhookDelivery.sequence)
            .limit(1000)
        )
        seen: set[str] = set()
        heads: list[WebhookDelivery] = []
        for delivery in (await session.execute(query)).scalars():
            if delivery.subject in seen:
                continue
            seen.add(delivery.subject)
            if delivery.next_attempt_at <= now:
                heads.append(delivery)
                if len(heads) == self.settings.webhook_endpoint_concurrency:
                    break
        return heads

    async def attempt(
        self, client: httpx.AsyncClient, endpoint: WebhookEndpoint, delivery: WebhookDelivery
    ) -> bool:
        """One signed POST of `delivery`, logged; True if the receiver answered 2xx."""
        s = self.settings
        now = datetime.now(UTC)
        body = json.dumps(delivery.envelope, ensure_ascii=False, separators=(",", ":"))
        headers = {
            "content-type": CONTENT_TYPE,
            "user-agent": f"renkei-webhooks/{s.service_name}",
            **signature_headers(
                signing_secrets=signing_secrets(endpoint, now),
                msg_id=delivery.event_id,
                timestamp=now,
                body=body,
            ),
        }
        status: int | None = None
        excerpt: str | None = None
        error: str | None = None
        started = time.monotonic()
        try:
            await check_url(endpoint.url, allowed_hosts=s.webhook_allowed_hosts)
            response = await client.post(endpoint.url, content=body.encode(), headers=headers)
            status, excerpt = response.status_code, response.text[:EXCERPT_CHARS]
            if not 200 <= status < 300:
                error = f"HTTP {status}"
        except UrlRefused as exc:
            error = f"refused ({exc.rule}): {exc.message}"
        except httpx.TimeoutException:
            error = f"no answer within {s.webhook_timeout_s:g}s"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"[:EXCERPT_CHARS]
        latency_ms = int((time.monotonic() - started) * 1000)
        await self._record(delivery, status=status, excerpt=excerpt, error=error, latency_ms=latency_ms)
        return error is None

    async def _record(
        self,
        delivery: WebhookDelivery,
        *,
        status: int | None,
        excerpt: str | None,
        error: str | None,
        latency_ms: int,
    ) -> None:
        s, now = self.settings, datetime.now(UTC)
        async with self.db.transaction() as session:
            row = await session.get(WebhookDelivery, delivery.id)
            if row is None:  # the endpoint was deleted meanwhile
                return
            session.add(
                WebhookAttempt(
                    delivery_id=row.id,
                    endpoint_id=row.endpoint_id,
                    attempted_at=now,
                    status_code=status,
                    latency_ms=latency_ms,
                    response_excerpt=excerpt,
                    error=error,
                    manual=row.state == REDELIVER,
                )
            )
            row.attempts += 1
            row.last_status, row.last_error = status, error
            failures = update(WebhookEndpoint).where(WebhookEndpoint.id == row.endpoint_id)
            if error is None:
                row.state, row.finished_at = DELIVERED, now
                await session.execute(failures.values(consecutive_failures=0))
                return
            if row.attempts >= s.webhook_max_attempts:
                row.state, row.finished_at = FAILED, now
            else:
                row.state = PENDING
                delay = retry_delay(row.attempts, base_s=s.webhook_retry_base_s, max_s=s.webhook_retry_max_s)
                row.next_attempt_at = now + timedelta(seconds=delay)
            await session.execute(
                failures.values(consecutive_failures=WebhookEndpoint.consecutive_failures + 1)
            )
            endpoint = await session.get(WebhookEndpoint, row.endpoint_id, populate_existing=True)
            if endpoint is not None and endpoint.enabled:
                if endpoint.consecutive_failures >= s.webhook_disable_after_failures:
                    endpoint.enabled = False
                    endpoint.disabled_at = endpoint.updated_at = now
                    endpoint.disabled_reason = (
                        f"disabled after {endpoint.consecutive_failures} consecutive failed attempts; "
                        f"last: {error}"
                    )
                    log.warning("webhook endpoint %s disabled: %s", endpoint.id, endpoint.disabled_reason)
