"""Start `make run` as a user would (its own port offset and data folder) and stop it with Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from renkei_common.topology import SERVICE_PORTS

REPO = Path(__file__).resolve().parents[1]
READY_LINE = "Press Ctrl-C"


@dataclass
class RunningStack:
    process: subprocess.Popen[str]
    offset: int
    output: str
    rest: str = field(default="")  # what it printed after Ctrl-C, once stopped

    @property
    def urls(self) -> dict[str, str]:
        return {s: f"http://127.0.0.1:{p + self.offset}" for s, p in SERVICE_PORTS.items()}


@contextmanager
def make_run(*, offset: int, data_dir: Path, timeout: float) -> Iterator[RunningStack]:
    """`make run` on ports shifted by `offset`, once it prints that it is ready; Ctrl-C on exit."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENKEI_")}
    env["RENKEI_FEED_POLL_WAIT_S"] = "2"
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"RUN_ARGS=--port-offset {offset} --data-dir {data_dir}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    stack = RunningStack(process=process, offset=offset, output="")
    try:
        stack.output = _read_until(process, READY_LINE, timeout)
        yield stack
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        stack.rest, _ = process.communicate(timeout=60)


def _read_until(process: subprocess.Popen[str], text: str, timeout: float) -> str:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if text in line:
            return "".join(lines)
    raise AssertionError(f"`make run` did not print {text!r}; output so far:\n{''.join(lines)}")
