"""Alembic environment of the groups service; its version table is alembic_version_groups."""

from renkei_common.migrations import run_env
from renkei_groups.main import service_spec

run_env(service="groups", target_metadata=service_spec().target_metadata)
