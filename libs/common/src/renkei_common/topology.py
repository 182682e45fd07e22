"""The fixed shape of the system: which services exist, their ports, and who consumes whom."""

from __future__ import annotations

SERVICE_PORTS: dict[str, int] = {
    "agreements": 8001,
    "groups": 8002,
    "staffing": 8003,
    "finance": 8004,
}

# Which producers each consuming service subscribes to. The deployment manifests are tested
# against this map, so a new subscription cannot be forgotten in the Kafka ACLs.
SUBSCRIPTIONS: dict[str, tuple[str, ...]] = {
    "finance": ("agreements", "groups", "staffing"),
}


def events_topic(service: str) -> str:
    """Kafka topic a service publishes its domain events to."""
    return f"renkei.{service}.events"


def dlq_topic(consumer: str) -> str:
    """Kafka topic a consumer sends its poison messages to."""
    return f"renkei.{consumer}.dlq"


def all_topics() -> list[str]:
    """Every topic the system needs, in a stable order."""
    topics = [events_topic(s) for s in SERVICE_PORTS]
    topics += [dlq_topic(c) for c in SUBSCRIPTIONS]
    return topics
