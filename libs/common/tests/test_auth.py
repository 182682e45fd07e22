"""Tests of renkei_common.auth: dev and JWKS tokens, the 401/403 problems, org scoping, the CLI."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import Depends, FastAPI
from jwt.algorithms import RSAAlgorithm
from renkei_common.access import ensure_acts_for_one_of
from renkei_common.auth import (
    Actor,
    CurrentActor,
    Role,
    TokenVerifier,
    ensure_can_write,
    main,
    mint_dev_token,
    require_roles,
)
from renkei_common.errors import Forbidden, ServiceUnavailable, Unauthorized, install_error_handlers
from renkei_common.settings import ServiceSettings

DEV = ServiceSettings(service_name="test")
SAPPORO, HAKODATE = "011002", "012025"


def prod_settings(jwks_url: str) -> ServiceSettings:
    return ServiceSettings(
        service_name="test",
        mode="prod",
        database_url="postgresql+asyncpg://u:p@db/renkei",
        jwt_secret="a-production-secret-that-is-not-the-dev-one",
        jwt_issuer="https://idp.example/realms/renkei",
        oidc_jwks_url=jwks_url,
        migrate_on_start=False,
    )


def make_app(settings: ServiceSettings = DEV) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.state.token_verifier = TokenVerifier(settings)

    @app.get("/me")
    async def me(actor: CurrentActor) -> dict[str, Any]:
        return {"sub": actor.sub, "org": actor.org, "roles": sorted(actor.roles)}

    @app.post("/orgs/{org_code}/things", dependencies=[Depends(require_roles(Role.municipality))])
    async def write_for(org_code: str, actor: CurrentActor) -> dict[str, str]:
        ensure_acts_for_one_of(actor, [org_code], field="path.org_code", what="the org in the path")
        return {"written_for": org_code}

    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def dev_token(**overrides: Any) -> str:
    claims: dict[str, Any] = {
        "iss": DEV.jwt_issuer,
        "aud": DEV.jwt_audience,
        "sub": "alice",
        "iat": int(time.time()),
        "exp": int(time.time()) + 600,
        "org": SAPPORO,
        "roles": ["municipality"],
    }
    claims.update(overrides)
    return jwt.encode({k: v for k, v in claims.items() if v is not None}, DEV.jwt_secret, algorithm="HS256")


def test_actor_helpers() -> None:
    mayor = Actor(sub="m", org=SAPPORO, roles=frozenset({"municipality"}))
    auditor = Actor(sub="a", org=SAPPORO, roles=frozenset({"auditor"}))
    assert mayor.has_role(Role.municipality, Role.prefecture) and not mayor.has_role(Role.national)
    assert not mayor.reads_all and auditor.reads_all and auditor.is_auditor
    assert Actor(sub="n", org="000000", roles=frozenset({"national"})).reads_all


async def test_dev_token_round_trip() -> None:
    token = mint_dev_token(settings=DEV, org=SAPPORO, roles=[Role.municipality, Role.prefecture], sub="bob")
    actor = await TokenVerifier(DEV).verify(token)
    assert actor == Actor(sub="bob", org=SAPPORO, roles=frozenset({"municipality", "prefecture"}))


def test_dev_tokens_are_refused_in_prod() -> None:
    with pytest.raises(RuntimeError, match="prod"):
        mint_dev_token(settings=prod_settings("http://127.0.0.1:1/jwks"), org=SAPPORO, roles=["national"])


BAD_TOKENS = [
    (dev_token(exp=int(time.time()) - 3600), "token expired"),
    (jwt.encode({"sub": "x"}, "another-secret-of-sufficient-length-012345", "HS256"), "bad signature"),
    (dev_token(aud="someone-else"), "wrong audience"),
    (dev_token(iss="someone-else"), "wrong issuer"),
    (dev_token(org=None), "missing claim org"),
    (dev_token(roles=None), "missing claim roles"),
    (dev_token(sub=None), "missing claim sub"),
    (dev_token(exp=None), "missing claim exp"),
    (dev_token(roles="municipality"), "claim roles must be a non-empty list of strings"),
    (dev_token(roles=["mayor"]), "unknown role mayor in claim roles"),
    (dev_token(org=12345), "claim org must be a string of 1 to 20 characters"),
    ("not.a.jwt", "malformed token"),
]


@pytest.mark.parametrize(("token", "detail"), BAD_TOKENS, ids=[detail for _, detail in BAD_TOKENS])
async def test_bad_tokens_get_a_specific_401(token: str, detail: str) -> None:
    async with client(make_app()) as http:
        response = await http.get("/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == detail
    assert response.json()["type"] == "urn:renkei:problem:unauthorized"
    assert response.headers["www-authenticate"].startswith('Bearer realm="renkei", error="invalid_token"')


@pytest.mark.parametrize(
    ("headers", "detail"),
    [({}, "missing bearer token"), ({"Authorization": "Basic dXNlcjpwdw=="}, "Bearer <token>")],
)
async def test_missing_or_malformed_header_is_401(headers: dict[str, str], detail: str) -> None:
    async with client(make_app()) as http:
        response = await http.get("/me", headers=headers)
    assert response.status_code == 401
    assert detail in response.json()["detail"]
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["instance"] == "/me"


async def test_valid_token_reaches_the_handler() -> None:
    async with client(make_app()) as http:
        response = await http.get("/me", headers=bearer(dev_token()))
    assert response.status_code == 200
    assert response.json() == {"sub": "alice", "org": SAPPORO, "roles": ["municipality"]}


async def test_wrong_org_and_wrong_role_and_auditor_are_403() -> None:
    async with client(make_app()) as http:
        own = await http.post(f"/orgs/{SAPPORO}/things", headers=bearer(dev_token()))
        other = await http.post(f"/orgs/{HAKODATE}/things", headers=bearer(dev_token()))
        wrong_role = await http.post(f"/orgs/{SAPPORO}/things", headers=bearer(dev_token(roles=["group"])))
        auditor = await http.post(
            f"/orgs/{SAPPORO}/things", headers=bearer(dev_token(roles=["auditor", "municipality"]))
        )
    assert own.status_code == 200
    assert other.status_code == 403
    assert other.headers["content-type"] == "application/problem+json"
    assert HAKODATE in other.json()["detail"] and SAPPORO in other.json()["detail"]
    assert other.json()["errors"] == [
        {"field": "path.org_code", "rule": "acts_for_own_org", "message": other.json()["detail"]}
    ]
    assert wrong_role.status_code == 403 and "municipality" in wrong_role.json()["detail"]
    assert auditor.status_code == 403 and "auditor" in auditor.json()["detail"]


def test_ensure_helpers() -> None:
    mayor = Actor(sub="m", org=SAPPORO, roles=frozenset({"municipality"}))
    ensure_can_write(mayor)
    ensure_acts_for_one_of(mayor, [HAKODATE, SAPPORO], field="parties", what="a party")
    with pytest.raises(Forbidden, match=HAKODATE):
        ensure_acts_for_one_of(mayor, [HAKODATE], field="parties", what="a party")
    with pytest.raises(Forbidden, match="auditor"):  # auditors never write, not even for their own org
        ensure_acts_for_one_of(
            Actor(sub="a", org=SAPPORO, roles=frozenset({"auditor"})), [SAPPORO], field="x", what="y"
        )
    with pytest.raises(Forbidden, match="municipality, prefecture"):  # a group writes for no government
        ensure_acts_for_one_of(
            Actor(sub="g", org=SAPPORO, roles=frozenset({"group"})), [SAPPORO], field="x", what="y"
        )
    with pytest.raises(Forbidden, match="auditor"):
        ensure_can_write(Actor(sub="a", org=SAPPORO, roles=frozenset({"auditor"})))


def test_openapi_shows_bearer_auth() -> None:
    schema = make_app().openapi()
    assert schema["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    assert schema["paths"]["/me"]["get"]["security"] == [{"bearer": []}]


def test_cli_prints_a_dev_token(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENKEI_JWT_ISSUER", "from-env")
    main(["--org", SAPPORO, "--roles", "municipality,prefecture", "--sub", "cli", "--ttl", "60"])
    token = capsys.readouterr().out.strip()
    claims = jwt.decode(token, DEV.jwt_secret, algorithms=["HS256"], audience=DEV.jwt_audience)
    assert claims["iss"] == "from-env"
    assert claims["org"] == SAPPORO and claims["roles"] == ["municipality", "prefecture"]
    assert claims["sub"] == "cli" and claims["exp"] - claims["iat"] == 60
    with pytest.raises(SystemExit):
        main(["--org", SAPPORO, "--roles", "mayor"])


# --- production mode: RS256 tokens verified against a JWKS served over HTTP ---------------------------


class _Jwks:
    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        self.document = {"keys": [{**public, "kid": "key-1", "use": "sig", "alg": "RS256"}]}
        self.fetches = 0


@pytest.fixture(scope="module")
def jwks() -> Iterator[tuple[_Jwks, str]]:
    state = _Jwks()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.fetches += 1
            body = json.dumps(state.document).encode()
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
        yield state, f"http://127.0.0.1:{server.server_address[1]}/jwks"
    finally:
        server.shutdown()
        server.server_close()


def idp_token(key: Any, settings: ServiceSettings, *, kid: str = "key-1", **overrides: Any) -> str:
    now = int(time.time())
    claims = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": "carol",
        "iat": now,
        "exp": now + 600,
        "org": HAKODATE,
        "roles": ["prefecture"],
        **overrides,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


async def test_prod_verifies_against_the_jwks(jwks: tuple[_Jwks, str]) -> None:
    state, url = jwks
    settings = prod_settings(url)
    verifier = TokenVerifier(settings)
    actor = await verifier.verify(idp_token(state.key, settings))
    assert actor == Actor(sub="carol", org=HAKODATE, roles=frozenset({"prefecture"}))
    fetches = state.fetches
    await verifier.verify(idp_token(state.key, settings, sub="dave"))
    assert state.fetches == fetches  # the key set is cached

    async with client(make_app(settings)) as http:
        ok = await http.get("/me", headers=bearer(idp_token(state.key, settings)))
        forged_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        forged = await http.get("/me", headers=bearer(idp_token(forged_key, settings)))
        unknown_kid = await http.get("/me", headers=bearer(idp_token(state.key, settings, kid="other")))
        dev = await http.get("/me", headers=bearer(dev_token()))
    assert ok.status_code == 200 and ok.json()["org"] == HAKODATE
    assert (forged.status_code, forged.json()["detail"]) == (401, "bad signature")
    assert unknown_kid.status_code == 401 and "kid" in unknown_kid.json()["detail"]
    assert dev.status_code == 401  # an HS256 dev token is worthless in prod


async def test_prod_rejects_expired_and_wrong_audience(jwks: tuple[_Jwks, str]) -> None:
    state, url = jwks
    settings = prod_settings(url)
    verifier = TokenVerifier(settings)
    with pytest.raises(Unauthorized, match="token expired"):
        await verifier.verify(idp_token(state.key, settings, exp=int(time.time()) - 3600))
    with pytest.raises(Unauthorized, match="wrong audience"):
        await verifier.verify(idp_token(state.key, settings, aud="another-app"))


async def test_unreachable_jwks_is_503_not_401(jwks: tuple[_Jwks, str]) -> None:
    state, _ = jwks
    settings = prod_settings("http://127.0.0.1:9/jwks")  # discard port: nothing listens
    with pytest.raises(ServiceUnavailable):
        await TokenVerifier(settings).verify(idp_token(state.key, settings))
