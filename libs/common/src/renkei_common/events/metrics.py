"""Prometheus metrics of the event backbone, created once per process."""

from prometheus_client import Counter, Gauge

EVENTS_CONSUMED = Counter(
    "renkei_events_consumed_total", "Events handled by a consumer, by outcome", ["consumer", "outcome"]
)
EVENTS_PUBLISHED = Counter("renkei_events_published_total", "Outbox rows published to Kafka", ["service"])
OUTBOX_BACKLOG = Gauge("renkei_outbox_backlog", "Outbox rows not yet published", ["service"])
