"""Child process of the deployed shape: the finance consumer alone, reporting completions on stdout."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import threading

from renkei_common.db import Database
from renkei_common.events.consumer import Outcome

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
    runner = finance_runner(
        db, args.bootstrap, args.group, lambda t, keys: _emit(f"{t:.6f} " + " ".join(keys))
    )
    task = asyncio.create_task(runner.run(stop))
    try:
        if await wait_for(lambda: runner.assigned() or stop.is_set(), 60, "partition assignment"):
            _emit("ready")
        await stop.wait()
    finally:
        stop.set()
        await finish([task], timeout=15)  # the runner flushes its offset commits on the way out
        await db.dispose()
    counts = runner.processor.counts
    _emit(f"counts {counts[Outcome.APPLIED]} {counts[Outcome.DUPLICATE]} {sum(counts.values())}")
    return 0


def main() -> int:
    """python -m bench.pipeline_lib.consumer_proc --db URL --bootstrap HOST:PORT --group GROUP

    Prints `ready` once it owns partitions, then one line per committed partition batch,
    `<time.time()> <key> <key> ...`, and finally `counts <applied> <duplicate> <total>`. It stops on
    SIGTERM / SIGINT or when its stdin closes, so it never outlives the bench process."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--group", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="consumer-proc %(name)s %(levelname)s %(message)s")
    return asyncio.run(_main(args))


if __name__ == "__main__":
    sys.exit(main())
