"""Process plumbing shared by the PostgreSQL and Kafka test servers of ``renkei_common.testing.infra``."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self


class InfraUnavailable(RuntimeError):
    """A test server could not be installed, started or reached."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (the usual small race applies)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def repo_root() -> Path:
    if env := os.environ.get("RENKEI_REPO_ROOT"):
        return Path(env).resolve()
    for parent in Path(__file__).resolve().parents:
        if (parent / "deploy" / "kafka" / "pom.xml").is_file():
            return parent
    raise InfraUnavailable("cannot find the repo root (deploy/kafka/pom.xml); set RENKEI_REPO_ROOT")


def tail(text: str | Path, lines: int = 30) -> str:
    if isinstance(text, Path):
        text = text.read_text(errors="replace") if text.is_file() else f"(no {text})"
    return "\n".join(text.splitlines()[-lines:])


def run(cmd: Sequence[str | Path], what: str, **kwargs: Any) -> str:
    try:
        done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=False, **kwargs)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InfraUnavailable(f"{what} failed: {exc}") from exc
    if done.returncode != 0:
        raise InfraUnavailable(f"{what} failed (exit {done.returncode}):\n{tail(done.stdout + done.stderr)}")
    return str(done.stdout)


def apt_install(packages: list[str], why: str) -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise InfraUnavailable(f"{why}; install {' '.join(packages)} (the harness only apt-installs as root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update"], "apt-get update", env=env, timeout=600)
    run(
        ["apt-get", "install", "-y", "--no-install-recommends", *packages],
        "apt-get install",
        env=env,
        timeout=900,
    )


def tool(name: str, package: str) -> str:
    if not (path := shutil.which(name)):
        apt_install([package], f"{name} not found")
        path = shutil.which(name)
    if not path:
        raise InfraUnavailable(f"{name} still not found after installing {package}")
    return path


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers bind: TIME_WAIT is fine
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def wait_port_free(port: int, timeout: float = 15.0) -> None:
    # A restart on the same port may race the previous process releasing it.
    deadline = time.monotonic() + timeout
    while not _port_free(port):
        if time.monotonic() > deadline:
            raise InfraUnavailable(f"port 127.0.0.1:{port} is in use by another process")
        time.sleep(0.2)


class Server:
    """Lifecycle shared by both servers: start/stop keep the data, close also drops a temp work dir."""

    def __init__(self, work_dir: str | Path | None, prefix: str) -> None:
        self._own_dir = work_dir is None
        self.work_dir = Path(work_dir or tempfile.mkdtemp(prefix=prefix)).resolve()
        atexit.register(self.close)  # a crashed test run must leave neither servers nor temp dirs behind

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def is_running(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
