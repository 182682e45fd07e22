"""Wires the staffing service: its routers, tables and migrations into the shared app factory."""

from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app

from renkei_staffing.adapters.orm import Base
from renkei_staffing.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="staffing",
        title="renkei staffing",
        description="The staffing service of renkei. Its domain API grows with its issue; "
        "the event feed, health and operator endpoints are in place.",
        version="0.1.0",
        routers=[],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    return common_app.create_app(service_spec(), settings or Settings(), background=background)
