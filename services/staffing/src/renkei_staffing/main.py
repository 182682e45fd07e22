"""Wires the staffing service: routers, event handlers, tables and migrations into the shared app."""

from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app

from renkei_staffing.adapters.orm import Base
from renkei_staffing.api.routes import dispatches, needs, professions, recruitments, specialists, views
from renkei_staffing.config import Settings
from renkei_staffing.consumers import REGISTRY

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
ROUTERS = (professions, specialists, recruitments, needs, dispatches, views)


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="staffing",
        title="renkei staffing",
        description="Specialists recruited by prefectures and dispatched under a 連携協約 to municipalities "
        "that lack them: professions, specialists, recruitments, needs with explained matching, "
        "dispatches, personnel and recruitment costs split by eligibility.",
        version="0.2.0",
        routers=[module.router for module in ROUTERS],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
        handlers=REGISTRY.handlers,
        consumes=REGISTRY.subscriptions,
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    return common_app.create_app(service_spec(), settings or Settings(), background=background)
