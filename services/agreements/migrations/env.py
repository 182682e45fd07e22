"""Alembic environment of the agreements service; its version table is alembic_version_agreements."""

from renkei_agreements.main import service_spec
from renkei_common.migrations import run_env

run_env(service="agreements", target_metadata=service_spec().target_metadata)
