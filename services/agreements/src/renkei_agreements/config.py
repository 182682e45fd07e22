"""Settings of the agreements service (environment variables RENKEI_*)."""

from pydantic import Field
from renkei_common.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "agreements"
    # How long a replica may answer GET /v1/municipalities/{code} from memory. A population import clears
    # the cache of the replica that ran it at once; other replicas catch up within this many seconds.
    municipality_cache_ttl_s: float = Field(default=10.0, ge=0, le=3600)
    # The requirement rule book (RENKEI_REQUIREMENT_RULES_FILE); unset: the one shipped with the service.
    # Loaded at start, so a malformed file stops the service instead of half-applying.
    requirement_rules_file: str | None = None
