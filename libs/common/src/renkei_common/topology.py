"""The fixed shape of the system: which services exist, their ports, and who consumes whom."""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renkei_common.events.handlers import HandlerRegistry

SERVICE_PORTS: dict[str, int] = {
    "agreements": 8001,
    "groups": 8002,
    "staffing": 8003,
    "finance": 8004,
}

# A consuming service declares its typed handlers in `renkei_<service>.consumers.REGISTRY`; nothing else
# names what it reads. Its topics, DLQ, feed sources and Kafka ACLs all follow from that registry.
REGISTRY_MODULE = "renkei_{service}.consumers"


def consumer_registry(service: str) -> HandlerRegistry | None:
    """The handler registry of a service, or None if it consumes nothing (or is not installed here)."""
    try:
        module = importlib.import_module(REGISTRY_MODULE.format(service=service))
    except ModuleNotFoundError as exc:
        if exc.name is not None and REGISTRY_MODULE.format(service=service).startswith(exc.name):
            return None
        raise  # a broken import inside the module must not look like "consumes nothing"
    registry: HandlerRegistry | None = getattr(module, "REGISTRY", None)
    return registry


@functools.cache
def subscriptions() -> dict[str, tuple[str, ...]]:
    """Which producers each consuming service reads, derived from the handlers it registers."""
    found: dict[str, tuple[str, ...]] = {}
    for service in SERVICE_PORTS:
        registry = consumer_registry(service)
        if registry is not None and registry.subscriptions:
            found[service] = registry.subscriptions
    return found


def events_topic(service: str) -> str:
    """Kafka topic a service publishes its domain events to."""
    return f"renkei.{service}.events"


def dlq_topic(consumer: str) -> str:
    """Kafka topic a consumer sends its poison messages to."""
    return f"renkei.{consumer}.dlq"


def all_topics() -> list[str]:
    """Every topic the system needs, in a stable order."""
    topics = [events_topic(s) for s in SERVICE_PORTS]
    topics += [dlq_topic(c) for c in subscriptions()]
    return topics
