"""Prometheus metrics of the event backbone and the background runtime, created once per process."""

from prometheus_client import Counter, Gauge

EVENTS_CONSUMED = Counter(
    "renkei_events_consumed_total", "Events handled by a consumer, by outcome", ["consumer", "outcome"]
)
EVENTS_PUBLISHED = Counter("renkei_events_published_total", "Outbox rows published to Kafka", ["service"])
# Alert on it (docs/operations.md): a growing backlog means the relay cannot reach Kafka. It is not a
# readiness failure: the outbox exists to buffer writes while the broker is away.
OUTBOX_BACKLOG = Gauge("renkei_outbox_backlog", "Outbox rows not yet published", ["service"])
RELAY_CONNECTED = Gauge("renkei_relay_connected", "1 while the outbox relay reaches Kafka", ["service"])
CONSUMER_CONNECTED = Gauge(
    "renkei_consumer_connected",
    "1 while a consumer reaches its source (Kafka or a feed)",
    ["consumer", "source"],
)
DATABASE_WAITS = Counter(
    "renkei_consumer_database_waits_total",
    "Times a consumer waited for its database to come back instead of giving up on an event",
    ["consumer"],
)
BACKGROUND_RESTARTS = Counter(
    "renkei_background_restarts_total", "Background loops restarted after an error", ["service", "task"]
)
