"""Wires the finance service: its projections, handlers, recompute worker and routes into the shared app."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app
from renkei_common.events.listen import ChannelListener
from renkei_common.events.outbox import share_channel

from renkei_finance.adapters.orm import DIRTY_CHANNEL, Base
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
LISTEN_TASK = "recompute_wakeups"  # a dedicated worker's LISTEN for the consumers' commits of marks
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
    """The finance app; where its recompute worker runs follows RENKEI_RECOMPUTE_WORKER (docs/finance.md).

    - `in_process`: the worker runs here, woken by this process's commits of marks.
    - `separate`: no worker here; the commits of marks also NOTIFY it (PostgreSQL), wherever it runs.
    - `dedicated`: the worker's own process: no consumer, the worker, and a LISTEN that turns the other
      processes' notifications into wake-ups (the relay still publishes its AllocationsRecomputed).
    """
    settings = settings or Settings()
    spec = service_spec()
    if settings.recompute_worker == "dedicated":
        spec = replace(spec, handlers={}, consumes=())
    app = common_app.create_app(spec, settings, background=background)
    db = app.state.db
    worker = RecomputeWorker(db, settings)
    app.state.recompute_worker = worker
    if settings.recompute_worker == "separate":
        share_channel(db.engine, DIRTY_CHANNEL)
    listener = ChannelListener(db.engine, [DIRTY_CHANNEL])
    common_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The worker starts after the shared lifespan migrated the database. It joins the runtime's
        # background tasks, so that `/livez` reports it (dead, or stalled past RENKEI_LIVENESS_STALL_S
        # without a heartbeat) like the relay and the consumers, and the runtime stops it on shutdown
        # before the database closes.
        async with common_lifespan(app):
            if background and settings.recompute_worker != "separate":
                runtime = app.state.runtime
                runtime.tasks.append(asyncio.create_task(worker.run(runtime.stop), name=RECOMPUTE_TASK))
                runtime.heartbeats[RECOMPUTE_TASK] = worker
                # On SQLite nothing notifies: a dedicated worker finds the marks by polling.
                if settings.recompute_worker == "dedicated" and db.is_postgres:
                    runtime.tasks.append(asyncio.create_task(listener.run(runtime.stop), name=LISTEN_TASK))
                    runtime.heartbeats[LISTEN_TASK] = listener
            yield

    app.router.lifespan_context = lifespan
    return app
