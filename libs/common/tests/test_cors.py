"""CORS: real preflights from browser origins, local ones in dev mode, only the configured list in prod."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from renkei_common.app import CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, ServiceSpec, create_app
from renkei_common.db import new_metadata
from renkei_common.settings import ServiceSettings

from .conftest import CommonService

VITE = "http://localhost:5173"
WRITE = "/v1/admin/outbox/prune"  # a POST route of every service, behind a token
READ = "/v1/admin/outbox"


def preflight_headers(origin: str, method: str = "POST") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": ", ".join(name.lower() for name in CORS_ALLOW_HEADERS),
    }


def _names(value: str | None) -> set[str]:
    return {part.strip().lower() for part in (value or "").split(",") if part.strip()}


def assert_refused(response: httpx.Response) -> None:
    # Without Access-Control-Allow-Origin the browser hands the script nothing (Starlette sends its static
    # Access-Control-Expose-Headers to every origin; alone it grants no access).
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-credentials" not in response.headers


@asynccontextmanager
async def prod_app(tmp_path: Path, origins: str) -> AsyncIterator[httpx.AsyncClient]:
    # No request below reaches the database: preflights end in the CORS middleware, the rest at the 401.
    settings = ServiceSettings(
        service_name="cors-prod",
        mode="prod",
        database_url="postgresql+asyncpg://renkei:renkei@127.0.0.1:1/unused",
        jwt_secret="a-production-secret-that-is-not-the-dev-one",
        oidc_jwks_url="http://127.0.0.1:9/jwks",
        migrate_on_start=False,
        cors_origins=origins,  # a string, as it comes from RENKEI_CORS_ORIGINS
    )
    spec = ServiceSpec(
        name="cors-prod",
        title="cors-prod",
        description="CORS in prod mode",
        version="0",
        routers=[],
        metadata=new_metadata(),
        migrations_dir=tmp_path,
    )
    app = create_app(spec, settings, background=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        yield http
    await app.state.db.dispose()


async def test_dev_preflight_from_a_local_front_end(common_service: CommonService, database_url: str) -> None:
    async with common_service(database_url) as svc:
        for origin in (VITE, "http://127.0.0.1:3000", "http://localhost"):
            for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
                # No token, and a route that has no OPTIONS (nor PATCH): still answered by the preflight.
                response = await svc.http.options(WRITE, headers=preflight_headers(origin, method))
                assert response.status_code == 200, (origin, method, response.text)
                assert response.headers["access-control-allow-origin"] == origin
                assert _names(response.headers["access-control-allow-methods"]) == {
                    "get",
                    "post",
                    "put",
                    "patch",
                    "delete",
                }
                assert _names(response.headers["access-control-allow-headers"]) >= {
                    name.lower() for name in CORS_ALLOW_HEADERS
                }
                assert "www-authenticate" not in response.headers


async def test_dev_answers_expose_what_a_client_reads(
    common_service: CommonService, database_url: str
) -> None:
    async with common_service(database_url, max_body_bytes=100) as svc:
        refused = await svc.http.get(READ, headers={"Origin": VITE, "X-Request-ID": "req-cors-1"})
        too_large = await svc.http.post(
            WRITE, headers={"Origin": VITE, **svc.as_("000000", "operator")}, content=b"x" * 101
        )
        ok = await svc.http.get(READ, headers={"Origin": VITE, **svc.as_("000000", "auditor")})
    # Problems too: without the headers a browser hides the 401 and 413 from the front-end.
    for response, status in ((refused, 401), (too_large, 413), (ok, 200)):
        assert response.status_code == status, response.text
        assert response.headers["access-control-allow-origin"] == VITE
        assert _names(response.headers["access-control-expose-headers"]) == {
            name.lower() for name in CORS_EXPOSE_HEADERS
        }
    assert refused.headers["x-request-id"] == "req-cors-1"


async def test_dev_refuses_origins_that_are_not_local(
    common_service: CommonService, database_url: str
) -> None:
    async with common_service(database_url) as svc:
        for origin in (
            "https://portal.example.lg.jp",
            "http://localhost.evil.example:5173",  # starts like localhost
            "http://evil.example/http://localhost:5173",
            "https://localhost:5173",  # only http is the local development default
            "http://127.0.0.2:5173",
        ):
            preflight = await svc.http.options(WRITE, headers=preflight_headers(origin))
            assert preflight.status_code == 400, origin
            assert_refused(preflight)
            simple = await svc.http.get(READ, headers={"Origin": origin})
            assert simple.status_code == 401
            assert_refused(simple)


async def test_dev_preflight_refuses_a_method_or_header_not_allowed(
    common_service: CommonService, database_url: str
) -> None:
    async with common_service(database_url) as svc:
        trace = await svc.http.options(WRITE, headers=preflight_headers(VITE, "TRACE"))
        cookie = await svc.http.options(
            WRITE,
            headers={
                "Origin": VITE,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "x-api-key",
            },
        )
    assert trace.status_code == 400 and "method" in trace.text.lower()
    assert cookie.status_code == 400 and "headers" in cookie.text.lower()


async def test_prod_allows_exactly_the_configured_origins(tmp_path: Path) -> None:
    portal, admin = "https://portal.example.lg.jp", "https://admin.example.lg.jp:8443"
    async with prod_app(tmp_path, f"{portal}, {admin}") as http:
        for origin in (portal, admin):
            response = await http.options(WRITE, headers=preflight_headers(origin))
            assert response.status_code == 200, origin
            assert response.headers["access-control-allow-origin"] == origin
            simple = await http.get(READ, headers={"Origin": origin})
            assert simple.status_code == 401
            assert simple.headers["access-control-allow-origin"] == origin
        for origin in (
            VITE,  # local origins are a dev-mode default only
            "http://127.0.0.1:5173",
            "https://admin.example.lg.jp",  # the configured one has a port
            "http://portal.example.lg.jp",  # and this one https
            "https://other.example.lg.jp",
        ):
            response = await http.options(WRITE, headers=preflight_headers(origin))
            assert response.status_code == 400, origin
            assert_refused(response)


async def test_prod_without_a_list_allows_no_browser_origin(tmp_path: Path) -> None:
    async with prod_app(tmp_path, "") as http:
        for origin in (VITE, "https://portal.example.lg.jp"):
            response = await http.options(WRITE, headers=preflight_headers(origin))
            assert response.status_code == 400
            assert_refused(response)


def test_origins_setting_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ServiceSettings().cors_origins == []
    monkeypatch.setenv("RENKEI_CORS_ORIGINS", "https://a.example.jp, https://b.example.jp:8443")
    assert ServiceSettings().cors_origins == ["https://a.example.jp", "https://b.example.jp:8443"]
    monkeypatch.setenv("RENKEI_CORS_ORIGINS", '["https://a.example.jp"]')
    assert ServiceSettings().cors_origins == ["https://a.example.jp"]
    monkeypatch.setenv("RENKEI_CORS_ORIGINS", "")
    assert ServiceSettings().cors_origins == []


@pytest.mark.parametrize(
    "origin",
    ["https://a.example.jp/", "https://a.example.jp/app", "*", "a.example.jp", "ftp://a.example.jp"],
)
def test_an_origin_that_no_browser_sends_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch, origin: str
) -> None:
    # A trailing slash or a path would never match the Origin header, failing silently in the browser.
    monkeypatch.setenv("RENKEI_CORS_ORIGINS", origin)
    with pytest.raises(ValidationError, match="RENKEI_CORS_ORIGINS"):
        ServiceSettings()
