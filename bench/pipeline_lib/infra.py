"""PostgreSQL and Kafka for the bench (given or private), machine facts, and CPU use read from /proc."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from renkei_common.testing.infra import KafkaServer, PostgresServer
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parents[2]
_TICK = os.sysconf("SC_CLK_TCK")


class Infra:
    """DATABASE_URL / KAFKA_BOOTSTRAP if set, else private servers that close() stops."""

    def __init__(self) -> None:
        self.pg: PostgresServer | None = None
        self.kafka: KafkaServer | None = None
        self.admin_url = ""
        self.bootstrap = ""

    def start(self) -> None:
        def start_pg() -> None:
            if url := os.environ.get("DATABASE_URL"):
                self.admin_url = make_url(url).set(drivername="postgresql+asyncpg").render_as_string(False)
                return
            self.pg = PostgresServer()
            self.pg.start()
            self.admin_url = self.pg.url

        def start_kafka() -> None:
            if bootstrap := os.environ.get("KAFKA_BOOTSTRAP"):
                self.bootstrap = bootstrap
                return
            self.kafka = KafkaServer()
            self.kafka.start()
            self.bootstrap = self.kafka.bootstrap

        with ThreadPoolExecutor(2) as pool:  # the JVM start dominates; PostgreSQL starts meanwhile
            for future in [pool.submit(start_pg), pool.submit(start_kafka)]:
                future.result()

    def close(self) -> None:
        for server in (self.kafka, self.pg):
            if server is not None:
                with contextlib.suppress(Exception):
                    server.close()
        self.kafka = self.pg = None

    def pg_pid(self) -> int | None:
        if self.pg is None:
            return None
        try:
            return int((self.pg.data_dir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def kafka_pid(self) -> int | None:
        proc = getattr(self.kafka, "_proc", None)
        return proc.pid if proc is not None else None

    async def new_database(self, prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        engine = create_async_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            async with engine.connect() as conn:
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            await engine.dispose()
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def _local_facts(self) -> tuple[str, str]:
        kafka = "external broker (KAFKA_BOOTSTRAP)"
        if self.kafka is not None:
            libs = Path(os.environ.get("RENKEI_KAFKA_LIBS") or ROOT / ".cache" / "kafka" / "libs")
            jars = sorted(libs.glob("kafka_*.jar"))
            match = re.search(r"kafka_[\d.]+-([\d.]+)\.jar", jars[0].name) if jars else None
            kafka = f"Apache Kafka {match.group(1) if match else '?'} (single KRaft node, private)"
        models = [
            line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")
        ]
        return kafka, models[0].split(":", 1)[1].strip() if models else platform.processor() or "?"

    async def versions(self) -> dict[str, str]:
        engine = create_async_engine(self.admin_url)
        try:
            async with engine.connect() as conn:
                pg = (await conn.execute(text("SHOW server_version"))).scalar_one()
                settings = {
                    k: (await conn.execute(text(f"SHOW {k}"))).scalar_one()
                    for k in ("fsync", "synchronous_commit", "shared_buffers")
                }
        finally:
            await engine.dispose()
        kafka, cpu_model = self._local_facts()
        pkgs = {m: getattr(__import__(m), "__version__", "?") for m in ("aiokafka", "asyncpg", "sqlalchemy")}
        where = "private" if self.pg else "DATABASE_URL"
        return {
            "cpus": f"{os.cpu_count()} ({cpu_model})",
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "postgres": f"PostgreSQL {pg} ({where}, {', '.join(f'{k}={v}' for k, v in settings.items())})",
            "kafka": kafka,
            "clients": ", ".join(f"{k} {v}" for k, v in pkgs.items()),
            "os": platform.platform(),
        }


# ----------------------------------------------------------------------------------------------- cpu

COMPONENTS = ("bench", "consumer", "postgres", "kafka", "other")


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rfind(")") + 2 :].split()  # fields from 'state' (3rd) on


def _cpu(pid: int, children: bool = False) -> float:
    if (f := _stat(pid)) is None:
        return 0.0
    total = int(f[11]) + int(f[12])  # utime, stime
    if children:
        total += int(f[13]) + int(f[14])  # reaped children: PostgreSQL backends that exited
    return total / _TICK


def _tree(root: int) -> float:
    """A server and its direct children (PostgreSQL forks a backend per connection)."""
    total = _cpu(root, children=True)
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (f := _stat(int(entry.name))) is not None and int(f[1]) == root:
            total += _cpu(int(entry.name))
    return total


def _machine() -> float:
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _TICK


def _steal() -> float:
    return int(Path("/proc/stat").read_text().split("\n", 1)[0].split()[8]) / _TICK


@dataclass
class CpuSample:
    wall: float
    seconds: dict[str, float | None]  # CPU seconds so far of each component but "other"
    machine: float  # busy CPU seconds of the whole machine, to show what others used meanwhile


class CpuMeter:
    """CPU seconds of this process, the consumer child, the PostgreSQL server and the broker JVM."""

    def __init__(self, infra: Infra) -> None:
        self.infra = infra

    def sample(
        self, consumer_pid: int | None = None, *, worker_pid: int | None = None, stolen: bool = False
    ) -> CpuSample:
        """With `worker_pid`, a second child apart ("worker"); with `stolen`, the time the host took from
        this virtual machine apart ("stolen"), instead of inside "other"."""
        pg, kafka = self.infra.pg_pid(), self.infra.kafka_pid()
        seconds = {
            "bench": time.process_time(),
            "consumer": _cpu(consumer_pid) if consumer_pid else None,
            "postgres": _tree(pg) if pg else None,
            "kafka": _tree(kafka) if kafka else None,
        }
        if worker_pid:
            seconds["worker"] = _cpu(worker_pid)
        if stolen:
            seconds["stolen"] = _steal()
        return CpuSample(wall=time.perf_counter(), seconds=seconds, machine=_machine())


def cpu_use(before: CpuSample, after: CpuSample, events: int) -> dict[str, tuple[float, float] | None]:
    """Per component: (CPU ms per event, average cores busy); 'other' is the rest of the machine."""
    wall = after.wall - before.wall
    if wall <= 0:
        return dict.fromkeys((*before.seconds, "other"))
    out: dict[str, tuple[float, float] | None] = {}
    ours = 0.0
    for name, b in before.seconds.items():
        a = after.seconds[name]
        out[name] = None if a is None or b is None else ((a - b) * 1e3 / max(events, 1), (a - b) / wall)
        ours += (a - b) if a is not None and b is not None else 0.0
    other = max(0.0, after.machine - before.machine - ours)
    out["other"] = (other * 1e3 / max(events, 1), other / wall)
    return out
