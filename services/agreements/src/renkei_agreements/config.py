"""Settings of the agreements service (environment variables RENKEI_*)."""

from renkei_common.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "agreements"
