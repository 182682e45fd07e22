"""Wires the finance service: its projections, handlers and migrations into the shared app factory."""

from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app
from renkei_common.topology import SUBSCRIPTIONS

from renkei_finance.adapters.orm import Base
from renkei_finance.api.routes import projections
from renkei_finance.config import Settings
from renkei_finance.consumers import HANDLERS

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="finance",
        title="renkei finance",
        description="Projections of everyone's events, FY rule tables, allocations, cost sharing and bonds.",
        version="0.1.0",
        routers=[projections.router],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
        handlers=HANDLERS,
        consumes=SUBSCRIPTIONS["finance"],
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    return common_app.create_app(service_spec(), settings or Settings(), background=background)
