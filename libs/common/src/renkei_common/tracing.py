"""OpenTelemetry traces of a service: HTTP, SQL, outbox, relay and consumer spans; OTLP only if configured.

A service builds one `Tracing` (its own TracerProvider, `service.name` = the service) and attaches it to its
database engine; the outbox, the relay and the consumers find the tracer through the engine they write to,
as they find the outbox notifier. Nothing here sets OpenTelemetry's global provider: tests run several
services in one process, and each must name itself in its spans.

Export: OTLP over HTTP when `RENKEI_OTLP_ENDPOINT` (a base URL; `/v1/traces` is appended) or the standard
`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` / `OTEL_EXPORTER_OTLP_ENDPOINT` is set. Otherwise spans are still
made, so that log lines and outbox rows carry real trace ids, but no exporter exists and nothing is ever
sent anywhere (closed networks such as LGWAN). `OTEL_SDK_DISABLED=true` turns spans off altogether.
"""

from __future__ import annotations

import logging
import os
import re
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter
from opentelemetry.trace import (
    Link,
    NonRecordingSpan,
    Span,
    SpanContext,
    SpanKind,
    Status,
    StatusCode,
    TraceFlags,
)
from sqlalchemy import event as sa_event

log = logging.getLogger(__name__)

INSTRUMENTATION = "renkei"
TRACES_PATH = "/v1/traces"
# The standard variables, in the order the OTLP exporter itself reads them.
OTEL_ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
# W3C Trace Context §3.2 (https://www.w3.org/TR/trace-context/#traceparent-header), as ops.continue_trace.
_TRACEPARENT = re.compile(r"([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?")
# Statements are parameterised (values never appear in them); long ones are cut, not dropped.
MAX_STATEMENT_CHARS = 2000


@dataclass
class Tracing:
    """The tracer provider of one service; `tracer` is None when the SDK is disabled."""

    service: str
    provider: TracerProvider | None
    exporter: SpanExporter | None = None

    @property
    def tracer(self) -> trace.Tracer | None:
        return self.provider.get_tracer(INSTRUMENTATION) if self.provider is not None else None

    def add_span_processor(self, processor: SpanProcessor) -> None:
        """Another destination of finished spans (tests: an in-memory exporter)."""
        if self.provider is None:
            raise RuntimeError("tracing is disabled (OTEL_SDK_DISABLED=true)")
        self.provider.add_span_processor(processor)

    def instrument(self, engine: Any) -> None:
        """SQL spans for `engine`, and the tracer its outbox, relay and consumers use."""
        tracer = self.tracer
        if tracer is None:
            return
        sync_engine = getattr(engine, "sync_engine", engine)
        _tracers[sync_engine] = tracer
        _listen_sql(sync_engine)

    def shutdown(self) -> None:
        """Flush what is still buffered to the exporter and stop it (the app's lifespan calls this)."""
        if self.provider is not None:
            self.provider.shutdown()


def setup(service: str, *, endpoint: str | None = None, environ: Mapping[str, str] | None = None) -> Tracing:
    """The tracing of `service`: an OTLP/HTTP exporter when an endpoint is configured, none otherwise."""
    env = os.environ if environ is None else environ
    if env.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return Tracing(service=service, provider=None)
    provider = TracerProvider(resource=_resource(service), shutdown_on_exit=False)
    url = export_url(endpoint, env)
    if url is None:
        return Tracing(service=service, provider=provider)
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    # Without an explicit URL the exporter reads the OTEL_* variables itself (also their /v1/traces rule).
    exporter = OTLPSpanExporter(endpoint=url if endpoint else None)
    provider.add_span_processor(BatchSpanProcessor(exporter))
    log.info("tracing %s: exporting OTLP to %s", service, url)
    return Tracing(service=service, provider=provider, exporter=exporter)


def export_url(endpoint: str | None, environ: Mapping[str, str]) -> str | None:
    """Where spans go, or None: RENKEI_OTLP_ENDPOINT first, then the standard variables."""
    if endpoint:
        return endpoint.rstrip("/") + TRACES_PATH
    if traces := environ.get(OTEL_ENDPOINT_VARIABLES[0], "").strip():
        return traces
    if base := environ.get(OTEL_ENDPOINT_VARIABLES[1], "").strip():
        return base.rstrip("/") + TRACES_PATH
    return None


@lru_cache(maxsize=32)
def _resource(service: str) -> Resource:
    # Resource.create also reads OTEL_RESOURCE_ATTRIBUTES (e.g. deployment.environment); our name wins.
    return Resource.create({"service.name": service, "service.namespace": "renkei"})


_tracers: weakref.WeakKeyDictionary[Any, trace.Tracer] = weakref.WeakKeyDictionary()


def tracer_for(bind: Any) -> trace.Tracer | None:
    """The tracer of the service owning this engine, connection or session bind; None if untraced."""
    engine = getattr(bind, "engine", bind)
    return _tracers.get(getattr(engine, "sync_engine", engine))


# --- W3C trace context --------------------------------------------------------------------------------


def span_context_of(traceparent: str | None) -> SpanContext | None:
    """The remote span a W3C `traceparent` names, or None if it is missing or invalid."""
    match = _TRACEPARENT.fullmatch(traceparent.strip().lower()) if traceparent else None
    if not match:
        return None
    version, trace_id, span_id, flags, rest = match.groups()
    if version == "ff" or (version == "00" and rest is not None):
        return None
    if trace_id == "0" * 32 or span_id == "0" * 16:
        return None
    return SpanContext(
        int(trace_id, 16), int(span_id, 16), is_remote=True, trace_flags=TraceFlags(int(flags, 16))
    )


def parent_context(traceparent: str | None) -> Context:
    """A context whose parent is the span `traceparent` names; an empty one (a new trace) if it is invalid.

    Never the ambient context: an event's span belongs to the event's trace, whatever runs around it.
    """
    remote = span_context_of(traceparent)
    return trace.set_span_in_context(NonRecordingSpan(remote)) if remote is not None else Context()


def traceparent_of(span: Span) -> str | None:
    """The W3C `traceparent` naming `span` as the parent of what follows it."""
    ctx = span.get_span_context()
    if not ctx.is_valid:
        return None
    return f"00-{ctx.trace_id:032x}-{ctx.span_id:016x}-{int(ctx.trace_flags):02x}"


def trace_id_of(span: Span) -> str | None:
    ctx = span.get_span_context()
    return f"{ctx.trace_id:032x}" if ctx.is_valid else None


def header_traceparent(headers: Sequence[tuple[str, bytes]] | None) -> str | None:
    """The `traceparent` of a Kafka record's headers, if any."""
    for key, value in headers or ():
        if key == "traceparent" and value:
            return value.decode("ascii", "replace")
    return None


# --- Spans of the event backbone ----------------------------------------------------------------------


def event_attributes(*, event_id: str, type_: str, source: str, subject: str) -> dict[str, str]:
    """The CloudEvents semantic conventions (https://opentelemetry.io/docs/specs/semconv/cloudevents/)."""
    return {
        "cloudevents.event_id": event_id,
        "cloudevents.event_type": type_,
        "cloudevents.event_source": source,
        "cloudevents.event_subject": subject,
    }


def creation_traceparent(
    tracer: trace.Tracer, *, event_id: str, type_: str, source: str, subject: str, topic: str
) -> str | None:
    """Record an event's creation as a span under the current one (the request); its traceparent goes
    into the outbox row and stays the event's creation context on every transport."""
    span = tracer.start_span(
        f"create {type_}",
        kind=SpanKind.PRODUCER,
        attributes={
            **event_attributes(event_id=event_id, type_=type_, source=source, subject=subject),
            "messaging.operation.type": "create",
            "messaging.destination.name": topic,
        },
    )
    span.end()
    return traceparent_of(span)


def publish_span(
    tracer: trace.Tracer, *, traceparent: str | None, event_id: str, type_: str, topic: str, key: bytes
) -> Span:
    """The relay's send of one event to Kafka, a child of the event's creation span."""
    return tracer.start_span(
        f"send {topic}",
        context=parent_context(traceparent),
        kind=SpanKind.PRODUCER,
        attributes={
            "messaging.system": "kafka",
            "messaging.operation.type": "send",
            "messaging.destination.name": topic,
            "messaging.message.id": event_id,
            "messaging.kafka.message.key": key.decode("utf-8", "replace"),
            "cloudevents.event_type": type_,
        },
    )


def end_spans(spans: Sequence[Span], error: BaseException | None = None) -> None:
    for span in spans:
        if error is not None:
            span.record_exception(error)
            span.set_status(Status(StatusCode.ERROR, type(error).__name__))
        span.end()


@contextmanager
def consumer_span(
    tracer: trace.Tracer | None,
    *,
    consumer: str,
    origin: str,
    event_id: str,
    type_: str,
    source: str,
    subject: str,
    created: str | None,
    hop: str | None = None,
) -> Iterator[Span]:
    """A consumer's handling of one event, current while it runs (its SQL spans are its children).

    The parent is the transport's hop (`hop`: the relay's send span, from the Kafka record's header) when
    there is one, else the event's creation context (`created`: the CloudEvents `traceparent`, what the
    feed delivers); the creation context is linked as well, as the messaging conventions ask.
    """
    if tracer is None:
        yield trace.INVALID_SPAN
        return
    parent = hop if span_context_of(hop) is not None else created
    created_ctx = span_context_of(created)
    links = [Link(created_ctx)] if created_ctx is not None and parent != created else []
    attributes = {
        **event_attributes(event_id=event_id, type_=type_, source=source, subject=subject),
        "messaging.operation.type": "process",
        "messaging.consumer.group.name": consumer,
        "renkei.origin": origin,
    }
    if origin.startswith("kafka:"):
        attributes["messaging.system"] = "kafka"
    with tracer.start_as_current_span(
        f"process {type_}",
        context=parent_context(parent),
        kind=SpanKind.CONSUMER,
        links=links,
        attributes=attributes,
        record_exception=True,
        set_status_on_exception=True,
    ) as span:
        yield span


# --- SQL ----------------------------------------------------------------------------------------------

_SPAN_KEY = "renkei_sql_span"
_DB_SYSTEMS = {"postgresql": "postgresql", "sqlite": "sqlite"}


def _listen_sql(sync_engine: Any) -> None:
    """A CLIENT span per statement, only inside a recording span: background polls start no traces."""
    if sa_event.contains(sync_engine, "before_cursor_execute", _before_cursor_execute):
        return
    sa_event.listen(sync_engine, "before_cursor_execute", _before_cursor_execute)
    sa_event.listen(sync_engine, "after_cursor_execute", _after_cursor_execute)
    sa_event.listen(sync_engine, "handle_error", _handle_error)


def _before_cursor_execute(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    if not trace.get_current_span().is_recording():
        return
    tracer = _tracers.get(conn.engine)
    if tracer is None:
        return
    operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
    conn.info[_SPAN_KEY] = tracer.start_span(
        operation,
        kind=SpanKind.CLIENT,
        attributes={
            "db.system.name": _DB_SYSTEMS.get(conn.dialect.name, "other_sql"),
            "db.operation.name": operation,
            "db.query.text": statement[:MAX_STATEMENT_CHARS],
        },
    )


def _after_cursor_execute(conn: Any, *_args: Any) -> None:
    span = conn.info.pop(_SPAN_KEY, None)
    if span is not None:
        span.end()


def _handle_error(context: Any) -> None:
    conn = getattr(context, "connection", None)
    span = conn.info.pop(_SPAN_KEY, None) if conn is not None else None
    if span is not None:
        end_spans([span], context.original_exception)
