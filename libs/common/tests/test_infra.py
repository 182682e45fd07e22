"""Real PostgreSQL and Kafka from renkei_common.testing.infra: start, query, produce/consume, restart."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from renkei_common.testing.infra import KafkaServer, PostgresServer
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine


@pytest.fixture(scope="module")
def pg_server() -> Iterator[PostgresServer | None]:
    if os.environ.get("DATABASE_URL"):  # CI or a developer already runs one
        yield None
        return
    with PostgresServer() as server:
        yield server


@pytest.fixture(scope="module")
def database_url(pg_server: PostgresServer | None) -> str:
    if pg_server is not None:
        return pg_server.url
    return os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+asyncpg://", 1)


@pytest.fixture(scope="module")
def kafka_bootstrap() -> Iterator[str]:
    if bootstrap := os.environ.get("KAFKA_BOOTSTRAP"):
        yield bootstrap
        return
    with KafkaServer() as server:
        yield server.bootstrap


@pytest.fixture
def own_kafka() -> Iterator[KafkaServer]:
    """A broker of this test alone, since the test stops and restarts it."""
    with KafkaServer() as server:
        yield server


async def _scalar(url: str, sql: str) -> object:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text(sql))).scalar_one()
    finally:
        await engine.dispose()


async def _produce(bootstrap: str, topic: str, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True)
    await producer.start()
    try:
        await producer.send_and_wait(topic, value, key=b"key")
    finally:
        await producer.stop()


async def _consume_one(bootstrap: str, topic: str) -> bytes | None:
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"test-{uuid.uuid4().hex}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        return (await asyncio.wait_for(consumer.getone(), 30)).value
    finally:
        await consumer.stop()


@pytest.mark.postgres
async def test_postgres_select_one(database_url: str) -> None:
    assert await _scalar(database_url, "SELECT 1") == 1


@pytest.mark.postgres
async def test_postgres_create_database(pg_server: PostgresServer | None) -> None:
    # With DATABASE_URL given there is no server of ours, so this test starts one of its own.
    own = PostgresServer() if pg_server is None else None
    server = pg_server or own
    assert server is not None
    try:
        if own is not None:
            await asyncio.to_thread(own.start)
        url = await asyncio.to_thread(server.create_database, "infra_probe")
        assert await _scalar(url, "SELECT current_database()") == "infra_probe"
        assert await _scalar(url, "SHOW max_connections") == "300"
    finally:
        if own is not None:
            await asyncio.to_thread(own.close)


@pytest.mark.kafka
async def test_kafka_produce_consume(kafka_bootstrap: str) -> None:
    topic = f"infra-{uuid.uuid4().hex[:8]}"
    await _produce(kafka_bootstrap, topic, b"hello")
    assert await _consume_one(kafka_bootstrap, topic) == b"hello"


@pytest.mark.kafka
@pytest.mark.slow
async def test_kafka_restart_same_port_keeps_messages(own_kafka: KafkaServer) -> None:
    topic, bootstrap = f"restart-{uuid.uuid4().hex[:8]}", own_kafka.bootstrap
    await _produce(bootstrap, topic, b"before-restart")
    await asyncio.to_thread(own_kafka.stop)
    assert not own_kafka.is_running()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", own_kafka.port), timeout=1).close()
    await asyncio.to_thread(own_kafka.start)
    assert own_kafka.bootstrap == bootstrap
    assert await _consume_one(bootstrap, topic) == b"before-restart"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("service", "prefix"),
    [
        pytest.param("kafka", "KAFKA_BOOTSTRAP=127.0.0.1:", marks=pytest.mark.kafka),
        pytest.param("postgres", "DATABASE_URL=postgresql+asyncpg://", marks=pytest.mark.postgres),
    ],
)
def test_cli_runs_until_sigterm(service: str, prefix: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "renkei_common.testing.infra", service],
        stdout=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(180, proc.kill)  # a hung start must fail the test, not the whole run
    watchdog.start()
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith(prefix), line
        port = int(line.rsplit(":", 1)[1].split("/", 1)[0])
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
        with pytest.raises(OSError):  # the server went down with the CLI
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
