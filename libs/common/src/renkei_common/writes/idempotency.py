"""Idempotency-Key for writes: a retry of the same request replays the first response, never re-runs it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

import anyio
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from renkei_common.auth import Actor, TokenVerifier
from renkei_common.db import Database
from renkei_common.errors import BadRequest, FieldError, ProblemError
from renkei_common.logging_setup import current_request_id
from renkei_common.models import IdempotencyRecord
from renkei_common.writes.idempotency_store import (
    COMPLETED,
    KeyedRequest,
    claim_key,
    complete_key,
    release_key,
)

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_KEY_LENGTH = 200  # IdempotencyRecord.key
# Enough to replay what a client acts on; other headers (request id, trace) belong to each attempt.
REPLAYED_HEADERS = ("content-type", "etag", "location")


class IdempotencyMiddleware:
    """Pure ASGI middleware; add it before (inside) RequestContextMiddleware so problems carry the request id.

    The getters default to `app.state.db` and `app.state.token_verifier`. The response is stored after the
    handler's own transaction commits, so a crash in between leaves an in-progress record that a retry
    takes over once it is `takeover_after_s` old.
    """

    def __init__(
        self,
        app: ASGIApp,
        database_getter: Callable[[], Database] | None = None,
        verifier_getter: Callable[[], TokenVerifier] | None = None,
        *,
        takeover_after_s: float = 60.0,
    ) -> None:
        self.app = app
        self.database_getter = database_getter
        self.verifier_getter = verifier_getter
        self.takeover_after = timedelta(seconds=takeover_after_s)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get("idempotency-key")
        if key is None:
            await self.app(scope, receive, send)
            return
        try:
            _check_key(key)
            actor = await self._actor(scope, headers)
            if actor is None:
                # No idempotency without a verified org to scope the key; auth will answer 401.
                await self.app(scope, receive, send)
                return
            body = await _read_body(receive)
            if body is None:
                return  # the client went away before sending its body
            request = KeyedRequest(
                key=key,
                org=actor.org,
                method=scope["method"],
                path=scope["path"][:500],
                request_hash=_request_hash(scope, body),
            )
            database = self.database_getter() if self.database_getter else scope["app"].state.db
            record = await claim_key(database, request, takeover_after=self.takeover_after)
        except ProblemError as problem:
            response = problem.to_response(instance=scope["path"], request_id=current_request_id())
            await response(scope, receive, send)
            return
        if record.state == COMPLETED:
            await _replay(record)(scope, receive, send)
            return
        await self._run(database, request, record, scope, _replay_body(body, receive), send)

    async def _actor(self, scope: Scope, headers: Headers) -> Actor | None:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        verifier = self.verifier_getter() if self.verifier_getter else scope["app"].state.token_verifier
        try:
            return await verifier.verify(token.strip())
        except ProblemError:
            return None

    async def _run(
        self,
        database: Database,
        request: KeyedRequest,
        claim: IdempotencyRecord,
        scope: Scope,
        receive: Receive,
        send: Send,
    ) -> None:
        status, kept_headers, chunks = 500, dict[str, str](), list[bytes]()

        async def capture(message: Message) -> None:
            nonlocal status, kept_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                sent = Headers(raw=message.get("headers", []))
                kept_headers = {name: sent[name] for name in REPLAYED_HEADERS if name in sent}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, capture)
        except BaseException:
            with anyio.CancelScope(shield=True):  # release even when the request was cancelled
                await release_key(database, request, claimed_at=claim.created_at)
            raise
        if status >= 500:
            # A server error may not have written anything: let the client retry with the same key.
            await release_key(database, request, claimed_at=claim.created_at)
            return
        await complete_key(
            database,
            request,
            claimed_at=claim.created_at,
            status_code=status,
            body=b"".join(chunks),
            headers=kept_headers,
        )


def _check_key(key: str) -> None:
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        message = f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters; a UUID is a good key"
        raise BadRequest(
            message,
            slug="bad-idempotency-key",
            errors=[FieldError(field="Idempotency-Key", rule="length", message=message)],
        )


def _request_hash(scope: Scope, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (scope["method"].encode(), scope["path"].encode(), scope.get("query_string", b""), body):
        digest.update(len(part).to_bytes(8, "big"))  # length-prefixed, so parts cannot run into each other
        digest.update(part)
    return digest.hexdigest()


async def _read_body(receive: Receive) -> bytes | None:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay_body(body: bytes, receive: Receive) -> Receive:
    """A receive that hands the already-read body to the app once, then defers to the server's."""
    sent = False

    async def receive_again() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive_again


def _replay(record: IdempotencyRecord) -> Response:
    headers = {**(record.response_headers or {}), "Idempotent-Replayed": "true"}
    body = record.response_body or b""
    return Response(content=body, status_code=record.status_code or 200, headers=headers)
