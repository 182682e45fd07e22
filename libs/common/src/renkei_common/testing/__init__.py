"""Test helpers shared by the renkei services: the API driver, app clients, real PostgreSQL and Kafka."""

from renkei_common.testing.driver import Driver, role_of

__all__ = ["Driver", "role_of"]
