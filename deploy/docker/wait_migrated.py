"""Init-container helper: wait until a service's database is at the migration head this image ships.

    python /app/deploy/docker/wait_migrated.py <service> [--timeout SECONDS] [--interval SECONDS]

Replicas never migrate (RENKEI_MIGRATE_ON_START=false): the migration Job does. Each pod's init container
runs this, so a pod never serves on an old schema. It waits for the Job's effect (the alembic version
table), not for the Job object, so it needs no Kubernetes API access and still works for pods the
autoscaler adds long after the Job was cleaned up. Exit 0 when migrated, 1 on timeout (the kubelet then
restarts the init container).

A schema newer than this image's head is accepted when it descends from that head: mid-rollout, the new
release's Job has already migrated while pods of the old release still start (a restart, a rescheduled
pod). Migrations are written expand-then-contract so the old code runs on the new schema
(docs/operations.md#releases). The old image cannot know the new revisions, so it reads their ancestry
from the lineage table every migration records (renkei_common.migrations.record_lineage).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys
import time

from alembic.script import ScriptDirectory
from renkei_common.migrations import alembic_config, read_lineage, version_table
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine


def expected_heads(service: str, database_url: str) -> set[str]:
    """Head revision(s) of the migrations shipped with this service's code."""
    main = importlib.import_module(f"renkei_{service}.main")
    script = ScriptDirectory.from_config(alembic_config(main.MIGRATIONS_DIR, database_url))
    return set(script.get_heads())


async def current_revisions(service: str, database_url: str) -> tuple[set[str], set[str] | None]:
    """(revisions recorded in the database, their lineage); empty / None when never migrated."""
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            table = version_table(service)
            exists = await conn.run_sync(lambda sync: sync.dialect.has_table(sync, table))
            if not exists:
                return set(), None
            rows = await conn.execute(text(f"SELECT version_num FROM {table}"))
            lineage = await conn.run_sync(read_lineage, service)
            return {row[0] for row in rows}, lineage
    finally:
        await engine.dispose()


def status(service: str, database_url: str) -> tuple[bool, str]:
    """(migrated, what to log)."""
    heads = expected_heads(service, database_url)
    try:
        current, lineage = asyncio.run(current_revisions(service, database_url))
    except Exception as exc:  # database not reachable yet: keep waiting
        return False, f"database not reachable: {type(exc).__name__}: {exc}"
    if current == heads:
        return True, f"database at head {sorted(heads)}"
    if current and lineage is not None and heads <= lineage:
        return (
            True,
            f"database at {sorted(current)}, descending from this image's head {sorted(heads)}",
        )
    return False, f"database at {sorted(current) or 'no revision'}, waiting for {sorted(heads)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("service")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--interval", type=float, default=3.0)
    args = parser.parse_args(argv)
    settings = importlib.import_module(f"renkei_{args.service}.config").Settings()
    deadline = time.monotonic() + args.timeout
    last = ""
    while True:
        done, message = status(args.service, settings.database_url)
        if message != last:
            print(f"wait-migrated {args.service}: {message}", flush=True)
            last = message
        if done:
            return 0
        if time.monotonic() >= deadline:
            print(f"wait-migrated {args.service}: gave up after {args.timeout:.0f}s", flush=True)
            return 1
        time.sleep(args.interval)


if __name__ == "__main__":
    sys.exit(main())
