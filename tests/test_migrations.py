"""Every service's migrations upgrade and downgrade on SQLite and PostgreSQL, and match its models."""

from __future__ import annotations

import asyncio
import importlib

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from renkei_common.migrations import downgrade, lineage_table, upgrade, version_table
from renkei_common.topology import SERVICE_PORTS
from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import create_async_engine

SERVICES = sorted(SERVICE_PORTS)


async def _inspect(url: str, metadata: list) -> tuple[set[str], list]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:

            def run(sync_conn):  # type: ignore[no-untyped-def]
                tables = set(inspect(sync_conn).get_table_names())
                context = MigrationContext.configure(sync_conn, opts={"compare_type": True})
                diff = [d for d in compare_metadata(context, metadata) if not _ignorable(d)]
                return tables, diff

            return await conn.run_sync(run)
    finally:
        await engine.dispose()


def _ignorable(diff: object) -> bool:
    # Alembic's own version table, and the lineage the migrations record beside it, are not models.
    return (
        isinstance(diff, tuple)
        and diff[0] == "remove_table"
        and diff[1].name.startswith(("alembic_version", "alembic_lineage"))
    )


@pytest.mark.parametrize("service", SERVICES)
def test_upgrade_matches_models_and_downgrade_empties(service: str, database_url: str) -> None:
    spec = importlib.import_module(f"renkei_{service}.main").service_spec()
    upgrade(spec.migrations_dir, database_url)
    tables, diff = asyncio.run(_inspect(database_url, spec.target_metadata))
    assert version_table(service) in tables
    assert {"outbox_event", "inbox_event", "dead_letter", "audit_entry"} <= tables
    assert diff == [], f"models and migrations of {service} differ: {diff}"

    downgrade(spec.migrations_dir, database_url)
    tables, _ = asyncio.run(_inspect(database_url, spec.target_metadata))
    assert tables <= {version_table(service), lineage_table(service)}

    upgrade(spec.migrations_dir, database_url)  # and back up again, as a rollback-then-redeploy would
    tables, diff = asyncio.run(_inspect(database_url, spec.target_metadata))
    assert "outbox_event" in tables and diff == []
