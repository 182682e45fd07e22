"""Wires the agreements service: its routers, tables and migrations into the shared app factory."""

from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app

from renkei_agreements.adapters.orm import Base
from renkei_agreements.api.routes import agreements
from renkei_agreements.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="agreements",
        title="renkei agreements",
        description="Areas, declarations, the 連携協約 lifecycle, visions and KPIs, joint tasks and shared facilities.",
        version="0.1.0",
        routers=[agreements.router],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    return common_app.create_app(service_spec(), settings or Settings(), background=background)
