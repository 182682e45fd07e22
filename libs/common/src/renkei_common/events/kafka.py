"""aiokafka client options built from settings, so producers and consumers connect the same way."""

from __future__ import annotations

from typing import Any

from renkei_common.settings import ServiceSettings


def client_options(settings: ServiceSettings) -> dict[str, Any]:
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap,
        "security_protocol": settings.kafka_security_protocol,
        "client_id": f"renkei-{settings.service_name}",
    }
    if settings.kafka_security_protocol in ("SSL", "SASL_SSL"):
        from aiokafka.helpers import create_ssl_context

        options["ssl_context"] = create_ssl_context()
    if settings.kafka_sasl_mechanism:
        options.update(
            sasl_mechanism=settings.kafka_sasl_mechanism,
            sasl_plain_username=settings.kafka_username,
            sasl_plain_password=settings.kafka_password,
        )
    return options


def producer_options(settings: ServiceSettings) -> dict[str, Any]:
    # Idempotence with acks=all: a retried send never duplicates and never reorders within a partition.
    return {
        **client_options(settings),
        "enable_idempotence": True,
        "acks": "all",
        "linger_ms": 2,
        "request_timeout_ms": 15000,
    }
