"""Test helpers: a migrated service app behind an httpx client, and dev tokens for any org and role."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from renkei_common.auth import mint_dev_token
from renkei_common.settings import ServiceSettings


@dataclass
class ServiceClient:
    """An app under test, its settings and a client; `as_(org, *roles)` gives auth headers."""

    app: FastAPI
    settings: ServiceSettings
    http: httpx.AsyncClient

    def token(self, org: str, *roles: str, sub: str | None = None) -> str:
        return mint_dev_token(
            settings=self.settings, org=org, roles=list(roles) or ["municipality"], sub=sub or f"user@{org}"
        )

    def as_(self, org: str, *roles: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(org, *roles)}", **extra}

    @property
    def db(self) -> Any:
        return self.app.state.db

    @property
    def runtime(self) -> Any:
        return self.app.state.runtime


@asynccontextmanager
async def service_client(
    create_app: Callable[..., FastAPI],
    settings_cls: type[ServiceSettings],
    *,
    database_url: str,
    background: bool = False,
    **overrides: Any,
) -> AsyncIterator[ServiceClient]:
    """Start the app's lifespan (which migrates in dev mode) on `database_url` and yield a client."""
    settings = settings_cls(database_url=database_url, **overrides)
    app = create_app(settings, background=background)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield ServiceClient(app=app, settings=settings, http=http)


def problem_fields(response: httpx.Response) -> Sequence[str]:
    """Fields named by a problem+json response, for asserting which input was refused."""
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return [e["field"] for e in response.json().get("errors") or []]
