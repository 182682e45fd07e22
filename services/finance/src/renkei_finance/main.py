"""Wires the finance service: its projections, handlers, recompute worker and routes into the shared app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app

from renkei_finance.adapters.orm import Base
from renkei_finance.api.routes import (
    actuals,
    allocations,
    contributions,
    projections,
    reports,
    rules,
    runs,
    simulations,
)
from renkei_finance.config import Settings
from renkei_finance.consumers import REGISTRY
from renkei_finance.service_layer.worker import RecomputeWorker

RECOMPUTE_TASK = "recompute"
MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="finance",
        title="renkei finance",
        description="Projections of everyone's events, FY rule tables, allocations, cost sharing and bonds.",
        version="0.1.0",
        routers=[
            projections.router,
            rules.router,
            allocations.router,
            runs.router,
            actuals.router,
            simulations.router,
            reports.router,
            contributions.router,
        ],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
        handlers=REGISTRY.handlers,
        consumes=REGISTRY.subscriptions,
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    settings = settings or Settings()
    app = common_app.create_app(service_spec(), settings, background=background)
    worker = RecomputeWorker(app.state.db, settings)
    app.state.recompute_worker = worker
    common_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The worker starts after the shared lifespan migrated the database. It joins the runtime's
        # background tasks, so that `/livez` reports it (dead, or stalled past RENKEI_LIVENESS_STALL_S
        # without a heartbeat) like the relay and the consumers, and the runtime stops it on shutdown
        # before the database closes.
        async with common_lifespan(app):
            if background:
                runtime = app.state.runtime
                runtime.tasks.append(asyncio.create_task(worker.run(runtime.stop), name=RECOMPUTE_TASK))
                runtime.heartbeats[RECOMPUTE_TASK] = worker
            yield

    app.router.lifespan_context = lifespan
    return app
