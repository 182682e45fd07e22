"""Wires the agreements service: its routers, tables and migrations into the shared app factory."""

from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app

from renkei_agreements.adapters import cache
from renkei_agreements.adapters.cache import TtlCache
from renkei_agreements.adapters.orm import Base, Municipality
from renkei_agreements.api.routes import (
    agreement_records,
    agreements,
    areas,
    audit,
    municipalities,
    proposals,
    rules,
    shared_services,
    visions,
)
from renkei_agreements.config import Settings
from renkei_agreements.domain.rules import load_rule_book

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
ROUTERS = (
    municipalities,
    areas,
    agreements,
    agreement_records,
    proposals,
    visions,
    shared_services,
    rules,
    audit,
)


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="agreements",
        title="renkei agreements",
        description="Municipality registry, areas and declarations, the 連携協約 lifecycle, consensus "
        "tracking, visions and KPIs, joint tasks and shared facilities.",
        version="0.1.0",
        routers=[module.router for module in ROUTERS],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    settings = settings or Settings()
    app = common_app.create_app(service_spec(), settings, background=background)
    app.state.rule_book = load_rule_book(settings.requirement_rules_file)
    app.state.municipality_cache = TtlCache[Municipality](settings.municipality_cache_ttl_s)
    cache.attach(app.state.db.engine, app.state.municipality_cache)
    return app
