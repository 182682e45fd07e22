"""Event-pipeline benchmark: outbox → relay → Kafka → consumer → projection, beside raw aiokafka."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass

from pipeline_lib.common import PACED_IN_FLIGHT, TOPIC, Result, ms
from pipeline_lib.infra import ROOT, CpuMeter, Infra
from pipeline_lib.report import render_doc, report
from pipeline_lib.runs import Bench, Stage
from renkei_common.migrations import upgrade_async
from renkei_common.testing.infra import InfraUnavailable
from renkei_finance.main import service_spec as finance_spec
from renkei_groups.main import service_spec as groups_spec

DOC = ROOT / "docs" / "benchmarks-pipeline.md"
COMMAND = "cd /work/main && UV_PYTHON_DOWNLOADS=never .tools/bin/uv run python bench/pipeline.py"
SHAPES = ("in-process", "deployed")
log = logging.getLogger("bench")
# SIGINT too: a non-interactive shell starts background jobs with SIGINT ignored.
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
Outcome = tuple[list[Result], list[Stage], dict[str, str]]  # results, stages alone, machine facts


@dataclass
class Plan:
    paced: list[tuple[float, int]]  # (events/s, events)
    saturation: dict[str, int]  # events per shape, sized for a few seconds each
    writers: int  # closed-loop producer transactions in flight at saturation
    stage_n: int  # 0: no stage-alone runs


FULL = Plan(
    paced=[(200, 2000), (100, 1000)],
    saturation={"raw": 5000, "in-process": 2500, "deployed": 4000},
    writers=4,
    stage_n=2000,
)
QUICK = Plan(
    paced=[(200, 300)], saturation={"raw": 1000, "in-process": 400, "deployed": 600}, writers=4, stage_n=0
)


async def run_plan(bench: Bench, plan: Plan, deadline: float) -> tuple[list[Result], list[Stage]]:
    results: list[Result] = []
    await bench.admin.create_topic(TOPIC)

    def add(r: Result) -> None:
        results.append(r)
        print(
            f"  {r.scenario:12} {r.shape:10} {r.rate:8,.0f} ev/s"
            f"  p50 {ms(r.p50):>7} ms  p99 {ms(r.p99):>7} ms",
            file=sys.stderr,
            flush=True,
        )

    for rate, n in plan.paced:
        name, wait_s = f"paced {rate:.0f}/s", n / rate + 20
        add(await bench.raw(name, n, rate, wait_s))
        for shape in SHAPES:
            add(await bench.pipeline(name, shape, n, rate, PACED_IN_FLIGHT, wait_s))
    sat = plan.saturation
    add(await bench.raw("saturation", sat["raw"], None, 30))
    for shape in SHAPES:
        add(await bench.pipeline("saturation", shape, sat[shape], None, plan.writers, 40))
    if plan.stage_n and deadline - time.perf_counter() < 25:
        log.warning("time budget nearly spent: skipping the stage-alone runs")
    elif plan.stage_n:
        return results, await bench.stages(plan.stage_n, plan.writers, 20)
    return results, []


async def _run(infra: Infra, plan: Plan, deadline: float) -> Outcome:
    producer_url, consumer_url = await asyncio.gather(
        infra.new_database("bench_p"), infra.new_database("bench_c")
    )
    # The groups service has no domain tables yet: its migrations create exactly the shared ones.
    # One after the other: alembic's migration context is process-global.
    await upgrade_async(groups_spec().migrations_dir, producer_url)
    await upgrade_async(finance_spec().migrations_dir, consumer_url)
    machine = await infra.versions()
    bench = Bench(infra.bootstrap, producer_url, consumer_url, CpuMeter(infra))
    try:
        results, stages = await run_plan(bench, plan, deadline)
    finally:
        await bench.close()
    return results, stages, machine


async def _guarded(infra: Infra, plan: Plan, deadline: float) -> Outcome:
    """_run within the time budget; SIGINT / SIGTERM / SIGHUP cancel it, so that every finally block runs
    (the consumer child and the servers are stopped there)."""
    loop = asyncio.get_running_loop()
    main_task = asyncio.current_task()
    assert main_task is not None
    for signum in SIGNALS:
        loop.add_signal_handler(signum, main_task.cancel)
    try:
        return await asyncio.wait_for(_run(infra, plan, deadline), max(10.0, deadline - time.perf_counter()))
    finally:
        for signum in SIGNALS:
            loop.remove_signal_handler(signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__,
        epilog="Raw aiokafka, the pipeline in-process and the pipeline with its consumer in its own "
        "process run back to back per scenario, so their ratios share the machine's conditions. Uses "
        "DATABASE_URL / KAFKA_BOOTSTRAP when set, else starts private servers and stops them on exit.",
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: a few hundred events, < 30 s")
    parser.add_argument("--no-doc", action="store_true", help="do not write docs/benchmarks-pipeline.md")
    parser.add_argument("--budget", type=float, default=None, help="seconds for the whole run")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # A new broker has no __consumer_offsets yet: the first group lookup fails once and is retried.
    logging.getLogger("aiokafka.consumer.group_coordinator").addFilter(
        lambda record: "GroupCoordinatorNotAvailable" not in record.getMessage()
    )
    plan = QUICK if args.quick else FULL
    budget = args.budget or (27.0 if args.quick else 170.0)
    started = time.perf_counter()
    infra = Infra()

    # Outside the event loop SIGINT / SIGTERM / SIGHUP get Ctrl-C's clean shutdown; inside, _guarded cancels.
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for signum in SIGNALS:
        signal.signal(signum, interrupt)

    def watchdog() -> None:  # a hung run still stops the servers; the child sees its stdin close
        print(f"bench: hard time limit ({budget + 45:.0f}s) hit, stopping", file=sys.stderr, flush=True)
        infra.close()
        os._exit(3)

    timer = threading.Timer(budget + 45, watchdog)
    timer.daemon = True
    timer.start()
    try:
        try:
            infra.start()
        except (InfraUnavailable, OSError) as exc:
            print(f"bench: infrastructure unavailable: {exc}", file=sys.stderr)
            return 2
        print(f"infra up after {time.perf_counter() - started:.1f}s", file=sys.stderr, flush=True)
        results, stages, machine = asyncio.run(_guarded(infra, plan, started + budget))
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("bench: interrupted", file=sys.stderr)
        return 130
    except TimeoutError:
        print(f"bench: time budget of {budget:.0f}s exceeded", file=sys.stderr)
        return 3
    finally:
        infra.close()
        timer.cancel()
    elapsed = time.perf_counter() - started
    body = report(results, stages)
    print(f"\n## Pipeline vs raw aiokafka ({'quick' if args.quick else 'full'} run, {elapsed:.0f} s)\n")
    print("\n".join(f"- {k}: {v}" for k, v in machine.items()) + "\n")
    print(body)
    if not args.quick and not args.no_doc:
        DOC.write_text(render_doc(DOC, machine, COMMAND, body, elapsed))
        print(f"\nwrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
