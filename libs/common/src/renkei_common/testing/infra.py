"""Private PostgreSQL and Apache Kafka servers for tests and ``make kafka``, without Docker.

Usage: ``python -m renkei_common.testing.infra kafka|postgres [--port N] [--work-dir DIR]``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ._base import InfraUnavailable, free_port, repo_root, tail
from ._kafka import KafkaServer, ensure_kafka_libs
from ._postgres import DB_PASSWORD, DB_USER, PostgresServer

__all__ = [
    "DB_PASSWORD",
    "DB_USER",
    "InfraUnavailable",
    "KafkaServer",
    "PostgresServer",
    "ensure_kafka_libs",
    "free_port",
    "repo_root",
]


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m renkei_common.testing.infra", description=__doc__)
    parser.add_argument("service", choices=["kafka", "postgres"])
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--work-dir", type=Path, default=None, help="keep data here (default: a temp dir)")
    args = parser.parse_args(argv)
    # SIGTERM (make, CI scripts) and a closed terminal get the clean shutdown of Ctrl-C; SIGINT too,
    # even when a non-interactive parent shell started us with it ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    server: KafkaServer | PostgresServer
    if args.service == "kafka":
        server = KafkaServer(args.work_dir, args.port)
    else:
        server = PostgresServer(args.work_dir, args.port)
    try:
        with server:
            line = (
                f"KAFKA_BOOTSTRAP={server.bootstrap}"
                if isinstance(server, KafkaServer)
                else f"DATABASE_URL={server.url}"
            )
            print(line, flush=True)
            while server.is_running():
                time.sleep(1)
            print(f"{args.service} exited unexpectedly:\n{tail(server.log_file)}", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        return 0
    except InfraUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
