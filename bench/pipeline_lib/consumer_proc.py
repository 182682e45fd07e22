"""Child process of the deployed shapes: the finance consumer (and, with --worker, its recompute worker, as
the finance service runs them by default), or with --worker-only the recompute worker alone, as a
dedicated finance process runs it (RENKEI_RECOMPUTE_WORKER=dedicated); it reports completions on stdout."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import threading
import time

from renkei_common.db import Database
from renkei_common.events.consumer import Outcome
from renkei_common.events.listen import ChannelListener
from renkei_common.events.outbox import share_channel
from renkei_common.runtime import freeze_heap
from renkei_finance.adapters.orm import DIRTY_CHANNEL
from renkei_finance.config import Settings
from renkei_finance.service_layer.worker import RecomputeWorker

from .common import finish, wait_for
from .consumer import finance_runner


def _emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()  # the time was taken before this write: a slow pipe delays no measurement


async def _main(args: argparse.Namespace) -> int:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    def watch_stdin() -> None:  # EOF: the parent closed the pipe or died
        sys.stdin.read()
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=watch_stdin, daemon=True).start()
    db = Database(args.db)
    freeze_heap()  # as a service does once it has started (renkei_common.app)
    settings = Settings(
        first_fiscal_year=args.first_fy,
        last_fiscal_year=args.last_fy,
        recompute_debounce_s=args.debounce,
        recompute_interval_s=args.interval,
    )
    if args.worker_only:  # the dedicated worker: no consumer; woken by the consumer process's NOTIFY
        listener = ChannelListener(db.engine, [DIRTY_CHANNEL])
        tasks = [
            asyncio.create_task(ReportingWorker(db, settings).run(stop)),
            asyncio.create_task(listener.run(stop)),
        ]
        try:
            if await wait_for(lambda: listener.connected or stop.is_set(), 60, "LISTEN"):
                _emit("ready")
            await stop.wait()
        finally:
            stop.set()
            await finish(tasks, timeout=15)
            await db.dispose()
        _emit("counts 0 0 0")
        return 0
    if args.share:  # a worker in another process waits for this one's commits of marks
        share_channel(db.engine, DIRTY_CHANNEL)
    runner = finance_runner(
        db,
        args.bootstrap,
        args.group,
        lambda t, keys: _emit(f"{t:.6f} " + " ".join(keys)),
        trivial=args.trivial,
    )
    tasks = [asyncio.create_task(runner.run(stop))]
    if args.worker:
        tasks.append(asyncio.create_task(ReportingWorker(db, settings).run(stop)))
    try:
        if await wait_for(lambda: runner.assigned() or stop.is_set(), 60, "partition assignment"):
            _emit("ready")
        await stop.wait()
    finally:
        stop.set()
        await finish(tasks, timeout=15)  # the runner flushes its offset commits on the way out
        await db.dispose()
    counts = runner.processor.counts
    _emit(f"counts {counts[Outcome.APPLIED]} {counts[Outcome.DUPLICATE]} {sum(counts.values())}")
    return 0


class ReportingWorker(RecomputeWorker):
    """The service's worker; after each run, `visible <time.time()> <event id> ...` of its triggers."""

    async def run_once(self) -> bool:
        started = time.perf_counter()
        ran = await super().run_once()
        if ran and self.last_run is not None:
            _emit(f"visible {time.time():.6f} " + " ".join(self.last_run.trigger_event_ids))
            _emit(f"run {(time.perf_counter() - started) * 1000:.2f}")  # the round's wall ms
        return ran


def main() -> int:
    """python -m bench.pipeline_lib.consumer_proc --db URL --bootstrap HOST:PORT --group GROUP

    Prints `ready` once it owns partitions, then one line per committed partition batch,
    `<time.time()> <key> <key> ...` (with --worker, also `visible <time.time()> <event id> ...` per
    allocation run), and finally `counts <applied> <duplicate> <total>`. It stops on
    SIGTERM / SIGINT or when its stdin closes, so it never outlives the bench process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--trivial", action="store_true", help="a handler that does nothing (baseline)")
    parser.add_argument("--worker", action="store_true", help="run the recompute worker too")
    parser.add_argument("--share", action="store_true", help="NOTIFY commits of marks (dedicated worker)")
    parser.add_argument("--worker-only", action="store_true", help="the recompute worker alone, listening")
    parser.add_argument("--debounce", type=float, default=Settings().recompute_debounce_s)
    parser.add_argument("--interval", type=float, default=Settings().recompute_interval_s)
    parser.add_argument("--first-fy", type=int, default=Settings().first_fiscal_year)
    parser.add_argument("--last-fy", type=int, default=Settings().last_fiscal_year)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="consumer-proc %(name)s %(levelname)s %(message)s")
    return asyncio.run(_main(args))


if __name__ == "__main__":
    sys.exit(main())
