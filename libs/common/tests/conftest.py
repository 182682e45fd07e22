"""Fixtures of the renkei_common tests: a minimal service built by the shared app factory."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter
from renkei_common.app import ServiceSpec, create_app
from renkei_common.db import CommonBase, Database, new_metadata
from renkei_common.settings import ServiceSettings
from renkei_common.testing.client import ServiceClient

CommonService = Callable[..., AbstractAsyncContextManager[ServiceClient]]


@asynccontextmanager
async def _common_service(
    database_url: str,
    *,
    routers: Sequence[APIRouter] = (),
    background: bool = False,
    metadata: Any = None,
    **overrides: Any,
) -> AsyncIterator[ServiceClient]:
    # The shared tables are created directly: this service has no migrations of its own.
    metadata = metadata if metadata is not None else new_metadata()
    setup = Database(database_url)
    async with setup.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
        await conn.run_sync(metadata.create_all)
    await setup.dispose()
    name = overrides.pop("service_name", f"svc-{uuid.uuid4().hex[:8]}")
    settings = ServiceSettings(
        service_name=name, database_url=database_url, migrate_on_start=False, **overrides
    )
    spec = ServiceSpec(
        name=name,
        title=name,
        description="a service of the renkei_common tests",
        version="0",
        routers=list(routers),
        metadata=metadata,
        migrations_dir=Path("/nonexistent"),
    )
    app = create_app(spec, settings, background=background)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield ServiceClient(app=app, settings=settings, http=http)


@pytest.fixture
def common_service() -> CommonService:
    """`async with common_service(url, routers=[...]) as svc:` a service of the shared app factory."""
    return _common_service


@pytest.fixture
async def common_db(database_url: str) -> AsyncIterator[Database]:
    """A fresh database, on each engine, with the shared tables (outbox, inbox, dead letters, ...)."""
    database = Database(database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
    yield database
    await database.dispose()
