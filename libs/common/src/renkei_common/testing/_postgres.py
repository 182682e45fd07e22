"""A throwaway PostgreSQL cluster for tests, run as the postgres OS user when we are root."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._base import InfraUnavailable, Server, apt_install, free_port, run, tail, wait_port_free

DB_USER = DB_PASSWORD = "renkei"
_DB_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
# Superuser renkei with a password for TCP (what the services use); trust on the private unix socket.
_INITDB = f"-U {DB_USER} -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 --no-sync".split()


def _pg_bindir() -> Path:
    def find() -> Path | None:
        if env := os.environ.get("RENKEI_PG_BIN"):
            return Path(env)
        found = sorted(
            Path("/usr/lib/postgresql").glob("*/bin/initdb"),
            key=lambda p: int("0" + re.sub(r"\D", "", p.parts[-3])),
        )
        if found:
            return found[-1].parent
        initdb = shutil.which("initdb")
        return Path(initdb).parent if initdb else None

    if (bindir := find()) is None:
        apt_install(["postgresql"], "PostgreSQL server binaries (initdb) not found")
        bindir = find()
    if bindir is None or not (bindir / "initdb").exists():
        raise InfraUnavailable(f"initdb not found (looked in {bindir or '/usr/lib/postgresql/*/bin, PATH'})")
    return bindir


class PostgresServer(Server):
    """A throwaway PostgreSQL cluster on 127.0.0.1 with superuser ``renkei``/``renkei``."""

    def __init__(self, work_dir: str | Path | None = None, port: int | None = None) -> None:
        super().__init__(work_dir, "renkei-pg-")
        self.port = port or free_port()
        self.data_dir = self.work_dir / "pgdata"
        self.log_file = self.work_dir / "postgres.log"
        # PostgreSQL refuses to run as root, so as root everything runs as the postgres OS user.
        self._owner = pwd.getpwnam("postgres") if os.geteuid() == 0 else None

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, database: str) -> str:
        return f"postgresql+asyncpg://{DB_USER}:{DB_PASSWORD}@127.0.0.1:{self.port}/{database}"

    def _as_owner(self, cmd: Sequence[str | Path], what: str, timeout: float = 120, **kwargs: Any) -> str:
        args = [str(c) for c in cmd]
        if self._owner is not None:
            args = ["runuser", "-u", "postgres", "--", *args]
        return run(args, what, cwd=self.work_dir, start_new_session=True, timeout=timeout, **kwargs)

    def start(self) -> None:
        if self.is_running():
            return
        bindir = _pg_bindir()
        self.work_dir.mkdir(parents=True, exist_ok=True)
        if self._owner is not None:
            os.chown(self.work_dir, self._owner.pw_uid, self._owner.pw_gid)
            try:
                self._as_owner(["test", "-w", self.work_dir], "access check", timeout=10)
            except InfraUnavailable:
                raise InfraUnavailable(
                    f"the postgres OS user cannot write {self.work_dir}; use a work dir whose parents "
                    "are world-traversable (e.g. under /tmp)"
                ) from None
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb(bindir)
        wait_port_free(self.port)
        # Port on the command line, not in the conf: a kept work dir may come back on another port.
        pg_ctl: list[str | Path] = [bindir / "pg_ctl", "-D", self.data_dir, "-l", self.log_file]
        try:
            self._as_owner([*pg_ctl, "-o", f"-p {self.port}", "-w", "start"], "pg_ctl start", timeout=90)
        except InfraUnavailable as exc:
            raise InfraUnavailable(f"{exc}\n--- {self.log_file} ---\n{tail(self.log_file)}") from None

    def _initdb(self, bindir: Path) -> None:
        pwfile = self.work_dir / "pwfile"
        pwfile.write_text(DB_PASSWORD + "\n")
        if self._owner is not None:
            os.chown(pwfile, self._owner.pw_uid, self._owner.pw_gid)
        try:
            self._as_owner([bindir / "initdb", "-D", self.data_dir, f"--pwfile={pwfile}", *_INITDB], "initdb")
        finally:
            pwfile.unlink(missing_ok=True)
        # Durability is worthless for a test cluster; speed is not. 300 connections: many pools at once.
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.data_dir}'",
            "max_connections": "300",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write("\n# renkei test harness\n" + "".join(f"{k} = {v}\n" for k, v in settings.items()))

    def is_running(self) -> bool:
        try:
            pid = int((self.data_dir / "postmaster.pid").read_text().split()[0])
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return False
        return True

    def stop(self) -> None:
        if self.is_running():
            self._as_owner(
                [_pg_bindir() / "pg_ctl", "-D", self.data_dir, "-m", "fast", "-w", "stop"],
                "pg_ctl stop",
                timeout=60,
            )

    def create_database(self, name: str | None = None) -> str:
        """Create an empty database (random name by default); returns its asyncpg SQLAlchemy URL."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        if not _DB_NAME.fullmatch(name):
            raise ValueError(f"unsafe database name {name!r}")
        psql = _pg_bindir() / "psql"
        env = {**os.environ, "PGPASSWORD": DB_PASSWORD}
        args = f"-h 127.0.0.1 -p {self.port} -U {DB_USER} -d postgres -v ON_ERROR_STOP=1 -qc".split()
        run([psql, *args, f'CREATE DATABASE "{name}"'], f"create database {name}", env=env, timeout=60)
        return self.url_for(name)
