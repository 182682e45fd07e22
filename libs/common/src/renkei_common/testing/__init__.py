"""Test helpers shared by the renkei services (real PostgreSQL and Kafka servers, see ``infra``)."""
