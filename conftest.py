"""Suite-wide fixtures: real PostgreSQL and Apache Kafka (see renkei_common.testing.fixtures)."""

pytest_plugins = ["renkei_common.testing.fixtures"]
