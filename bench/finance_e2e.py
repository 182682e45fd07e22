"""Finance end to end on Kafka: event → allocation visible at 100 events/s, and the consumer's throughput.

    UV_PYTHON_DOWNLOADS=never .tools/bin/uv run python bench/finance_e2e.py [--quick]

Reuses the backbone's harness (`bench/pipeline_lib`: servers, topic positioning, the paced load driver,
the outbox relay and the consumer runner as the service builds them). PostgreSQL and Kafka are the ones in
DATABASE_URL / KAFKA_BOOTSTRAP, or private ones. The finance database holds the synthetic national data
of `finance_recompute.py` (1,741 municipalities, 168 areas, 820 agreements) with every line computed.

1. **Latency at 100 events/s** (`--rate`): producer transaction (outbox row) → relay → Kafka → consumer
   → recompute worker, in three shapes: all in this process (`in-process`); the consumer and its worker
   in a process of their own (`deployed`, RENKEI_RECOMPUTE_WORKER=in_process); the consumer in one
   process and the worker in another, woken by PostgreSQL NOTIFY (`dedicated`, as Kubernetes deploys
   finance). Each event amends an agreement, taking its partner out or bringing it back, so that lines
   really change; it is *visible* when the allocation run that lists it among its triggers has
   committed. Beside it, in the same run and shape, the backbone with a trivial handler (inbox only):
   the event is then done when its consumer transaction committed.
2. **Consumer throughput**: one backlog of amendments, drained by a fresh consumer group with the
   trivial handler and then by one with the real handlers (projection, parties, dirty marks); the
   recompute worker does not run. The ratio real ÷ trivial is the figure to compare between runs; beside
   it, the SQL statements per event the consumer's database received (batches make them a fraction).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aiokafka import TopicPartition
from finance_incremental import load
from finance_recompute import YEARS
from pipeline_lib.common import TOPIC, drive, finish, kafka_options, pct, wait_for
from pipeline_lib.consumer import TRIVIAL, CompletionRunner
from pipeline_lib.infra import CpuMeter, Infra, cpu_use
from pipeline_lib.runs import Bench
from pipeline_lib.shapes import ChildConsumer
from renkei_common.db import Database
from renkei_common.events.consumer import EventProcessor
from renkei_common.events.contracts import AgreementAmended, Party
from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.outbox import add_event
from renkei_common.migrations import upgrade_async
from renkei_common.runtime import freeze_heap
from renkei_finance.config import Settings
from renkei_finance.consumers import HANDLERS
from renkei_finance.main import service_spec as finance_spec
from renkei_finance.service_layer.recompute import recompute
from renkei_finance.service_layer.worker import RecomputeWorker
from renkei_groups.main import service_spec as groups_spec
from sqlalchemy import event

Agreement = tuple[str, str, str]  # id, centre, partner
SHAPES = ("in-process", "deployed", "dedicated")
WARMUP = 20
BACKLOG_VERSIONS = 1000  # above any version the latency runs reached: the backlog's amendments apply


def amended(agreement: Agreement, version: int, partner_bound: bool = True) -> AgreementAmended:
    """Version `version` of `agreement`; without `partner_bound` the partner has left it."""
    agreement_id, centre, partner = agreement
    parties = [Party(code=centre, name=centre, role="party")]
    if partner_bound:
        parties.append(Party(code=partner, name=partner, role="party"))
    return AgreementAmended(
        agreement_id=agreement_id,
        agreement_version=version,
        kind="renkei_kyoyaku",
        title=f"協約 第{version}版",
        parties=parties,
        concluded_on=date(2016, 4, 1),
        in_force_on=date(2016, 4, 1),
        previous_version=version - 1,
    )


class Toggles:
    """Amendments that change money: each takes the partner out of its agreement, or brings it back,
    so that the partner's lines go or return (every FY) and the run has changes to write and to emit."""

    def __init__(self) -> None:
        self.version: dict[str, int] = {}
        self.bound: dict[str, bool] = {}

    def next(self, agreement: Agreement) -> tuple[AgreementAmended, int]:
        agreement_id = agreement[0]
        version = self.version[agreement_id] = self.version.get(agreement_id, 1) + 1
        bound = self.bound[agreement_id] = not self.bound.get(agreement_id, True)
        return amended(agreement, version, bound), version


class Producer:
    """A use case's transaction: the event's outbox row, committed; the relay publishes it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sent: dict[str, float] = {}  # event id → commit time
        self.key_of: dict[str, str] = {}  # Kafka key (agreement id) → event id

    async def emit(self, payload: EventPayload, subject: str, version: int) -> None:
        async with self.db.transaction() as session:
            envelope = await add_event(session, payload, subject=subject, aggregate_version=version)
        self.sent[envelope.id] = time.time()
        self.key_of[subject] = envelope.id


def runner(
    db: Database, bootstrap: str, group: str, *, real: bool, done: dict[str, float]
) -> CompletionRunner:
    def on_done(t: float, keys: list[str]) -> None:
        for key in keys:
            done.setdefault(key, t)

    processor = EventProcessor(db=db, consumer=group, handlers=HANDLERS if real else TRIVIAL)
    return CompletionRunner(
        processor=processor,
        topics=[TOPIC],
        options=kafka_options(bootstrap, "finance"),
        group_id=group,
        on_done=on_done,
    )


class WatchedWorker(RecomputeWorker):
    """The service's worker; each run's commit time is recorded for the events it was triggered by."""

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__(db, settings)
        self.visible: dict[str, float] = {}  # event id → its run committed
        self.run_ms: list[float] = []  # wall ms of each round that stored a run

    async def run_once(self) -> bool:
        started = time.perf_counter()
        ran = await super().run_once()
        if ran:
            self.run_ms.append((time.perf_counter() - started) * 1000)
        if ran and self.last_run is not None:
            now = time.time()
            for event_id in self.last_run.trigger_event_ids:
                self.visible.setdefault(event_id, now)
        return ran


async def paced(
    bench: Bench,
    consumer_db: Database,
    agreements: list[Agreement],
    n: int,
    toggles: Toggles,
    *,
    real: bool,
    settings: Settings,
    rate: float,
    shape: str,
) -> dict[str, list[float]]:
    """n amendments that change money (`Toggles`) at `rate`/s after a warm-up; latencies in seconds by
    what they measure.

    `in-process`: the consumer (and worker) share this process's event loop with the producer and the
    relay. `deployed`: they run in their own process (`pipeline_lib.consumer_proc`), as the finance
    service runs them beside the agreements service that produces. `dedicated`: the consumer in one
    process, the worker in another, woken by PostgreSQL NOTIFY (RENKEI_RECOMPUTE_WORKER=separate and
    dedicated, as the Kubernetes manifests deploy finance).
    """
    group = f"bench-finance-e2e-{bench.tag()}"
    await bench.admin.position_group(group, await bench.admin.end_offsets(TOPIC))
    producer = Producer(bench.producer_db)
    relay, _ = bench.relay([])
    stop = asyncio.Event()
    tasks = [asyncio.create_task(relay.run(stop))]
    children: list[ChildConsumer] = []
    worker_options = [
        f"--debounce={settings.recompute_debounce_s}",
        f"--interval={settings.recompute_interval_s}",
        f"--first-fy={settings.first_fiscal_year}",
        f"--last-fy={settings.last_fiscal_year}",
    ]
    if shape != "in-process":
        extra = ["--trivial"]
        if real:
            extra = ["--worker", *worker_options] if shape == "deployed" else ["--share"]
        child = reporter = ChildConsumer(bench.consumer_url, bench.bootstrap, group, extra)
        children.append(child)
        if real and shape == "dedicated":
            reporter = ChildConsumer(
                bench.consumer_url, bench.bootstrap, group, ["--worker-only", *worker_options]
            )
            children.append(reporter)
            await reporter.start()  # listening before the first mark
        await child.start()
        done, visible = child.done, reporter.visible
        runs = lambda: reporter.runs  # noqa: E731
        run_ms = reporter.run_ms
        pids = {"consumer_pid": child.pid, "worker_pid": reporter.pid if reporter is not child else None}
    else:
        done = {}
        pids = {}  # the consumer and the worker are this process ("bench")
        consumer = runner(consumer_db, bench.bootstrap, group, real=real, done=done)
        worker = WatchedWorker(consumer_db, settings)
        tasks.append(asyncio.create_task(consumer.run(stop)))
        if real:
            tasks.append(asyncio.create_task(worker.run(stop)))
        visible, runs, run_ms = worker.visible, lambda: worker.runs, worker.run_ms
        await wait_for(consumer.assigned, 30, "group join")
    try:

        async def toggle(a: Agreement) -> None:
            payload, version = toggles.next(a)
            await producer.emit(payload, a[0], version)

        for a in agreements[:WARMUP]:
            await toggle(a)
        await wait_for(lambda: len(done) >= WARMUP, 30, "warm-up")
        if real:
            await wait_for(lambda: len(visible) >= WARMUP, 30, "warm-up runs")
        producer.sent.clear()
        if real:
            run_ms.clear()  # the warm-up's runs compiled and prepared statements
        measured = agreements[WARMUP : WARMUP + n]
        before = bench.cpu.sample(**pids, stolen=True)
        await drive(n, rate, 16, lambda i: toggle(measured[i]))
        await wait_for(lambda: all(a[0] in done for a in measured), 60, "consumed")
        if real:
            await wait_for(lambda: all(e in visible for e in producer.sent), 60, "visible")
        after = bench.cpu.sample(**pids, stolen=True)
    finally:
        stop.set()
        await finish(tasks)
        for child in children:
            await child.close()
    sent = producer.sent
    out = {"consumed": [done[k] - sent[e] for k, e in producer.key_of.items() if e in sent and k in done]}
    if real:
        out["visible"] = [visible[e] - t for e, t in producer.sent.items() if e in visible]
        out["runs"] = [float(runs())]
        out["run ms"] = list(run_ms)
    for name, use in cpu_use(before, after, n).items():  # cores busy while the events went through
        out[f"cores {name}"] = [use[1] if use else float("nan")]
    return out


async def backlog(bench: Bench, agreements: list[Agreement], m: int) -> dict[TopicPartition, int]:
    """m amendments committed and published; returns the topic's offsets before them."""
    start = await bench.admin.end_offsets(TOPIC)
    producer = Producer(bench.producer_db)
    batches: list[int] = []
    relay, _ = bench.relay(batches)
    await relay.publisher.start()
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        for i in range(m):
            a = agreements[i % len(agreements)]
            version = BACKLOG_VERSIONS + i // len(agreements)
            await producer.emit(amended(a, version), a[0], version)
        await wait_for(lambda: relay.published_total >= m, 120, "backlog published")
    finally:
        stop.set()
        await finish([task])
    return dict(start)


async def drain(
    bench: Bench, consumer_db: Database, start: dict[TopicPartition, int], m: int, *, real: bool
) -> tuple[float, float]:
    """Events/s of a fresh group draining the backlog, from its first committed batch to its last, and
    the SQL statements the consumer's database received per event (all of the drain)."""
    group = f"bench-finance-drain-{bench.tag()}"
    await bench.admin.position_group(group, start)
    done: dict[str, float] = {}
    consumer = runner(consumer_db, bench.bootstrap, group, real=real, done=done)
    statements = 0

    def count(*_: object) -> None:
        nonlocal statements
        statements += 1

    event.listen(consumer_db.engine.sync_engine, "before_cursor_execute", count)
    stop = asyncio.Event()
    task = asyncio.create_task(consumer.run(stop))
    try:
        await wait_for(lambda: bool(consumer.batch_sizes), 60, "first batch")
        t0, first = time.time(), sum(consumer.batch_sizes)
        await wait_for(lambda: sum(consumer.batch_sizes) >= m, 300, "drained")
        t1, last = time.time(), sum(consumer.batch_sizes)
    finally:
        stop.set()
        await finish([task])
        event.remove(consumer_db.engine.sync_engine, "before_cursor_execute", count)
    rate = (last - first) / (t1 - t0) if t1 > t0 else float("nan")
    return rate, statements / max(last, 1)


def row(name: str, samples: list[float]) -> str:
    return f"| {name} | {len(samples)} | {pct(samples, 0.5) * 1000:.1f} | {pct(samples, 0.99) * 1000:.1f} |"


async def main(quick: bool, debounce_s: float, interval_s: float, rate: float) -> None:
    n, m = (100, 400) if quick else (360, 2000)
    infra = Infra()
    infra.start()
    try:
        producer_url, consumer_url = await asyncio.gather(
            infra.new_database("bench_fe2e_p"), infra.new_database("bench_fe2e_c")
        )
        # One after the other: alembic's migration context is process-global.
        await upgrade_async(groups_spec().migrations_dir, producer_url)
        await upgrade_async(finance_spec().migrations_dir, consumer_url)
        bench = Bench(infra.bootstrap, producer_url, consumer_url, CpuMeter(infra))
        await bench.admin.create_topic(TOPIC)
        consumer_db = bench.consumer_db
        agreements = await load(consumer_db)
        await recompute(consumer_db, fiscal_years=list(YEARS), full=True)
        settings = Settings(
            first_fiscal_year=YEARS[0],
            last_fiscal_year=YEARS[-1],
            recompute_debounce_s=debounce_s,
            recompute_interval_s=interval_s,
        )
        # The producer, the relay and the in-process consumer and worker run here: freeze what is loaded,
        # as the services do once started, so that no full collection of it stalls a measured event.
        freeze_heap()
        started = time.time()
        latency: dict[str, tuple[dict[str, list[float]], dict[str, list[float]]]] = {}
        # The real runs' amendments follow on from one another (each flips the projection's state); the
        # trivial runs' never reach the finance handlers (their groups start at the topic's end).
        toggles = Toggles()
        for shape in SHAPES:
            trivial = await paced(
                bench,
                consumer_db,
                agreements,
                n,
                Toggles(),
                real=False,
                settings=settings,
                rate=rate,
                shape=shape,
            )
            real = await paced(
                bench,
                consumer_db,
                agreements,
                n,
                toggles,
                real=True,
                settings=settings,
                rate=rate,
                shape=shape,
            )
            latency[shape] = (trivial, real)
        start = await backlog(bench, agreements, m)
        drains = {
            "trivial": await drain(bench, consumer_db, start, m, real=False),
            "real": await drain(bench, consumer_db, start, m, real=True),
        }
        rates = {name: rate for name, (rate, _) in drains.items()}
        elapsed = time.time() - started
        busy = " ".join(f"{x:.1f}" for x in os.getloadavg())  # the machine is shared: say how busy it was
        await bench.close()
    finally:
        infra.close()
    print(f"PostgreSQL + Kafka; worker debounce {debounce_s} s, interval {interval_s} s;")
    print(f"{n} events at {rate:.0f}/s per run; backlog {m} events; {elapsed:.0f} s; load average {busy}\n")
    print("| shape | measurement | events | p50 ms | p99 ms |")
    print("| --- | --- | ---: | ---: | ---: |")
    for shape, (trivial, real) in latency.items():
        runs = f"{real['runs'][0]:.0f} runs"
        print(
            row(
                f"{shape} | backbone, trivial handler: commit → consumer transaction committed",
                trivial["consumed"],
            )
        )
        print(row(f"{shape} | finance handlers: commit → projection committed", real["consumed"]))
        print(row(f"{shape} | finance: commit → allocation run committed (visible; {runs})", real["visible"]))
        print(
            row(
                f"{shape} | a run of the worker, from its round's start to its commit",
                [ms / 1000 for ms in real["run ms"]],
            )
        )
    print()
    # What bounds the latency: where the machine's cores went while the events went through.
    parts = ("bench", "consumer", "worker", "postgres", "kafka", "stolen", "other")
    print(f"Cores busy during the paced runs ({os.cpu_count()} on this machine; bench = producer and relay,")
    print("and in the in-process shape the consumer and worker too; stolen = taken by the VM's host):\n")
    print("| shape | handlers | " + " | ".join(parts) + " | total |")
    print("| --- | --- | " + " | ".join("---:" for _ in parts) + " | ---: |")
    for shape, (trivial, real) in latency.items():
        for handlers, result in (("trivial", trivial), ("finance", real)):
            cores = [result.get(f"cores {part}", [float("nan")])[0] for part in parts]
            total = sum(c for c in cores if c == c)
            shown = " | ".join("—" if c != c else f"{c:.2f}" for c in cores)
            print(f"| {shape} | {handlers} | {shown} | {total:.2f} |")
    print()
    print("| consumer draining the backlog | events/s | SQL statements per event |")
    print("| --- | ---: | ---: |")
    print(f"| trivial handler (inbox only) | {rates['trivial']:.0f} | {drains['trivial'][1]:.2f} |")
    print(f"| finance handlers | {rates['real']:.0f} | {drains['real'][1]:.2f} |")
    print(f"| ratio finance ÷ trivial | {rates['real'] / rates['trivial']:.2f} | |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--rate", type=float, default=100.0, help="events/s of the latency runs")
    parser.add_argument("--debounce", type=float, default=Settings().recompute_debounce_s)
    parser.add_argument("--interval", type=float, default=Settings().recompute_interval_s)
    args = parser.parse_args()
    asyncio.run(main(args.quick, args.debounce, args.interval, args.rate))
