"""Where the consumer runs: in the producer's event loop, or in its own process as deployed."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Sequence
from typing import Protocol

from renkei_common.db import Database
from renkei_common.events.consumer import Outcome

from .common import finish, log, wait_for
from .consumer import finance_runner
from .infra import ROOT


class Consumer(Protocol):
    shape: str
    done: dict[str, float]  # key → time.time() when its consumer transaction committed
    batch_sizes: list[int]

    @property
    def pid(self) -> int | None: ...  # a separate process to measure; None: the bench process itself

    async def start(self) -> None: ...
    async def close(self) -> dict[str, int]: ...


class InProcessConsumer:
    """The consumer in the bench process, sharing one event loop with the producer and the relay."""

    shape = "in-process"
    pid: int | None = None

    def __init__(self, db: Database, bootstrap: str, group: str) -> None:
        self.done: dict[str, float] = {}
        self.runner = finance_runner(db, bootstrap, group, self._on_done)
        self.batch_sizes = self.runner.batch_sizes
        self.stop = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def _on_done(self, t: float, keys: list[str]) -> None:
        for key in keys:
            self.done.setdefault(key, t)

    async def start(self) -> None:
        self.task = asyncio.create_task(self.runner.run(self.stop))
        await wait_for(self.runner.assigned, 30, "group join")

    async def close(self) -> dict[str, int]:
        self.stop.set()
        if self.task is not None:
            await finish([self.task])
        counts = self.runner.processor.counts
        return {"applied": counts[Outcome.APPLIED], "duplicate": counts[Outcome.DUPLICATE]}


class ChildConsumer:
    """The consumer in its own Python process (`consumer_proc`), against its own database, as deployed.

    The child prints `time.time()` and the keys of each committed batch; both processes read the same
    machine clock, so the latency is the child's commit time minus the producer's."""

    shape = "deployed"

    def __init__(self, url: str, bootstrap: str, group: str, extra: Sequence[str] = ()) -> None:
        self.args = ["--db", url, "--bootstrap", bootstrap, "--group", group, *extra]
        self.done: dict[str, float] = {}
        self.visible: dict[str, float] = {}  # event id → its allocation run committed (--worker)
        self.runs = 0
        self.run_ms: list[float] = []  # wall ms of each round that stored a run (--worker, --worker-only)
        self.batch_sizes: list[int] = []
        self.ready = False
        self.counts = {"applied": -1, "duplicate": -1}
        self.proc: asyncio.subprocess.Process | None = None
        self.reader: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "bench.pipeline_lib.consumer_proc", *self.args),
            stdin=asyncio.subprocess.PIPE,  # closing it stops the child; so does our death
            stdout=asyncio.subprocess.PIPE,
            cwd=ROOT,  # -m resolves bench.pipeline_lib from here
        )
        self.reader = asyncio.create_task(self._read())
        if not await wait_for(lambda: self.ready or self.reader is None or self.reader.done(), 60, "child"):
            raise RuntimeError("the consumer process did not join its group")
        if not self.ready:
            raise RuntimeError(f"the consumer process exited early (code {await self.proc.wait()})")

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        async for line in self.proc.stdout:
            head, *rest = line.split()
            if head == b"ready":
                self.ready = True
            elif head == b"visible":
                self.runs += 1
                for event_id in rest[1:]:
                    self.visible.setdefault(event_id.decode(), float(rest[0]))
            elif head == b"run":
                self.run_ms.append(float(rest[0]))
            elif head == b"counts":
                self.counts = {"applied": int(rest[0]), "duplicate": int(rest[1])}
            else:
                t = float(head)
                for key in rest:
                    self.done.setdefault(key.decode(), t)
                self.batch_sizes.append(len(rest))

    async def close(self) -> dict[str, int]:
        proc = self.proc
        if proc is None:
            return self.counts
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), 20)
        except TimeoutError:
            log.warning("consumer process %d did not stop; killing it", proc.pid)
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
        if self.reader is not None:
            await finish([self.reader], timeout=5)
        if proc.returncode:
            log.warning("consumer process exited with code %s", proc.returncode)
        return self.counts
