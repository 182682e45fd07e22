"""Every endpoint of every service needs a valid token, except health and docs; failures are problem+json."""

from __future__ import annotations

import importlib
import re
import time
from pathlib import Path

import jwt
import pytest
from renkei_common.settings import DEV_JWT_SECRET
from renkei_common.testing.client import service_client
from renkei_common.topology import SERVICE_PORTS

OPEN_PATHS = {"/livez", "/readyz", "/metrics", "/docs", "/openapi.json", "/redoc", "/docs/oauth2-redirect"}
# Open data published without a token on purpose (the groups service's notices and OCDS releases).
OPEN_PREFIX = "/v1/public/"


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def _token(**overrides: object) -> str:
    claims = {
        "sub": "u",
        "org": "062014",
        "roles": ["municipality"],
        "iss": "renkei-dev",
        "aud": "renkei",
        "iat": int(time.time()),
        "exp": int(time.time()) + 600,
        **overrides,
    }
    return jwt.encode(claims, str(overrides.pop("_secret", DEV_JWT_SECRET)), algorithm="HS256")


BAD_TOKENS = {
    "expired": _token(exp=int(time.time()) - 3600, iat=int(time.time()) - 7200),
    "wrong_signature": jwt.encode(
        {
            "sub": "u",
            "org": "062014",
            "roles": ["national"],
            "iss": "renkei-dev",
            "aud": "renkei",
            "exp": int(time.time()) + 600,
        },
        "x" * 40,
        algorithm="HS256",
    ),
    "wrong_audience": _token(aud="someone-else"),
    "unknown_role": _token(roles=["mayor"]),
    "not_a_jwt": "abc.def",
}


@pytest.mark.parametrize("service", sorted(SERVICE_PORTS))
async def test_every_route_refuses_missing_and_bad_tokens(service: str, tmp_path: Path) -> None:
    main = importlib.import_module(f"renkei_{service}.main")
    settings_cls = importlib.import_module(f"renkei_{service}.config").Settings
    async with service_client(
        main.create_app, settings_cls, database_url=f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"
    ) as client:
        # Every documented operation; health and metrics are left out of the document on purpose.
        operations = [
            (method.upper(), path)
            for path, item in client.app.openapi()["paths"].items()
            for method in item
            if path not in OPEN_PATHS and not path.startswith(OPEN_PREFIX)
        ]
        assert len(operations) >= 5, "the shared feed and admin endpoints at least"
        checked = 0
        for method, path in operations:
            url = _concrete(path)
            response = await client.http.request(method, url)
            assert response.status_code == 401, f"{method} {path} without token"
            assert response.headers["content-type"].startswith("application/problem+json")
            assert response.headers["www-authenticate"].startswith("Bearer")
            for name, token in BAD_TOKENS.items():
                response = await client.http.request(
                    method, url, headers={"Authorization": f"Bearer {token}"}
                )
                assert response.status_code == 401, f"{method} {path} with {name} token"
                assert response.json()["status"] == 401
            checked += 1
        assert checked == len(operations)
        for path in ("/livez", "/readyz", "/metrics", "/docs", "/openapi.json"):
            assert (await client.http.get(path)).status_code == 200, path


@pytest.mark.parametrize("service", sorted(SERVICE_PORTS))
async def test_operator_endpoints_refuse_other_roles(service: str, tmp_path: Path) -> None:
    main = importlib.import_module(f"renkei_{service}.main")
    settings_cls = importlib.import_module(f"renkei_{service}.config").Settings
    async with service_client(
        main.create_app, settings_cls, database_url=f"sqlite+aiosqlite:///{tmp_path / 'a.db'}"
    ) as client:
        municipality = client.as_("062014", "municipality")
        for method, path in (
            ("GET", "/v1/admin/dead-letters"),
            ("POST", "/v1/admin/outbox/prune"),
            ("POST", "/v1/admin/dead-letters/1/replay"),
        ):
            response = await client.http.request(
                method, path, headers=municipality, json={"retention_days": 30}
            )
            assert response.status_code == 403, (method, path)
            assert response.headers["content-type"].startswith("application/problem+json")
        auditor = client.as_("000000", "auditor")
        assert (await client.http.get("/v1/admin/outbox", headers=auditor)).status_code == 200
        refused = await client.http.post(
            "/v1/admin/outbox/prune", headers=auditor, json={"retention_days": 30}
        )
        assert refused.status_code == 403, "auditors read everything and write nothing"
