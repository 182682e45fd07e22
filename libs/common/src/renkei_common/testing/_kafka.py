"""A single-node KRaft Apache Kafka broker for tests, its class path fetched by Maven."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import fcntl
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path

from ._base import InfraUnavailable, Server, free_port, repo_root, run, tail, tool, wait_port_free


def ensure_kafka_libs(libs_dir: Path | None = None) -> Path:
    """Fill ``libs_dir`` with the broker class path via Maven, unless a previous fetch of this pom did."""
    pom = repo_root() / "deploy" / "kafka" / "pom.xml"
    libs = libs_dir or Path(os.environ.get("RENKEI_KAFKA_LIBS") or repo_root() / ".cache" / "kafka" / "libs")
    stamp, digest = libs / ".pom-sha256", hashlib.sha256(pom.read_bytes()).hexdigest()
    libs.parent.mkdir(parents=True, exist_ok=True)
    # Parallel test processes and `make kafka` may fetch at once: serialise on a lock file.
    with (libs.parent / f".{libs.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.is_file() and stamp.read_text().strip() == digest and any(libs.glob("kafka_*.jar")):
            return libs
        shutil.rmtree(libs, ignore_errors=True)  # stale jars of another Kafka version would clash
        mvn = tool("mvn", "maven")
        goal = "-q -B dependency:copy-dependencies -DincludeScope=runtime".split()
        run([mvn, "-f", pom, *goal, f"-DoutputDirectory={libs}"], "mvn copy-dependencies", timeout=900)
        stamp.write_text(digest + "\n")
    return libs


def _kafka_metadata_ok(bootstrap: str) -> bool:
    from aiokafka.client import AIOKafkaClient

    async def probe() -> bool:
        client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
        try:
            await client.bootstrap()
            return bool((await client.fetch_all_metadata()).brokers())
        finally:
            await client.close()

    # Own thread and loop: callers may already be inside a running event loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        try:
            return pool.submit(lambda: asyncio.run(probe())).result(timeout=30)
        except Exception:
            return False


class KafkaServer(Server):
    """A single-node KRaft Kafka broker; stop() then start() reuses the same ports and log dir."""

    def __init__(
        self,
        work_dir: str | Path | None = None,
        port: int | None = None,
        *,
        libs_dir: Path | None = None,
        start_timeout: float = 90.0,
    ) -> None:
        super().__init__(work_dir, "renkei-kafka-")
        self.port = port or free_port()
        self.controller_port = free_port()
        while self.controller_port == self.port:
            self.controller_port = free_port()
        self.libs_dir = libs_dir
        self.start_timeout = start_timeout
        self.log_file = self.work_dir / "server.log"
        self._stdout = self.work_dir / "stdout.log"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _java(self, *args: str | Path) -> list[str]:
        libs = ensure_kafka_libs(self.libs_dir)
        log4j = repo_root() / "deploy" / "kafka" / "log4j2.yaml"
        return [
            *(tool("java", "default-jre-headless"), "-Xms256m", "-Xmx512m", "-Djava.awt.headless=true"),
            *(f"-Dlog4j2.configurationFile={log4j}", f"-Dkafka.logs.dir={self.work_dir}", "-cp", f"{libs}/*"),
            *map(str, args),
        ]

    def _configure(self) -> Path:
        # Rewritten on every start: a kept --work-dir may come back with other ports; the data does not care.
        props = self.work_dir / "server.properties"
        settings = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "inter.broker.listener.name": "PLAINTEXT",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "offsets.topic.replication.factor": "1",
            # Few internal partitions: creating the default 50 delays the first consumer group by seconds.
            "offsets.topic.num.partitions": "3",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "transaction.state.log.num.partitions": "3",
            "share.coordinator.state.topic.replication.factor": "1",
            "share.coordinator.state.topic.min.isr": "1",
            "group.initial.rebalance.delay.ms": "0",
            "auto.create.topics.enable": "true",
            "num.partitions": "3",
            "log.dirs": str(self.work_dir / "data"),
        }
        props.write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
        return props

    def start(self) -> None:
        if self.is_running():
            return
        self.work_dir.mkdir(parents=True, exist_ok=True)
        props = self._configure()
        if not (self.work_dir / "data" / "meta.properties").exists():
            cluster_id = ""
            while not cluster_id or cluster_id.startswith("-"):  # Kafka's own rule: no leading dash
                cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
            run(
                self._java("kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", props),
                "kafka-storage format",
                timeout=120,
            )
        wait_port_free(self.port)
        wait_port_free(self.controller_port)
        with self._stdout.open("ab") as out:
            # Own session: Ctrl-C in a terminal reaches us, and we shut the broker down in order.
            self._proc = subprocess.Popen(
                self._java("kafka.Kafka", props),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.work_dir,
                start_new_session=True,
            )
        self._wait_ready()

    def _failure(self, why: str) -> InfraUnavailable:
        return InfraUnavailable(
            f"Kafka {why}\n--- {self.log_file} ---\n{tail(self.log_file)}"
            f"\n--- {self._stdout} ---\n{tail(self._stdout)}"
        )

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if not self.is_running():
                raise self._failure("broker exited during start-up")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
            except OSError:
                time.sleep(0.2)
                continue
            if _kafka_metadata_ok(self.bootstrap):
                return
            time.sleep(0.5)
        self.stop()
        raise self._failure(f"not ready on {self.bootstrap} after {self.start_timeout:.0f}s")

    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout: float = 30.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        os.killpg(proc.pid, signal.SIGTERM)  # controlled shutdown flushes the logs
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
