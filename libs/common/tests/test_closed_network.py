"""Closed networks (LGWAN): every outbound address is a setting, unset by default, and reached only when set
and needed; the JWKS is fetched on the first token to verify, never at start-up."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from renkei_common.auth import TokenVerifier, mint_dev_token
from renkei_common.errors import Unauthorized
from renkei_common.settings import DEV_JWT_SECRET, ServiceSettings

from .conftest import CommonService

# The settings that name an address outside the cluster; a closed network sets each to one inside it.
OUTBOUND = ("oidc_jwks_url", "otlp_endpoint")


class _Counter:
    requests = 0


@pytest.fixture
def outside() -> Iterator[tuple[_Counter, str]]:
    """A server standing for the outside world: it counts every request and answers an empty key set."""
    counter = _Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            counter.requests += 1
            body = b'{"keys": []}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield counter, f"http://127.0.0.1:{server.server_address[1]}/jwks"
    finally:
        server.shutdown()
        server.server_close()


def test_no_outbound_address_is_set_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in OUTBOUND:
        monkeypatch.delenv(f"RENKEI_{name.upper()}", raising=False)
    settings = ServiceSettings()
    for name in OUTBOUND:
        assert name in ServiceSettings.model_fields, name
        assert not getattr(settings, name), name
    assert settings.feed_sources == {}


async def test_prod_fetches_the_jwks_only_when_a_token_needs_it(outside: tuple[_Counter, str]) -> None:
    counter, url = outside
    settings = ServiceSettings(
        mode="prod",
        jwt_secret="a-production-secret-of-sufficient-length-0123",
        database_url="postgresql+asyncpg://x:y@db/z",
        oidc_jwks_url=url,
        migrate_on_start=False,
    )
    verifier = TokenVerifier(settings)
    assert counter.requests == 0  # building the verifier reaches nothing
    token = jwt.encode({"sub": "x"}, "k" * 32, algorithm="HS256", headers={"kid": "key-1"})
    with pytest.raises(Unauthorized):
        await verifier.verify(token)
    assert counter.requests == 1  # the first token to verify fetched the key set, once


async def test_dev_mode_never_reaches_a_configured_jwks(
    outside: tuple[_Counter, str], common_service: CommonService, database_url: str
) -> None:
    # The dev cluster keeps the issuer's address in its base config; dev mode must not call it.
    counter, url = outside
    async with common_service(database_url, oidc_jwks_url=url, jwt_secret=DEV_JWT_SECRET) as svc:
        token = mint_dev_token(settings=svc.settings, org="011002", roles=["municipality"])
        assert (await svc.http.get("/readyz")).status_code == 200
        assert (await svc.http.get("/docs")).status_code == 200
        actor = await svc.app.state.token_verifier.verify(token)
    assert actor.org == "011002"
    assert counter.requests == 0
