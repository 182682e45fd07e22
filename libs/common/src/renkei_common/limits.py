"""Request-body limit: an oversized body is refused with a 413 problem before it is read or parsed.

The declared Content-Length is checked before the first byte is read; a body without one (chunked) is
counted while it streams and cut off at the limit. The default comes from `RENKEI_MAX_BODY_BYTES`
(1 MiB); a route that takes larger (or must take smaller) bodies declares its own with
`openapi_extra=body_limit(n)`, which also documents the limit as `x-max-body-bytes` in OpenAPI.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from renkei_common.errors import FieldError, ProblemError, instance_of
from renkei_common.i18n import msg
from renkei_common.logging_setup import current_request_id

log = logging.getLogger(__name__)

LIMIT_EXTENSION = "x-max-body-bytes"
_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def body_limit(max_bytes: int) -> dict[str, Any]:
    """`openapi_extra=` of a route whose request bodies may be up to `max_bytes` instead of the default."""
    if max_bytes < 0:
        raise ValueError("a body limit cannot be negative")
    return {LIMIT_EXTENSION: max_bytes}


def too_large(limit: int) -> ProblemError:
    message = msg("limits.body_too_large", limit=limit)
    return ProblemError(
        message,
        status=413,
        slug="payload-too-large",
        errors=[FieldError(field="body", rule="max_bytes", message=message)],
        max_bytes=limit,
    )


class BodyTooLarge(HTTPException):
    """Raised from `receive` at the limit. An HTTPException, so that FastAPI's body parsing passes it on
    instead of turning it into a 400; the middleware answers the 413 whatever the app does with it."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"the request body is larger than {limit} bytes")
        self.limit = limit


class _RouteLimits:
    """The routes that declare their own limit, read once from the app's OpenAPI document."""

    def __init__(self, app: Any) -> None:
        self.rules: list[tuple[str, re.Pattern[str], int]] = []
        openapi = getattr(app, "openapi", None)
        if openapi is None:
            return
        for path, operations in (openapi().get("paths") or {}).items():
            for method, operation in operations.items():
                if method in _HTTP_METHODS and isinstance(operation, dict) and LIMIT_EXTENSION in operation:
                    self.rules.append(
                        (method.upper(), _template_regex(path), int(operation[LIMIT_EXTENSION]))
                    )

    def limit_for(self, method: str, path: str) -> int | None:
        for rule_method, pattern, limit in self.rules:
            if rule_method == method and pattern.fullmatch(path):
                return limit
        return None


def _template_regex(template: str) -> re.Pattern[str]:
    # "/v1/things/{thing_id}" -> "/v1/things/[^/]+"; Starlette's {name:path} spans slashes.
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join(
        (".+" if part.endswith(":path}") else "[^/]+") if part.startswith("{") else re.escape(part)
        for part in parts
    )
    return re.compile(regex)


class BodyLimitMiddleware:
    """Pure ASGI, so bodies stream: install it outside every middleware that reads the body."""

    def __init__(self, app: ASGIApp, *, default_max_bytes: int) -> None:
        self.app = app
        self.default_max_bytes = default_max_bytes
        self._routes: _RouteLimits | None = None

    def _limit(self, scope: Scope) -> int:
        app = scope.get("app")
        if app is None:
            return self.default_max_bytes
        if self._routes is None:
            try:
                self._routes = _RouteLimits(app)
            except Exception:  # a broken schema must not stop requests; the default still protects
                log.exception("could not read the per-route body limits; using the default for all routes")
                self._routes = _RouteLimits(None)
        route_limit = self._routes.limit_for(scope["method"], scope["path"])
        return self.default_max_bytes if route_limit is None else route_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received, exceeded, started = 0, False, False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge(limit)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # whatever the app made of the cut-off body, the answer is our 413
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not exceeded:
                raise
        if exceeded and not started:
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        log.info("refused a request body over %d bytes on %s %s", limit, scope["method"], scope["path"])
        response = too_large(limit).to_response(
            instance=instance_of(scope["path"]), request_id=current_request_id()
        )
        # The unread rest of the body makes the connection unusable for another request.
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
