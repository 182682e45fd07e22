"""Idempotency-Key for writes: a retry of the same request replays the first response, never re-runs it.

What is remembered, and for whom (docs/adr/0007-idempotency-replay.md):
- a key belongs to one caller: its org scopes the key, its `sub` and roles own it. Anyone else sending
  the key gets a 403 before learning anything about it, so an auditor never receives a stored 201;
- the request's fingerprint covers method, path, query, If-Match and body: the same key with another
  precondition is another request (422), not a replay;
- only final answers are remembered: 2xx and refusals of the request itself (400, 404, 422, ...), never
  one that a retry may change (401, 403, 408, 409, 412, 413, 425, 428, 429, 5xx);
- the answer is stored before it is sent, so an immediate retry finds it.
The body is never buffered: it streams to the handler and is hashed on the way; only a replay, where no
handler runs, reads it itself (again hashing, not keeping it).
"""

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
from renkei_common.errors import BadRequest, FieldError, ProblemError, Unprocessable
from renkei_common.i18n import msg
from renkei_common.logging_setup import current_request_id
from renkei_common.models import IdempotencyRecord
from renkei_common.writes.idempotency_store import (
    COMPLETED,
    DIGEST_LENGTH,
    KeyedRequest,
    caller_digest,
    claim_key,
    complete_key,
    release_key,
    request_digest_of,
)

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_KEY_LENGTH = 200  # IdempotencyRecord.key
# Enough to replay what a client acts on; other headers (request id, trace) belong to each attempt.
REPLAYED_HEADERS = ("content-type", "etag", "location")
# Answers a retry may legitimately change: who may write (401, 403), the resource's state (409, 412,
# 428), load (408, 425, 429), and a body cut off at the limit (413, never hashed in full).
NOT_REMEMBERED = frozenset({401, 403, 408, 409, 412, 413, 425, 428, 429})


def remembered(status: int) -> bool:
    """Is an answer with this status stored under its Idempotency-Key and replayed to retries?"""
    return status < 500 and status not in NOT_REMEMBERED


class IdempotencyMiddleware:
    """Pure ASGI middleware; add it before (inside) RequestContextMiddleware so problems carry the request id.

    The getters default to `app.state.db` and `app.state.token_verifier`. A crash between the claim and
    the stored answer leaves an in-progress record that a retry takes over once it is `takeover_after_s`
    old.
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
                # No idempotency without a verified caller to own the key; auth will answer 401.
                await self.app(scope, receive, send)
                return
            request = KeyedRequest(
                key=key,
                org=actor.org,
                caller=caller_digest(actor),
                method=scope["method"],
                path=scope["path"][:500],
            )
            database = self.database_getter() if self.database_getter else scope["app"].state.db
            record = await claim_key(database, request, takeover_after=self.takeover_after)
            if record.state == COMPLETED:
                digest = await _RequestDigest(scope).read_all(receive)
                if digest is None:
                    return  # the client went away before sending its body
                if digest != request_digest_of(record):
                    raise _reused(record)
                await _replay(record)(scope, receive, send)
                return
        except ProblemError as problem:
            response = problem.to_response(instance=scope["path"], request_id=current_request_id())
            await response(scope, receive, send)
            return
        await self._run(database, request, record, scope, receive, send)

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
        digest = _RequestDigest(scope)
        held: list[Message] = []
        finished = False

        async def hashing_receive() -> Message:
            return digest.add(await receive())

        async def record_then_send(message: Message) -> None:
            nonlocal finished
            held.append(message)
            if message["type"] != "http.response.body" or message.get("more_body", False):
                return
            # The whole answer is here: remember it (or forget the key) first, then let it go out, so
            # that a retry arriving the moment the client has it finds it stored.
            finished = True
            start = held[0]
            status = start["status"]
            stored = False
            if remembered(status) and (request_digest := await digest.finish(receive)) is not None:
                sent = Headers(raw=start.get("headers", []))
                stored = await complete_key(
                    database,
                    request,
                    claimed_at=claim.created_at,
                    request_digest=request_digest,
                    status_code=status,
                    body=b"".join(m.get("body", b"") for m in held[1:]),
                    headers={name: sent[name] for name in REPLAYED_HEADERS if name in sent},
                )
            if not stored:
                await release_key(database, request, claimed_at=claim.created_at)
            for held_message in held:
                await send(held_message)

        try:
            await self.app(scope, hashing_receive, record_then_send)
        except BaseException:
            if not finished:
                with anyio.CancelScope(shield=True):  # release even when the request was cancelled
                    await release_key(database, request, claimed_at=claim.created_at)
            raise
        if not finished:
            # The app returned without a complete answer: nothing to remember, nothing more to send.
            await release_key(database, request, claimed_at=claim.created_at)
            for held_message in held:
                await send(held_message)


class _RequestDigest:
    """The request's fingerprint, fed with the body as it streams by; never holds the body itself."""

    def __init__(self, scope: Scope) -> None:
        headers = Headers(scope=scope)
        self._hash = hashlib.sha256()
        if_match = " ".join(headers.get("if-match", "").split())  # a precondition: part of the request
        for part in (
            scope["method"].encode(),
            scope["path"].encode(),
            scope.get("query_string", b""),
            if_match.encode(),
        ):
            self._hash.update(len(part).to_bytes(8, "big"))  # length-prefixed, parts cannot run together
            self._hash.update(part)
        self.complete = False
        self.disconnected = False

    def add(self, message: Message) -> Message:
        if message["type"] == "http.request" and not self.complete:
            self._hash.update(message.get("body", b""))
            self.complete = not message.get("more_body", False)
        elif message["type"] == "http.disconnect":
            self.disconnected = True
        return message

    async def finish(self, receive: Receive) -> str | None:
        """The digest, reading whatever of the body the handler left unread; None if the client left."""
        while not self.complete and not self.disconnected:
            self.add(await receive())
        return None if self.disconnected and not self.complete else self._hash.hexdigest()[:DIGEST_LENGTH]

    async def read_all(self, receive: Receive) -> str | None:
        return await self.finish(receive)


def _check_key(key: str) -> None:
    if not key.strip() or len(key) > MAX_KEY_LENGTH:
        message = msg("idempotency.bad_key", max=MAX_KEY_LENGTH)
        raise BadRequest(
            message,
            slug="bad-idempotency-key",
            errors=[FieldError(field="Idempotency-Key", rule="length", message=message)],
        )


def _reused(record: IdempotencyRecord) -> Unprocessable:
    return Unprocessable(
        "Idempotency-Key",
        "reused_with_different_request",
        msg("idempotency.reused", method=record.method, path=record.path),
        slug="idempotency-key-reused",
    )


def _replay(record: IdempotencyRecord) -> Response:
    headers = {**(record.response_headers or {}), "Idempotent-Replayed": "true"}
    body = record.response_body or b""
    return Response(content=body, status_code=record.status_code or 200, headers=headers)
