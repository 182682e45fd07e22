"""`make run`: all four services on SQLite with the feed transport, migrated, until Ctrl-C.

Each service runs in its own process with its own database file under RENKEI_DATA_DIR (default .data/).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from renkei_common.topology import SERVICE_PORTS, subscriptions


def service_env(service: str, *, data_dir: Path, ports: dict[str, int], host: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENKEI_") or k == "RENKEI_JWT_SECRET"}
    env.update(
        RENKEI_MODE="dev",
        RENKEI_TRANSPORT="feed",
        RENKEI_HOST=host,
        RENKEI_PORT=str(ports[service]),
        RENKEI_DATA_DIR=str(data_dir),
        RENKEI_MIGRATE_ON_START="true",
        RENKEI_FEED_POLL_WAIT_S=os.environ.get("RENKEI_FEED_POLL_WAIT_S", "20"),
        RENKEI_FEED_SOURCES=json.dumps(
            {p: f"http://{host}:{ports[p]}" for p in subscriptions().get(service, ())}
        ),
    )
    return env


def wait_ready(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    return False


def load_demo(*, host: str, port_offset: int) -> bool:
    """`make demo` against the services just started; a failure is reported, the services keep running."""
    # The demo drives the generated clients of the repository (scripts/demo.py, clients/python/).
    script = Path(__file__).resolve().parents[4] / "scripts" / "demo.py"
    if not script.is_file():
        print(f"no demo loaded: {script} is not there", flush=True)
        return False
    print("loading the demo (make run DEMO=0 or RENKEI_DEMO=0 skips it)...", flush=True)
    done = subprocess.run(
        [sys.executable, str(script), "--host", host, "--port-offset", str(port_offset)], check=False
    )
    if done.returncode != 0:
        print(f"the demo failed (exit {done.returncode}); the services keep running", flush=True)
    return done.returncode == 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("RENKEI_DATA_DIR", ".data")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--port-offset", type=int, default=0, help="add to every port (to run beside another)"
    )
    parser.add_argument(
        "--no-demo",
        dest="demo",
        action="store_false",
        default=os.environ.get("RENKEI_DEMO", "1") != "0",
        help="do not load the demo (also RENKEI_DEMO=0)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ports = {s: p + args.port_offset for s, p in SERVICE_PORTS.items()}
    args.data_dir.mkdir(parents=True, exist_ok=True)

    processes: dict[str, subprocess.Popen[bytes]] = {}
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    for service in SERVICE_PORTS:
        log = open(args.data_dir / f"{service}.log", "ab")
        processes[service] = subprocess.Popen(
            [sys.executable, "-m", f"renkei_{service}", "serve"],
            env=service_env(service, data_dir=args.data_dir, ports=ports, host=args.host),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        for service in SERVICE_PORTS:
            base = f"http://{args.host}:{ports[service]}"
            if not wait_ready(f"{base}/livez", 60) or processes[service].poll() is not None:
                print(f"{service} failed to start; see {args.data_dir / (service + '.log')}", file=sys.stderr)
                return 1
        print("renkei is up (SQLite, feed transport). Logs and databases are in", args.data_dir)
        for service in SERVICE_PORTS:
            base = f"http://{args.host}:{ports[service]}"
            print(f"  {service:<11} {base}   docs {base}/docs   ready {base}/readyz")
        if args.demo:
            load_demo(host=args.host, port_offset=args.port_offset)
        print("Get a token with: make token ROLE=municipality ORG=062014   Press Ctrl-C to stop.", flush=True)
        while not stopping:
            for service, process in processes.items():
                if process.poll() is not None:
                    print(f"{service} exited with {process.returncode}", file=sys.stderr)
                    return 1
            time.sleep(0.5)
        return 0
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                process.kill()
        print("renkei stopped.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
