"""Operations plumbing: request id, W3C trace context, Prometheus metrics, access log, health endpoints."""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from renkei_common import tracing
from renkei_common.errors import ServiceUnavailable, instance_of, internal_error
from renkei_common.i18n import msg
from renkei_common.logging_setup import (
    configure_logging,
    current_request_id,
    current_trace_id,
    current_traceparent,
    request_id_var,
    trace_id_var,
    traceparent_var,
)

__all__ = [
    "HTTP_REQUESTS",
    "HTTP_REQUEST_DURATION",
    "ReadinessCheck",
    "RequestContextMiddleware",
    "configure_logging",
    "continue_trace",
    "current_request_id",
    "current_trace_id",
    "current_traceparent",
    "health_router",
    "route_template",
]

log = logging.getLogger(__name__)
access_log = logging.getLogger("renkei.access")

# Module-level, hence created once per process: the default registry is global and refuses duplicates,
# and tests build many apps in one process. The `service` label tells the apps apart.
HTTP_REQUESTS = Counter("http_requests", "HTTP requests served", ["service", "method", "route", "status"])
HTTP_REQUEST_DURATION = Histogram(
    "http_request_duration_seconds", "Time to serve an HTTP request", ["service", "method", "route"]
)

# Label value for requests no route matched; the raw path would let any client mint new time series.
UNMATCHED_ROUTE = "(unmatched)"
# Probes arrive every few seconds; at INFO they would drown the access log.
_QUIET_ROUTES = frozenset({"/livez", "/readyz", "/metrics"})
# Echoed into headers and logs, so only plain tokens are taken from the client.
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
# W3C Trace Context §3.2: version-traceid-parentid-flags; later versions may append fields.
_TRACEPARENT = re.compile(r"([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?")


def continue_trace(traceparent: str | None) -> tuple[str, str]:
    """(trace id, our traceparent): join the caller's trace with a new span, or start a new trace."""
    match = _TRACEPARENT.fullmatch(traceparent.strip().lower()) if traceparent else None
    if match:
        version, trace_id, parent_id, flags, rest = match.groups()
        valid = (
            version != "ff"
            and (version != "00" or rest is None)
            and trace_id != "0" * 32
            and parent_id != "0" * 16
        )
        if valid:
            return trace_id, f"00-{trace_id}-{secrets.token_hex(8)}-{flags}"
    trace_id = secrets.token_hex(16)
    return trace_id, f"00-{trace_id}-{secrets.token_hex(8)}-01"


def route_template(scope: Scope) -> str:
    """The matched route's path template (`/v1/agreements/{agreement_id}`), never the raw path."""
    route = scope.get("route")
    return getattr(route, "path_format", None) or getattr(route, "path", None) or UNMATCHED_ROUTE


class RequestContextMiddleware:
    """Pure ASGI, so responses still stream: request id, trace context, metrics, access log, last-resort 500.

    Add it last (outermost) so that everything inside it logs with the request and trace ids. Given a
    `tracer`, each request but the probes gets an OpenTelemetry SERVER span, continuing the caller's
    `traceparent`, and the trace ids are that span's.
    """

    def __init__(self, app: ASGIApp, *, service: str, tracer: trace.Tracer | None = None) -> None:
        self.app = app
        self.service = service
        self.tracer = tracer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        given_id = headers.get("x-request-id", "")
        request_id = given_id if _REQUEST_ID.fullmatch(given_id) else secrets.token_hex(16)
        span, span_token = None, None
        if self.tracer is not None and scope["path"] not in _QUIET_ROUTES:
            span = self._start_span(scope, headers.get("traceparent"))
            span_token = otel_context.attach(trace.set_span_in_context(span))
            trace_id, traceparent = tracing.trace_id_of(span) or "", tracing.traceparent_of(span) or ""
        else:
            trace_id, traceparent = continue_trace(headers.get("traceparent"))
        # Also in the scope: Starlette runs its 500 handler after this middleware has returned.
        scope.setdefault("state", {}).update(request_id=request_id, trace_id=trace_id)
        tokens = (
            request_id_var.set(request_id),
            trace_id_var.set(trace_id),
            traceparent_var.set(traceparent),
        )
        status = 500
        started = False

        async def send_with_context(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                started, status = True, message["status"]
                response_headers = MutableHeaders(scope=message)
                response_headers["X-Request-ID"] = request_id
                response_headers["traceparent"] = traceparent
            await send(message)

        began = time.perf_counter()
        try:
            await self.app(scope, receive, send_with_context)
        except Exception as exc:
            log.exception("unhandled error on %s %s", scope["method"], scope["path"])
            if span is not None:
                span.record_exception(exc)
            if started:
                raise  # too late for a problem response; the server drops the connection
            # Answered here rather than by Starlette's outer handler, so the 500 is counted, logged
            # with the trace id and carries X-Request-ID like every other response.
            problem = internal_error(request_id).to_response(
                instance=instance_of(scope["path"]), request_id=request_id
            )
            await problem(scope, receive, send_with_context)
        finally:
            self._observe(scope, status, time.perf_counter() - began)
            if span is not None and span_token is not None:
                self._end_span(span, scope, status)
                otel_context.detach(span_token)
            request_id_var.reset(tokens[0])
            trace_id_var.reset(tokens[1])
            traceparent_var.reset(tokens[2])

    def _start_span(self, scope: Scope, traceparent: str | None) -> trace.Span:
        assert self.tracer is not None
        return self.tracer.start_span(
            scope["method"],
            context=tracing.parent_context(traceparent),
            kind=SpanKind.SERVER,
            attributes={
                "http.request.method": scope["method"],
                "url.path": scope["path"],
                "url.scheme": scope.get("scheme", "http"),
            },
        )

    def _end_span(self, span: trace.Span, scope: Scope, status: int) -> None:
        # Named by the route template, never the raw path: ids in paths would make every name unique.
        route = route_template(scope)
        span.update_name(f"{scope['method']} {route}")
        span.set_attribute("http.route", route)
        span.set_attribute("http.response.status_code", status)
        if status >= 500:
            span.set_status(Status(StatusCode.ERROR))
        span.end()

    def _observe(self, scope: Scope, status: int, seconds: float) -> None:
        method, route = scope["method"], route_template(scope)
        HTTP_REQUESTS.labels(self.service, method, route, str(status)).inc()
        HTTP_REQUEST_DURATION.labels(self.service, method, route).observe(seconds)
        access_log.log(
            logging.DEBUG if route in _QUIET_ROUTES else logging.INFO,
            "%s %s %s",
            method,
            scope["path"],
            status,
            extra={
                "method": method,
                "path": scope["path"],
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000, 2),
            },
        )


ReadinessCheck = Callable[[], Awaitable[None]]


async def _run_check(name: str, check: ReadinessCheck, timeout_s: float) -> str:
    try:
        await asyncio.wait_for(check(), timeout_s)
    except TimeoutError:
        log.warning("readiness check %s timed out after %ss", name, timeout_s)
        return f"timed out after {timeout_s}s"
    except Exception as exc:
        # The probe is unauthenticated: the response names the kind of failure, the log has the rest.
        log.warning("readiness check %s failed", name, exc_info=exc)
        return f"failed: {type(exc).__name__}"
    return "ok"


def health_router(
    readiness_checks: Mapping[str, ReadinessCheck] | None = None,
    *,
    timeout_s: float = 2.0,
    liveness: Callable[[], Mapping[str, str]] | None = None,
) -> APIRouter:
    """`/livez`, `/readyz` and `/metrics`: no token needed, and kept out of the OpenAPI schema.

    `liveness()` gives each background task's state ("ok" or why not); any other state fails /livez.
    """
    checks = dict(readiness_checks or {})
    router = APIRouter(include_in_schema=False)

    @router.get("/livez", response_model=None)
    async def livez() -> dict[str, Any] | JSONResponse:
        # Never touches the DB: a database outage must not make Kubernetes restart healthy processes.
        # A dead or stuck background loop must: nothing else would bring it back.
        states = dict(liveness()) if liveness is not None else {}
        if not states:
            return {"status": "ok"}
        failed = sorted(name for name, state in states.items() if state != "ok")
        if not failed:
            return {"status": "ok", "checks": states}
        log.error("not live: %s", ", ".join(f"{name} {states[name]}" for name in failed))
        not_live = ServiceUnavailable(msg("ops.not_live", checks=failed), slug="not-live", checks=states)
        return not_live.to_response(instance="/livez", request_id=current_request_id())

    @router.get("/readyz")
    async def readyz() -> JSONResponse:
        results = await asyncio.gather(*(_run_check(n, c, timeout_s) for n, c in checks.items()))
        by_name: dict[str, Any] = dict(zip(checks, results, strict=True))
        failed = sorted(name for name, result in by_name.items() if result != "ok")
        if not failed:
            return JSONResponse({"status": "ok", "checks": by_name})
        not_ready = ServiceUnavailable(msg("ops.not_ready", checks=failed), slug="not-ready", checks=by_name)
        return not_ready.to_response(instance="/readyz", request_id=current_request_id())

    @router.get("/metrics")
    async def metrics() -> Response:
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return router
