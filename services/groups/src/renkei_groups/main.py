"""Wires the groups service: its routers, tables and migrations into the shared app factory."""

from pathlib import Path

from fastapi import FastAPI
from renkei_common import app as common_app

from renkei_groups.adapters.orm import Base
from renkei_groups.api.routes import applications, coordination, groups, profiles, public, supervision
from renkei_groups.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
ROUTERS = (profiles, applications, groups, coordination, supervision, public)


def service_spec() -> common_app.ServiceSpec:
    return common_app.ServiceSpec(
        name="groups",
        title="renkei groups",
        description="指定地域共同活動団体 (LAA art. 260-49): each municipality's ordinance as data, "
        "applications judged by it, designation and its effects (support, coordination requests, leases, "
        "no-bid contracts), supervision and revocation, public notices and OCDS open data.",
        version="0.2.0",
        routers=[module.router for module in ROUTERS],
        metadata=Base.metadata,
        migrations_dir=MIGRATIONS_DIR,
    )


def create_app(settings: Settings | None = None, *, background: bool = True) -> FastAPI:
    return common_app.create_app(service_spec(), settings or Settings(), background=background)
