"""Alembic environment of the finance service; its version table is alembic_version_finance."""

from renkei_common.migrations import run_env
from renkei_finance.main import service_spec

run_env(service="finance", target_metadata=service_spec().target_metadata)
