"""Helpers of the event-backbone tests: a producer database with the real outbox, and event builders."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from renkei_common.db import Database
from renkei_common.events.contracts import AgreementSigned, Party
from renkei_common.events.outbox import add_event
from renkei_common.migrations import upgrade_async
from renkei_groups.main import service_spec as groups_spec

PARTIES = [
    Party(code="062014", name="山形市", role="centre"),
    Party(code="062103", name="天童市", role="partner"),
]


def second_url(database_url: str, tmp_path: Path, new_postgres_database: Callable[[str], str] | None) -> str:
    """Another empty database on the same engine as `database_url`."""
    if database_url.startswith("sqlite"):
        return f"sqlite+aiosqlite:///{tmp_path / f'other-{uuid.uuid4().hex[:6]}.db'}"
    assert new_postgres_database is not None
    return new_postgres_database("t")


async def producer_db(url: str) -> Database:
    """A producer's database with the shared tables (the outbox), migrated as the groups service does.

    The groups service has no domain tables yet, so its migrations create exactly the shared ones.
    """
    await upgrade_async(groups_spec().migrations_dir, url)
    return Database(url)


def signed(agreement_id: str, title: str = "連携協約", version: int = 1) -> AgreementSigned:
    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=version,
        kind="renkei_kyoyaku",
        title=title,
        parties=PARTIES,
        concluded_on=date(2024, 4, 1),
        in_force_on=date(2024, 4, 15),
    )


async def emit_signed(db: Database, count: int, *, tag: str) -> list[str]:
    """Commit `count` AgreementSigned events through the real outbox, one transaction each."""
    ids = []
    for i in range(count):
        agreement_id = f"{tag}-{i:04d}"
        async with db.transaction() as session:
            await add_event(
                session, signed(agreement_id, f"協約 {i}"), subject=agreement_id, aggregate_version=1
            )
        ids.append(agreement_id)
    return ids


async def eventually(check: Callable[[], Awaitable[bool]], *, timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what or check}")
