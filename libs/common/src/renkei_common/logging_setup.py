"""JSON logs on stdout, each line carrying the service, request id and trace id of the current request."""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from opentelemetry import trace

# Set by the request-context middleware (ops.py) for the duration of one request, so that any log line,
# audit entry or outbox row written while serving it can name the request and trace it belongs to. The
# current OpenTelemetry span, when there is one (renkei_common.tracing), takes precedence over the trace
# variables: it also exists outside requests, e.g. while a consumer handles an event.
request_id_var: ContextVar[str | None] = ContextVar("renkei_request_id", default=None)
trace_id_var: ContextVar[str | None] = ContextVar("renkei_trace_id", default=None)
traceparent_var: ContextVar[str | None] = ContextVar("renkei_traceparent", default=None)

# Attributes every LogRecord has; anything else was passed with `extra=` and belongs in the JSON line
# (except uvicorn's `color_message`, the same message with terminal escapes).
_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",
}


def current_request_id() -> str | None:
    """The X-Request-ID of the request being served, if any."""
    return request_id_var.get()


def current_trace_id() -> str | None:
    """The W3C trace id (32 hex digits) of the current span or the request being served, if any."""
    span = trace.get_current_span().get_span_context()
    return f"{span.trace_id:032x}" if span.is_valid else trace_id_var.get()


def current_traceparent() -> str | None:
    """The W3C `traceparent` of the current span or the request being served, if any."""
    span = trace.get_current_span().get_span_context()
    if span.is_valid:
        return f"00-{span.trace_id:032x}-{span.span_id:016x}-{int(span.trace_flags):02x}"
    return traceparent_var.get()


class JsonFormatter(logging.Formatter):
    """One JSON object per line, so that log shippers need no parsing rules."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "service": self.service,
            "request_id": request_id_var.get(),
            "trace_id": current_trace_id(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRS and key not in line:
                line[key] = value
        if record.exc_info:
            line["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack_info"] = self.formatStack(record.stack_info)
        # default=str: a stray non-JSON value in `extra` must never cost us the log line.
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str, service: str) -> None:
    """Send every logger's records, uvicorn's included, to stdout as JSON lines."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    # The request-context middleware writes one access line per request with route and trace id;
    # uvicorn's own access line would only duplicate it without them.
    access = logging.getLogger("uvicorn.access")
    access.handlers.clear()
    access.propagate = False
    access.disabled = True
