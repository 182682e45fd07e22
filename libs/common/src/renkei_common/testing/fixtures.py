"""pytest plugin: real PostgreSQL and Apache Kafka for the whole suite, and a fresh database per test.

PostgreSQL comes from DATABASE_URL, or a private cluster is started; Kafka from KAFKA_BOOTSTRAP, or a
private KRaft broker is started. With CI=true a failure to get either fails the run instead of skipping.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from renkei_common.testing.infra import InfraUnavailable, KafkaServer, PostgresServer


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(what: str, error: BaseException) -> None:
    message = f"{what} is not available: {error}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: real infrastructure is required, never skipped)", pytrace=False)
    pytest.skip(message)


def _asyncpg_url(url: str) -> str:
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


async def _create_database(admin_url: str, name: str) -> None:
    engine = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()


def _running(server: Any, what: str, address: Callable[[Any], str]) -> Iterator[str]:
    """Start a server of the harness for the session; fail (CI) or skip when it cannot start."""
    try:
        server.start()
    except (InfraUnavailable, OSError) as exc:
        server.close()
        unavailable(what, exc)
    try:
        yield address(server)
    finally:
        server.close()


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """URL of a PostgreSQL server this suite may create databases in."""
    if url := os.environ.get("DATABASE_URL"):
        yield _asyncpg_url(url)
        return
    yield from _running(PostgresServer(), "PostgreSQL", lambda s: s.url)


@pytest.fixture(scope="session")
def new_postgres_database(postgres_admin_url: str) -> Callable[[str], str]:
    """Creates an empty database and returns its asyncpg URL."""

    def create(prefix: str = "t") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        # A thread of its own, so that async tests (inside a running loop) can call this too.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, _create_database(postgres_admin_url, name)).result()
        return make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)

    return create


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    if bootstrap := os.environ.get("KAFKA_BOOTSTRAP"):
        yield bootstrap
        return
    yield from _running(KafkaServer(), "Apache Kafka", lambda s: s.bootstrap)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each engine the product supports."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
    factory: Callable[[str], str] = request.getfixturevalue("new_postgres_database")
    return factory("t")
