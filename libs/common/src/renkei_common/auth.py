"""Bearer-token authentication (dev HS256 secret or OIDC JWKS) and role checks; org checks are in access."""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from renkei_common.errors import Forbidden, ServiceUnavailable, Unauthorized
from renkei_common.i18n import msg
from renkei_common.settings import ServiceSettings


class Role(StrEnum):
    national = "national"  # MIC (総務省)
    prefecture = "prefecture"  # 都道府県
    municipality = "municipality"  # 市町村
    group = "group"  # 指定地域共同活動団体
    auditor = "auditor"  # reads everything, writes nothing
    # Platform roles, not governments: admin.py's operator endpoints, and the token a service presents
    # to other services' event feeds (runtime.py).
    operator = "operator"
    service = "service"


KNOWN_ROLES = frozenset(role.value for role in Role)
DEV_ALGORITHMS = ["HS256"]
OIDC_ALGORITHMS = ["RS256", "ES256"]
# Sized to the columns that store them (AuditEntry.actor_org / actor_sub).
MAX_ORG_LENGTH, MAX_SUB_LENGTH = 20, 200


@dataclass(frozen=True)
class Actor:
    """The verified caller: who (`sub`), for which government or group (`org`, 団体コード), as what."""

    sub: str
    org: str
    roles: frozenset[str]

    def has_role(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(str(role) for role in roles)

    @property
    def is_auditor(self) -> bool:
        return Role.auditor.value in self.roles

    @property
    def reads_all(self) -> bool:
        return self.has_role(Role.national, Role.auditor)


def mint_dev_token(
    *, settings: ServiceSettings, org: str, roles: Iterable[str], sub: str = "dev-user", ttl_s: int = 3600
) -> str:
    """A token signed with the dev secret; refused in prod, where only the OIDC issuer mints tokens."""
    if settings.mode != "dev":
        raise RuntimeError("dev tokens are refused in prod mode; get a token from the OIDC issuer")
    now = int(time.time())
    claims = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "sub": sub,
        "iat": now,
        "exp": now + ttl_s,
        "org": org,
        "roles": sorted(str(r) for r in roles),
    }
    return jwt.encode(claims, settings.jwt_secret, algorithm="HS256")


# What each PyJWT failure means to the caller; the first matching class wins, so subclasses come first.
_DECODE_FAILURES: tuple[tuple[type[jwt.PyJWTError], str], ...] = (
    (jwt.ExpiredSignatureError, msg("auth.token_expired")),
    (jwt.ImmatureSignatureError, msg("auth.token_not_yet_valid")),
    (jwt.InvalidSignatureError, msg("auth.bad_signature")),
    (jwt.InvalidAudienceError, msg("auth.wrong_audience")),
    (jwt.InvalidIssuerError, msg("auth.wrong_issuer")),
    (jwt.InvalidAlgorithmError, msg("auth.algorithm_not_allowed")),
    (jwt.DecodeError, msg("auth.malformed_token")),
)


class TokenVerifier:
    """Turns a bearer token into an Actor, or raises Unauthorized saying exactly what is wrong with it."""

    def __init__(self, settings: ServiceSettings, *, jwks_client: jwt.PyJWKClient | None = None) -> None:
        self.settings = settings
        self.jwks_client: jwt.PyJWKClient | None = None
        if settings.mode == "prod":
            if jwks_client is None and not settings.oidc_jwks_url:
                raise ValueError("prod mode needs RENKEI_OIDC_JWKS_URL to verify tokens")
            # The key set is cached for five minutes; an unknown `kid` refetches it at once (key rotation).
            # cache_keys stays off: its LRU would keep accepting a key the issuer has withdrawn.
            self.jwks_client = jwks_client or jwt.PyJWKClient(
                settings.oidc_jwks_url or "", cache_jwk_set=True, lifespan=300, timeout=5
            )

    async def verify(self, token: str) -> Actor:
        key: Any
        if self.jwks_client is None:
            key, algorithms = self.settings.jwt_secret, DEV_ALGORITHMS
        else:
            key, algorithms = await self._signing_key(token), OIDC_ALGORITHMS
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self.settings.jwt_audience,
                issuer=self.settings.jwt_issuer,
                options={"require": ["exp", "iss", "aud", "sub"]},
                leeway=30,  # clock skew between the issuer and this host
            )
        except jwt.MissingRequiredClaimError as exc:
            raise Unauthorized(msg("auth.missing_claim", claim=exc.claim)) from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(_describe(exc)) from exc
        return _actor_from_claims(claims)

    async def _signing_key(self, token: str) -> Any:
        assert self.jwks_client is not None
        try:
            # PyJWKClient fetches with blocking urllib; keep it off the event loop.
            signing_key = await asyncio.to_thread(self.jwks_client.get_signing_key_from_jwt, token)
        except jwt.PyJWKClientConnectionError as exc:
            raise ServiceUnavailable(msg("auth.signing_keys_unavailable")) from exc
        except jwt.PyJWKClientError as exc:
            raise Unauthorized(msg("auth.no_matching_key")) from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(_describe(exc)) from exc
        return signing_key.key


def _describe(exc: jwt.PyJWTError) -> str:
    return next((text for cls, text in _DECODE_FAILURES if isinstance(exc, cls)), msg("auth.invalid_token"))


def _actor_from_claims(claims: dict[str, Any]) -> Actor:
    sub, org, roles = claims.get("sub"), claims.get("org"), claims.get("roles")
    if not isinstance(sub, str) or not sub or len(sub) > MAX_SUB_LENGTH:
        raise Unauthorized(msg("auth.bad_claim_length", claim="sub", max=MAX_SUB_LENGTH))
    if org is None:
        raise Unauthorized(msg("auth.missing_claim", claim="org"))
    if not isinstance(org, str) or not org or len(org) > MAX_ORG_LENGTH:
        raise Unauthorized(msg("auth.bad_claim_length", claim="org", max=MAX_ORG_LENGTH))
    if roles is None:
        raise Unauthorized(msg("auth.missing_claim", claim="roles"))
    if not isinstance(roles, list) or not roles or not all(isinstance(r, str) for r in roles):
        raise Unauthorized(msg("auth.bad_roles_claim"))
    unknown = sorted(set(roles) - KNOWN_ROLES)
    if unknown:
        raise Unauthorized(msg("auth.unknown_role", role=unknown[0]))
    return Actor(sub=sub, org=org, roles=frozenset(roles))


# Declared as a dependency of current_actor so that OpenAPI shows bearer auth and /docs an Authorize button;
# auto_error=False because the problem+json 401 below says more than FastAPI's default.
bearer_scheme = HTTPBearer(auto_error=False, scheme_name="bearer", bearerFormat="JWT")


async def current_actor(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Actor:
    """The verified caller of this request; 401 problem when the token is missing or invalid."""
    if credentials is None:
        header = request.headers.get("Authorization")
        raise Unauthorized(
            msg("auth.missing_token") if not header else msg("auth.not_bearer"),
            token_given=False,
        )
    verifier: TokenVerifier | None = getattr(request.app.state, "token_verifier", None)
    if verifier is None:
        raise RuntimeError("app.state.token_verifier is not set; create a TokenVerifier at startup")
    return await verifier.verify(credentials.credentials)


CurrentActor = Annotated[Actor, Depends(current_actor)]


def require_roles(*roles: str) -> Callable[[Actor], Awaitable[Actor]]:
    """A dependency admitting only callers with at least one of `roles`; others get a 403 problem."""
    wanted = ", ".join(roles)

    async def dependency(actor: CurrentActor) -> Actor:
        if not actor.has_role(*roles):
            raise Forbidden(msg("auth.needs_role", roles=wanted))
        return actor

    return dependency


def ensure_can_write(actor: Actor) -> None:
    """Auditors read everything and write nothing."""
    if actor.is_auditor:
        raise Forbidden(msg("auth.auditor_never_writes"))


def main(argv: list[str] | None = None) -> None:
    """Print a dev token: `python -m renkei_common.auth --org 011002 --roles municipality`."""
    parser = argparse.ArgumentParser(prog="python -m renkei_common.auth", description=main.__doc__)
    parser.add_argument("--org", required=True, help="団体コード of the caller, e.g. 011002")
    parser.add_argument("--roles", required=True, help=f"comma-separated, of: {', '.join(Role)}")
    parser.add_argument("--sub", default="dev-user")
    parser.add_argument("--ttl", type=int, default=3600, help="lifetime in seconds")
    args = parser.parse_args(argv)
    roles = [r.strip() for r in args.roles.split(",") if r.strip()]
    unknown = sorted(set(roles) - KNOWN_ROLES)
    if not roles or unknown:
        parser.error(f"unknown or missing roles {unknown}; choose from {', '.join(Role)}")
    try:
        settings = ServiceSettings()
        token = mint_dev_token(settings=settings, org=args.org, roles=roles, sub=args.sub, ttl_s=args.ttl)
    except RuntimeError as exc:
        parser.error(str(exc))
    print(token)


if __name__ == "__main__":
    main()
