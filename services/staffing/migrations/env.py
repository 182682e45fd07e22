"""Alembic environment of the staffing service; its version table is alembic_version_staffing."""

from renkei_common.migrations import run_env
from renkei_staffing.main import service_spec

run_env(service="staffing", target_metadata=service_spec().target_metadata)
