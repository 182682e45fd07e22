"""Settings of the groups service (environment variables RENKEI_*)."""

from renkei_common.settings import ServiceSettings


class Settings(ServiceSettings):
    service_name: str = "groups"
    # The OCDS prefix the publisher registered with the Open Contracting Partnership (ocds-xxxxxx).
    ocid_prefix: str = "ocds-renkei"
