"""Builds a service's FastAPI app: middleware, errors, health, feed, admin and the background runtime."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import MetaData

from renkei_common import auth, domain_problems, errors, ops, tracing
from renkei_common.admin import admin_router
from renkei_common.db import CommonBase, Database
from renkei_common.docs_ui import install_docs
from renkei_common.events.consumer import Handler
from renkei_common.events.feed import feed_router
from renkei_common.i18n.middleware import LanguageMiddleware
from renkei_common.limits import BodyLimitMiddleware
from renkei_common.migrations import upgrade_async
from renkei_common.runtime import Runtime, freeze_heap
from renkei_common.schema_types import text_guard
from renkei_common.settings import ServiceSettings
from renkei_common.webhooks.api import webhooks_router
from renkei_common.writes import IdempotencyMiddleware

log = logging.getLogger(__name__)

# `make run` front-ends (Vite, Next.js, ...) on any local port; dev mode only.
DEV_ORIGIN_REGEX = r"http://(localhost|127\.0\.0\.1)(:\d{1,5})?"
CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
CORS_ALLOW_HEADERS = [
    "Authorization",
    "Content-Type",
    "If-Match",
    "Idempotency-Key",
    "Accept-Language",
    "X-Request-ID",
]
# Without these a browser script cannot read them: versions for If-Match, created resources, back-off
# hints, replays and the id to quote to an operator.
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After", "Idempotent-Replayed", "X-Request-ID"]


@dataclass
class ServiceSpec:
    """What makes one service different from another; everything else is shared."""

    name: str
    title: str
    description: str
    version: str
    routers: Sequence[APIRouter]
    metadata: MetaData
    migrations_dir: Path
    handlers: Mapping[str, Handler] = field(default_factory=dict)
    consumes: tuple[str, ...] = ()
    tags: list[dict[str, Any]] = field(default_factory=list)

    @property
    def target_metadata(self) -> list[MetaData]:
        return [CommonBase.metadata, self.metadata]


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def create_app(spec: ServiceSpec, settings: ServiceSettings, *, background: bool = True) -> FastAPI:
    """The app of one service. `background=False` serves HTTP only (tests drive consumers themselves)."""
    ops.configure_logging(settings.log_level, settings.service_name)
    db = Database(settings.database_url, pgbouncer=settings.database_pooler == "pgbouncer")
    # Before the runtime is built: the relay and the consumers find the tracer through the engine.
    traces = tracing.setup(settings.service_name, endpoint=settings.otlp_endpoint)
    traces.instrument(db.engine)
    runtime = Runtime(settings=settings, db=db, handlers=spec.handlers, consumes=spec.consumes)
    runtime.build()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await upgrade_async(spec.migrations_dir, settings.database_url)
        freeze_heap()
        if background:
            runtime.start()
        log.info("%s ready on transport %s", settings.service_name, settings.transport)
        try:
            yield
        finally:
            await runtime.shutdown()
            await db.dispose()
            traces.shutdown()

    app = FastAPI(
        title=spec.title,
        description=spec.description,
        version=spec.version,
        lifespan=lifespan,
        openapi_tags=spec.tags,
        responses=errors.PROBLEM_RESPONSES,
        generate_unique_id_function=_operation_id,
        # Query and path strings obey the same text rules as RequestModel bodies.
        dependencies=[Depends(text_guard)],
        # Served by install_docs from packaged assets instead of public CDNs.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.runtime = runtime
    app.state.tracing = traces
    app.state.token_verifier = auth.TokenVerifier(settings)

    errors.install_error_handlers(app)
    domain_problems.install(app)
    install_docs(app)
    app.include_router(ops.health_router(runtime.readiness_checks(), liveness=runtime.liveness))
    app.include_router(feed_router(get_db=get_db))
    app.include_router(admin_router())
    app.include_router(webhooks_router())
    for router in spec.routers:
        app.include_router(router)

    app.add_middleware(IdempotencyMiddleware, database_getter=lambda: db)
    # Outside the idempotency middleware, so that no oversized body is ever read, not even to hash it.
    app.add_middleware(BodyLimitMiddleware, default_max_bytes=settings.max_body_bytes)
    # Outside the body-limit and idempotency middlewares, so that a preflight is answered before either
    # sees it, and every answer (also a 401, 413 or 409) carries the CORS headers a browser needs to read it.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_origin_regex=DEV_ORIGIN_REGEX if settings.mode == "dev" else None,
        allow_methods=CORS_METHODS,
        allow_headers=CORS_ALLOW_HEADERS,
        expose_headers=CORS_EXPOSE_HEADERS,
        max_age=600,
    )
    # Outside CORS and the body limit, so that every answer, a 413 included, is in the negotiated language.
    app.add_middleware(LanguageMiddleware)
    app.add_middleware(ops.RequestContextMiddleware, service=settings.service_name, tracer=traces.tracer)
    return app


def _operation_id(route: Any) -> str:
    # camelCase of the route's name: `createAgreement` is the TypeScript operation key, and
    # openapi-python-client turns it into `api/agreements/create_agreement.py` (the tag is the module).
    # Unique per service: tests/test_clients.py checks it.
    words = [word for word in re.split(r"[-_\s]+", route.name) if word]
    return words[0].lower() + "".join(word[:1].upper() + word[1:] for word in words[1:])
