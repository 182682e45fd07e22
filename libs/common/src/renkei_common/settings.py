"""Per-service settings from the environment (RENKEI_*), with dev and prod modes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from renkei_common.topology import SERVICE_PORTS

# Refused outside dev mode: anyone can read it here.
DEV_JWT_SECRET = "renkei-dev-secret-change-me-0123456789abcdef"

# A browser sends its origin as scheme://host[:port], nothing more; anything else would never match.
_ORIGIN = re.compile(r"https?://[^/\s:]+(:\d{1,5})?")


class ServiceSettings(BaseSettings):
    """Settings shared by every service; each service subclasses it and sets `service_name`."""

    model_config = SettingsConfigDict(env_prefix="RENKEI_", extra="ignore")

    service_name: str = "service"
    mode: Literal["dev", "prod"] = "dev"
    host: str = "127.0.0.1"
    port: int = 0
    data_dir: Path = Path(".data")
    database_url: str = ""
    # "pgbouncer" when the URL names a PgBouncer in transaction mode (the CNPG Pooler in Kubernetes): a
    # server connection changes hands between transactions, so no prepared statement may be cached on it.
    database_pooler: Literal["none", "pgbouncer"] = "none"
    # "feed": consumers poll the producers' HTTP feeds; "kafka": relay + Kafka consumer groups.
    transport: Literal["feed", "kafka"] = "feed"
    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_SSL", "SASL_PLAINTEXT"] = "PLAINTEXT"
    kafka_sasl_mechanism: str | None = None
    kafka_username: str | None = None
    kafka_password: str | None = None
    # Base URLs of the producers this service reads in feed mode, e.g. {"agreements": "http://..."}.
    feed_sources: dict[str, str] = Field(default_factory=dict)
    # Bearer token this service presents to other services' feeds; minted from the dev secret if unset.
    feed_token: str | None = None
    jwt_secret: str = DEV_JWT_SECRET
    jwt_issuer: str = "renkei-dev"
    jwt_audience: str = "renkei"
    oidc_jwks_url: str | None = None
    # Browser origins allowed to call the API (CORS), besides http://localhost:* and http://127.0.0.1:* in
    # dev mode. RENKEI_CORS_ORIGINS is a comma-separated list or a JSON array; empty by default.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Larger request bodies get a 413 before they are read; a route may declare its own (limits.body_limit).
    max_body_bytes: int = Field(default=1024 * 1024, ge=0)
    log_level: str = "INFO"
    # OTLP/HTTP collector base URL (https://collector:4318); `/v1/traces` is appended. Unset, and without
    # the standard OTEL_EXPORTER_OTLP_ENDPOINT, no span leaves the process (docs/observability.md).
    otlp_endpoint: str | None = Field(default=None, pattern=r"^https?://[^\s/]+(/\S*)?$")
    # Outbox rows are the event feed, so they are pruned only by this explicit retention.
    outbox_retention_days: int = 90
    relay_batch_size: int = 200
    relay_poll_interval_s: float = 1.0
    relay_max_backoff_s: float = 30.0
    # Defaults to the service name; a new group re-reads every topic from the start (projection rebuild).
    consumer_group: str | None = None
    consumer_max_attempts: int = 5
    consumer_backoff_base_s: float = 0.2
    consumer_backoff_max_s: float = 5.0
    feed_poll_wait_s: float = 20.0
    # Background loops restart after any error, waiting this long, doubling up to the maximum.
    supervisor_backoff_s: float = 0.5
    supervisor_max_backoff_s: float = 30.0
    # /livez fails when a background loop has shown no progress for this long (stuck, not merely idle:
    # every loop beats at least every ~30 s, also while it waits for Kafka or the database).
    liveness_stall_s: float = 300.0
    # How often the relay's backlog and connection are published as metrics.
    backlog_interval_s: float = 15.0
    # Only dev may migrate on start; in prod migrations are a separate Job.
    migrate_on_start: bool = True
    # Outgoing webhooks (ADR 0011). Hosts an operator allows to receive them over plain HTTP and at
    # internal addresses (the SSRF guard refuses both otherwise): comma-separated or a JSON array.
    webhooks_enabled: bool = True
    webhook_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Retries wait base, x3, x9, ... (with jitter) up to the maximum: 11 attempts span about a day.
    webhook_retry_base_s: float = Field(default=5.0, gt=0)
    webhook_retry_max_s: float = Field(default=36000.0, gt=0)
    webhook_max_attempts: int = Field(default=11, ge=1)
    # An endpoint whose last N attempts all failed is disabled, with the reason shown to its owner.
    webhook_disable_after_failures: int = Field(default=30, ge=1)
    webhook_timeout_s: float = Field(default=10.0, gt=0)
    # After a secret rotation the old secret signs as well for this long.
    webhook_rotation_overlap_s: float = Field(default=86400.0, ge=0)
    webhook_poll_interval_s: float = Field(default=1.0, gt=0)
    # Bounds: endpoints served at once, and requests in flight to one endpoint (different aggregates).
    webhook_max_parallel_endpoints: int = Field(default=20, ge=1)
    webhook_endpoint_concurrency: int = Field(default=4, ge=1)

    @field_validator("webhook_allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _check_origins(cls, value: list[str]) -> list[str]:
        bad = [origin for origin in value if not _ORIGIN.fullmatch(origin)]
        if bad:
            raise ValueError(f"RENKEI_CORS_ORIGINS must be origins like https://app.example.jp, not {bad}")
        return value

    @model_validator(mode="after")
    def _fill_and_check(self) -> ServiceSettings:
        if not self.port:
            self.port = SERVICE_PORTS.get(self.service_name, 8000)
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / (self.service_name + '.db')}"
        if self.mode == "prod":
            problems = []
            if self.jwt_secret == DEV_JWT_SECRET:
                problems.append("RENKEI_JWT_SECRET must not be the dev secret in prod mode")
            if self.database_url.startswith("sqlite"):
                problems.append("RENKEI_DATABASE_URL must not be SQLite in prod mode")
            if not self.oidc_jwks_url:
                problems.append("RENKEI_OIDC_JWKS_URL is required in prod mode")
            if self.migrate_on_start:
                problems.append("RENKEI_MIGRATE_ON_START must be false in prod mode (run the migration Job)")
            if problems:
                raise ValueError("; ".join(problems))
        return self
