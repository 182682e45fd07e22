"""`/v1/webhooks`: an org registers endpoints for the events it may see and watches their deliveries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import delete, select, update

from renkei_common.auth import Actor, CurrentActor, ensure_can_write
from renkei_common.db import Database
from renkei_common.errors import FieldError, NotFound, Unprocessable
from renkei_common.events.contracts import CATALOGUE
from renkei_common.i18n import msg
from renkei_common.schema_types import RequestModel
from renkei_common.settings import ServiceSettings
from renkei_common.webhooks.dispatcher import REDELIVER, WAITING
from renkei_common.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from renkei_common.webhooks.signing import new_secret
from renkei_common.webhooks.ssrf import UrlRefused, check_url

EndpointId = Annotated[str, Path(max_length=36, description="id of the webhook endpoint")]


class EndpointCreate(RequestModel):
    url: str = Field(max_length=2000, description="https URL that receives the signed POSTs")
    event_types: list[str] = Field(min_length=1, max_length=100, description="event types of this service")
    description: str = Field(default="", max_length=500)


class EndpointPatch(RequestModel):
    url: str | None = Field(default=None, max_length=2000)
    event_types: list[str] | None = Field(default=None, min_length=1, max_length=100)
    description: str | None = Field(default=None, max_length=500)


class EndpointPublic(BaseModel):
    id: str
    org: str
    url: str
    description: str
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None = Field(description="why the endpoint was disabled, for its owner")
    disabled_at: datetime | None
    consecutive_failures: int
    previous_secret_until: datetime | None = Field(description="until when the previous secret also signs")
    created_at: datetime
    updated_at: datetime


class EndpointWithSecret(EndpointPublic):
    secret: str = Field(description="whsec_...: shown only here; verify each delivery with it")


class EndpointList(BaseModel):
    data: list[EndpointPublic]


class AttemptPublic(BaseModel):
    attempted_at: datetime
    status_code: int | None
    latency_ms: int
    response_excerpt: str | None
    error: str | None
    manual: bool


class DeliveryPublic(BaseModel):
    id: int
    event_id: str = Field(description="the `webhook-id` header; the same on every attempt")
    type: str
    subject: str
    sequence: int
    state: str = Field(description="pending, redeliver, delivered or failed (gave up)")
    attempts: int
    next_attempt_at: datetime | None
    last_status: int | None
    last_error: str | None
    created_at: datetime
    finished_at: datetime | None
    log: list[AttemptPublic]


class DeliveryList(BaseModel):
    data: list[DeliveryPublic]


class DeliveryQueued(BaseModel):
    id: int
    state: str


class EventTypes(BaseModel):
    data: list[str]


def published_types(service: str) -> list[str]:
    return sorted(name for name, cls in CATALOGUE.items() if cls.service == service)


def _settings(request: Request) -> ServiceSettings:
    settings: ServiceSettings = request.app.state.settings
    return settings


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _public(row: WebhookEndpoint) -> EndpointPublic:
    return EndpointPublic.model_validate(row, from_attributes=True)


async def _validate(settings: ServiceSettings, *, url: str | None, event_types: list[str] | None) -> None:
    errors: list[FieldError] = []
    if url is not None:
        try:
            await check_url(url, allowed_hosts=settings.webhook_allowed_hosts)
        except UrlRefused as exc:
            errors.append(FieldError(field="body.url", rule=exc.rule, message=exc.message))
    if event_types is not None:
        known = set(published_types(settings.service_name))
        for i, name in enumerate(event_types):
            if name not in known:
                message = msg("webhooks.published_event_type", name=name, service=settings.service_name)
                errors.append(
                    FieldError(field=f"body.event_types[{i}]", rule="published_event_type", message=message)
                )
    if errors:
        raise Unprocessable(errors=errors)


async def _own(db: Database, actor: Actor, endpoint_id: str) -> WebhookEndpoint:
    async with db.session() as session:
        row = await session.get(WebhookEndpoint, endpoint_id)
    # Another org's endpoint is answered like a missing one: its existence is not the caller's business.
    if row is None or row.org != actor.org:
        raise NotFound(msg("webhooks.endpoint_not_found", endpoint_id=endpoint_id, org=actor.org))
    return row


def webhooks_router() -> APIRouter:
    router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])

    @router.get("/event-types", response_model=EventTypes)
    async def list_webhook_event_types(request: Request, actor: CurrentActor) -> EventTypes:
        """The event types an endpoint of this service may subscribe to."""
        return EventTypes(data=published_types(_settings(request).service_name))

    @router.post("", status_code=201, response_model=EndpointWithSecret)
    async def create_webhook_endpoint(
        request: Request, body: EndpointCreate, actor: CurrentActor, response: Response
    ) -> EndpointWithSecret:
        """Register an endpoint; the answer carries its secret, which is never shown again."""
        ensure_can_write(actor)
        settings = _settings(request)
        await _validate(settings, url=body.url, event_types=body.event_types)
        now = datetime.now(UTC)
        row = WebhookEndpoint(
            id=str(uuid.uuid4()),
            org=actor.org,
            roles=sorted(actor.roles),
            created_by_sub=actor.sub,
            url=body.url,
            description=body.description,
            event_types=sorted(set(body.event_types)),
            secret=new_secret(),
            enabled=True,
            consecutive_failures=0,
            created_at=now,
            updated_at=now,
        )
        async with _db(request).transaction() as session:
            session.add(row)
        response.headers["Location"] = f"/v1/webhooks/{row.id}"
        return EndpointWithSecret(**_public(row).model_dump(), secret=row.secret)

    @router.get("", response_model=EndpointList)
    async def list_webhook_endpoints(request: Request, actor: CurrentActor) -> EndpointList:
        """The caller's organisation's endpoints."""
        async with _db(request).session() as session:
            query = select(WebhookEndpoint).where(WebhookEndpoint.org == actor.org)
            rows = (await session.execute(query.order_by(WebhookEndpoint.created_at))).scalars()
            return EndpointList(data=[_public(row) for row in rows])

    @router.get("/{endpoint_id}", response_model=EndpointPublic)
    async def read_webhook_endpoint(
        request: Request, endpoint_id: EndpointId, actor: CurrentActor
    ) -> EndpointPublic:
        return _public(await _own(_db(request), actor, endpoint_id))

    @router.patch("/{endpoint_id}", response_model=EndpointPublic)
    async def update_webhook_endpoint(
        request: Request, endpoint_id: EndpointId, body: EndpointPatch, actor: CurrentActor
    ) -> EndpointPublic:
        """Change the URL, the event types or the description."""
        ensure_can_write(actor)
        db = _db(request)
        await _own(db, actor, endpoint_id)
        await _validate(_settings(request), url=body.url, event_types=body.event_types)
        async with db.transaction() as session:
            row = await session.get(WebhookEndpoint, endpoint_id)
            if row is None:
                raise NotFound(msg("webhooks.endpoint_not_found", endpoint_id=endpoint_id, org=actor.org))
            if body.url is not None:
                row.url = body.url
            if body.event_types is not None:
                row.event_types = sorted(set(body.event_types))
            if body.description is not None:
                row.description = body.description
            row.updated_at = datetime.now(UTC)
        return _public(row)

    @router.delete("/{endpoint_id}", status_code=204)
    async def delete_webhook_endpoint(
        request: Request, endpoint_id: EndpointId, actor: CurrentActor
    ) -> Response:
        """Remove the endpoint with its deliveries and their log."""
        ensure_can_write(actor)
        db = _db(request)
        await _own(db, actor, endpoint_id)
        async with db.transaction() as session:
            await session.execute(delete(WebhookAttempt).where(WebhookAttempt.endpoint_id == endpoint_id))
            await session.execute(delete(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint_id))
            await session.execute(delete(WebhookEndpoint).where(WebhookEndpoint.id == endpoint_id))
        return Response(status_code=204)

    @router.post("/{endpoint_id}/rotate-secret", response_model=EndpointWithSecret)
    async def rotate_webhook_secret(
        request: Request, endpoint_id: EndpointId, actor: CurrentActor
    ) -> EndpointWithSecret:
        """A new secret; the old one also signs for RENKEI_WEBHOOK_ROTATION_OVERLAP_S (default a day)."""
        ensure_can_write(actor)
        db, settings = _db(request), _settings(request)
        await _own(db, actor, endpoint_id)
        now = datetime.now(UTC)
        async with db.transaction() as session:
            row = await session.get(WebhookEndpoint, endpoint_id, with_for_update=True)
            if row is None:
                raise NotFound(msg("webhooks.endpoint_not_found", endpoint_id=endpoint_id, org=actor.org))
            row.previous_secret, row.secret = row.secret, new_secret()
            row.previous_secret_until = now + timedelta(seconds=settings.webhook_rotation_overlap_s)
            row.updated_at = now
        return EndpointWithSecret(**_public(row).model_dump(), secret=row.secret)

    @router.post("/{endpoint_id}/enable", response_model=EndpointPublic)
    async def enable_webhook_endpoint(
        request: Request, endpoint_id: EndpointId, actor: CurrentActor
    ) -> EndpointPublic:
        """Re-enable a disabled endpoint; its waiting deliveries are retried at once."""
        ensure_can_write(actor)
        db = _db(request)
        await _own(db, actor, endpoint_id)
        now = datetime.now(UTC)
        async with db.transaction() as session:
            row = await session.get(WebhookEndpoint, endpoint_id)
            if row is None:
                raise NotFound(msg("webhooks.endpoint_not_found", endpoint_id=endpoint_id, org=actor.org))
            row.enabled, row.disabled_reason, row.disabled_at = True, None, None
            row.consecutive_failures, row.updated_at = 0, now
            await session.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.state.in_(WAITING))
                .values(next_attempt_at=now)
            )
        return _public(row)

    @router.get("/{endpoint_id}/deliveries", response_model=DeliveryList)
    async def list_webhook_deliveries(
        request: Request,
        endpoint_id: EndpointId,
        actor: CurrentActor,
        state: Annotated[str | None, Query(max_length=20, description="pending, delivered, failed")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> DeliveryList:
        """The endpoint's deliveries, newest first, each with the log of its attempts."""
        db = _db(request)
        await _own(db, actor, endpoint_id)
        async with db.session() as session:
            query = select(WebhookDelivery).where(WebhookDelivery.endpoint_id == endpoint_id)
            if state:
                query = query.where(WebhookDelivery.state == state)
            rows = list(
                (await session.execute(query.order_by(WebhookDelivery.id.desc()).limit(limit))).scalars()
            )
            ids = [row.id for row in rows]
            attempts: list[WebhookAttempt] = []
            if ids:
                query_log = select(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(ids))
                attempts = list((await session.execute(query_log.order_by(WebhookAttempt.id))).scalars())
        logs: dict[int, list[AttemptPublic]] = {}
        for attempt in attempts:
            logs.setdefault(attempt.delivery_id, []).append(
                AttemptPublic.model_validate(attempt, from_attributes=True)
            )
        return DeliveryList(
            data=[
                DeliveryPublic(
                    id=row.id,
                    event_id=row.event_id,
                    type=row.type,
                    subject=row.subject,
                    sequence=row.sequence,
                    state=row.state,
                    attempts=row.attempts,
                    next_attempt_at=row.next_attempt_at if row.state in WAITING else None,
                    last_status=row.last_status,
                    last_error=row.last_error,
                    created_at=row.created_at,
                    finished_at=row.finished_at,
                    log=logs.get(row.id, []),
                )
                for row in rows
            ]
        )

    @router.post(
        "/{endpoint_id}/deliveries/{delivery_id}/redeliver", status_code=202, response_model=DeliveryQueued
    )
    async def redeliver_webhook(
        request: Request,
        endpoint_id: EndpointId,
        delivery_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
        actor: CurrentActor,
    ) -> DeliveryQueued:
        """Send a delivery again (same `webhook-id`), by the dispatcher, as soon as it can."""
        ensure_can_write(actor)
        db = _db(request)
        await _own(db, actor, endpoint_id)
        now = datetime.now(UTC)
        async with db.transaction() as session:
            row = await session.get(WebhookDelivery, delivery_id)
            if row is None or row.endpoint_id != endpoint_id:
                raise NotFound(
                    msg("webhooks.delivery_not_found", delivery_id=delivery_id, endpoint_id=endpoint_id)
                )
            row.state, row.attempts, row.next_attempt_at, row.finished_at = REDELIVER, 0, now, None
        return DeliveryQueued(id=delivery_id, state=REDELIVER)

    return router
