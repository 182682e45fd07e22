"""Alembic helpers: a few-line env.py per service, its own version table, and the shared tables' DDL."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import async_engine_from_config

from renkei_common.db import BigIntPK

URL_ENV = "RENKEI_DATABASE_URL"


def version_table(service: str) -> str:
    return f"alembic_version_{service}"


def lineage_table(service: str) -> str:
    """Every revision the database's current ones descend from, themselves included: an image whose
    migrations end earlier can still tell that the schema is a descendant of its head (wait_migrated.py)."""
    return f"alembic_lineage_{service}"


def record_lineage(connection: Connection, service: str, revisions: Sequence[str], script: Any) -> None:
    """Replace the lineage table's rows by the ancestry of `revisions` (after an upgrade or a downgrade)."""
    table = sa.Table(
        lineage_table(service), MetaData(), sa.Column("revision", sa.String(64), primary_key=True)
    )
    table.create(connection, checkfirst=True)
    ancestry = (
        {r.revision for r in script.iterate_revisions(tuple(revisions), "base")} if revisions else set()
    )
    connection.execute(table.delete())
    if ancestry:
        connection.execute(table.insert(), [{"revision": revision} for revision in sorted(ancestry)])


def read_lineage(connection: Connection, service: str) -> set[str] | None:
    """The recorded lineage, or None where no migration has recorded one yet."""
    name = lineage_table(service)
    if not sa.inspect(connection).has_table(name):
        return None
    return {row[0] for row in connection.execute(sa.text(f"SELECT revision FROM {name}"))}


def run_env(*, service: str, target_metadata: Sequence[MetaData]) -> None:
    """Body of every service's migrations/env.py."""
    config = context.config
    url = config.get_main_option("sqlalchemy.url")
    options = {
        "target_metadata": list(target_metadata),
        "version_table": version_table(service),
        # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
        "render_as_batch": True,
        "compare_type": True,
        # The lineage table is the migrations' own bookkeeping, like the version table: no model has it.
        "include_name": lambda name, kind, _parents: not (kind == "table" and name == lineage_table(service)),
    }
    if context.is_offline_mode():
        context.configure(url=url, literal_binds=True, **options)  # type: ignore[arg-type]
        with context.begin_transaction():
            context.run_migrations()
        return

    def run_sync(connection: Connection) -> None:
        context.configure(connection=connection, **options)  # type: ignore[arg-type]
        with context.begin_transaction():
            context.run_migrations()
            # In the same transaction where the DDL is transactional (PostgreSQL): the lineage always
            # matches the version table.
            heads = context.get_context().get_current_heads()
            record_lineage(connection, service, heads, context.script)
        if connection.in_transaction() and not context.get_context().impl.transactional_ddl:
            # SQLite: alembic committed each migration itself; the lineage's rows are still pending.
            connection.commit()

    async def run_async() -> None:
        engine = async_engine_from_config(
            {"sqlalchemy.url": url}, prefix="sqlalchemy.", poolclass=pool.NullPool
        )
        async with engine.connect() as connection:
            await connection.run_sync(run_sync)
        await engine.dispose()

    connection = config.attributes.get("connection")
    if connection is not None:
        run_sync(connection)
    else:
        asyncio.run(run_async())


def alembic_config(migrations_dir: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.set_main_option("file_template", "%%(year)d-%%(month).2d-%%(day).2d_%%(slug)s")
    return config


def upgrade(migrations_dir: Path, database_url: str, revision: str = "head") -> None:
    """Blocking: call from a thread when an event loop is running."""
    command.upgrade(alembic_config(migrations_dir, database_url), revision)


def downgrade(migrations_dir: Path, database_url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(migrations_dir, database_url), revision)


async def upgrade_async(migrations_dir: Path, database_url: str, revision: str = "head") -> None:
    await asyncio.to_thread(upgrade, migrations_dir, database_url, revision)


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def create_common_tables_v1() -> None:
    """DDL of the shared tables as of v1; frozen, so later changes need a new function."""
    from alembic import op

    op.create_table(
        "outbox_event",
        sa.Column("sequence", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("source", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("occurred_at", _ts(), nullable=False),
        sa.Column("traceparent", sa.String(55), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("published_at", _ts(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("sequence", name="pk_outbox_event"),
        sa.UniqueConstraint("event_id", name="uq_outbox_event_event_id"),
    )
    op.create_index("ix_outbox_event_unpublished", "outbox_event", ["published_at", "sequence"])
    op.create_table(
        "inbox_event",
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("processed_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("consumer", "event_id", name="pk_inbox_event"),
    )
    op.create_table(
        "dead_letter",
        sa.Column("id", BigIntPK, autoincrement=True),
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("envelope", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(300), nullable=False),
        sa.Column("failed_at", _ts(), nullable=False),
        sa.Column("replayed_at", _ts(), nullable=True),
        sa.Column("replay_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_dead_letter"),
    )
    op.create_index("ix_dead_letter_consumer_replayed", "dead_letter", ["consumer", "replayed_at"])
    op.create_table(
        "feed_checkpoint",
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("source", sa.String(100), nullable=False),
        sa.Column("last_sequence", BigIntPK, nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("consumer", "source", name="pk_feed_checkpoint"),
    )
    op.create_table(
        "audit_entry",
        sa.Column("id", BigIntPK, autoincrement=True),
        sa.Column("occurred_at", _ts(), nullable=False),
        sa.Column("actor_sub", sa.String(200), nullable=False),
        sa.Column("actor_org", sa.String(20), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("resource_type", sa.String(100), nullable=False),
        sa.Column("resource_id", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entry"),
    )
    op.create_index("ix_audit_entry_resource", "audit_entry", ["resource_type", "resource_id"])
    _create_idempotency_v1()


def _create_idempotency_v1() -> None:
    from alembic import op

    op.create_table(
        "idempotency_record",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("actor_org", sa.String(20), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.LargeBinary(), nullable=True),
        sa.Column("response_headers", sa.JSON(), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("completed_at", _ts(), nullable=True),
        sa.PrimaryKeyConstraint("key", "actor_org", name="pk_idempotency_record"),
    )


def drop_common_tables_v1() -> None:
    from alembic import op

    for table in ("idempotency_record", "audit_entry", "feed_checkpoint", "dead_letter", "inbox_event"):
        op.drop_table(table)
    op.drop_index("ix_outbox_event_unpublished", table_name="outbox_event")
    op.drop_table("outbox_event")


def create_common_tables_v2() -> None:
    """DDL added to the shared tables in v2 (outgoing webhooks); frozen like v1, on top of it."""
    from alembic import op

    op.create_table(
        "webhook_endpoint",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("org", sa.String(20), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("created_by_sub", sa.String(200), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("description", sa.String(500), nullable=False),
        sa.Column("event_types", sa.JSON(), nullable=False),
        sa.Column("secret", sa.String(100), nullable=False),
        sa.Column("previous_secret", sa.String(100), nullable=True),
        sa.Column("previous_secret_until", _ts(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("disabled_at", _ts(), nullable=True),
        sa.Column("consecutive_failures", sa.Integer(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_endpoint"),
    )
    op.create_index("ix_webhook_endpoint_org", "webhook_endpoint", ["org"])
    op.create_table(
        "webhook_delivery",
        sa.Column("id", BigIntPK, autoincrement=True),
        sa.Column("endpoint_id", sa.String(36), nullable=False),
        sa.Column("event_id", sa.String(36), nullable=False),
        sa.Column("sequence", BigIntPK, nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("type", sa.String(200), nullable=False),
        sa.Column("envelope", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _ts(), nullable=False),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("finished_at", _ts(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_delivery"),
        sa.UniqueConstraint("endpoint_id", "event_id", name="uq_webhook_delivery_endpoint_id_event_id"),
    )
    op.create_index(
        "ix_webhook_delivery_endpoint_id", "webhook_delivery", ["endpoint_id", "state", "sequence"]
    )
    op.create_table(
        "webhook_attempt",
        sa.Column("id", BigIntPK, autoincrement=True),
        sa.Column("delivery_id", BigIntPK, nullable=False),
        sa.Column("endpoint_id", sa.String(36), nullable=False),
        sa.Column("attempted_at", _ts(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("response_excerpt", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_attempt"),
    )
    op.create_index("ix_webhook_attempt_delivery_id", "webhook_attempt", ["delivery_id"])
    op.create_table(
        "webhook_cursor",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("last_sequence", BigIntPK, nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_webhook_cursor"),
    )


def drop_common_tables_v2() -> None:
    from alembic import op

    op.drop_table("webhook_cursor")
    op.drop_index("ix_webhook_attempt_delivery_id", table_name="webhook_attempt")
    op.drop_table("webhook_attempt")
    op.drop_index("ix_webhook_delivery_endpoint_id", table_name="webhook_delivery")
    op.drop_table("webhook_delivery")
    op.drop_index("ix_webhook_endpoint_org", table_name="webhook_endpoint")
    op.drop_table("webhook_endpoint")
