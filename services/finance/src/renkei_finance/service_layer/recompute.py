"""Recompute: dirty (FY, recipient) cells become an allocation run with its diff, and `AllocationsRecomputed`.

The incremental path recomputes only the dirty cells; the full path recomputes every cell of the horizon.
Both call the same engine on the same snapshot, so the invariant "incremental state = full recompute"
holds as long as every event marks every cell it can change (`consumers/dirty.py`); `consistency()`
checks it, and a property test drives it with random event sequences.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from renkei_common.db import Database
from renkei_common.events.contracts import AllocationsRecomputed
from renkei_common.events.outbox import add_event
from sqlalchemy import Table, and_, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from renkei_finance.adapters.orm import EVERY_FY, AllocationLineRecord, AllocationRun, DirtyCell
from renkei_finance.domain.engine import Line, Snapshot, compute, compute_years
from renkei_finance.domain.rules import RuleBook
from renkei_finance.service_layer.snapshot import load_narrowed, load_rules, load_snapshot, padded

EVERY_RECIPIENT = "*"
# One recompute at a time per database, whatever the number of replicas. Its own key: with the outbox
# writers' (renkei_common.events.outbox), as it once had, every write that publishes an event waited for
# a whole run, a national one included, and the run for them.
_LOCK_KEY = 0x72636D70  # "rcmp"

Identity = tuple[int, str, str, str]

# The worker's statements run on the session's connection, in Core: an incremental run is a dozen
# statements on a few dozen rows, and the ORM's per-statement and per-object work cost more than the SQL
# (docs/benchmarks-finance.md). Nothing here needs an identity map: every row is read, compared and
# written back by its key.
_LINES = cast(Table, AllocationLineRecord.__table__)
_RUNS = cast(Table, AllocationRun.__table__)
_MARKS = cast(Table, DirtyCell.__table__)
_KEY_COLUMNS = ("fiscal_year", "recipient_code", "measure", "key")
_VALUE_COLUMNS = ("amount_yen", "rule_id", "arithmetic", "inputs", "unconfirmed", "estimate", "run_id")
_BY_KEY = and_(*(_LINES.c[name] == bindparam(f"k_{name}") for name in _KEY_COLUMNS))
_DELETE_LINE = delete(_LINES).where(_BY_KEY)
_UPDATE_LINE = update(_LINES).where(_BY_KEY).values({name: bindparam(name) for name in _VALUE_COLUMNS})
_TAKE_MARKS = delete(_MARKS).returning(_MARKS.c.fiscal_year, _MARKS.c.recipient_code, _MARKS.c.event_id)
# The run number is taken in the insert itself (the advisory lock serialises runs on PostgreSQL, SQLite
# has one writer): one round trip instead of a max() query and an insert.
_INSERT_RUN = (
    insert(_RUNS)
    .values(sequence=select(func.coalesce(func.max(_RUNS.c.sequence), 0) + 1).scalar_subquery())
    .returning(_RUNS.c.sequence)
)


@dataclass(frozen=True)
class Change:
    fiscal_year: int
    recipient_code: str
    measure: str
    key: str
    before_yen: int | None
    after_yen: int | None

    @property
    def delta_yen(self) -> int:
        return (self.after_yen or 0) - (self.before_yen or 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "fiscal_year": self.fiscal_year,
            "recipient_code": self.recipient_code,
            "measure": self.measure,
            "key": self.key,
            "before_yen": self.before_yen,
            "after_yen": self.after_yen,
            "delta_yen": self.delta_yen,
        }


def lines_by_fy(cells: dict[int, set[str]], snapshot: Snapshot, rules: RuleBook) -> dict[int, list[Line]]:
    # The FYs of one set of recipients (usually all of them: most marks are for every FY) are computed
    # together, on one narrowed and indexed snapshot.
    by_recipients: dict[frozenset[str], list[int]] = defaultdict(list)
    for fy, recipients in cells.items():
        by_recipients[frozenset(recipients)].append(fy)
    lines: dict[int, list[Line]] = {}
    for codes, fys in by_recipients.items():
        lines.update(compute_years(fys, snapshot, rules, None if EVERY_RECIPIENT in codes else codes))
    return lines


def _row(line: Line, run_id: str) -> dict[str, Any]:
    return {
        "fiscal_year": line.fiscal_year,
        "recipient_code": line.recipient_code,
        "measure": line.measure,
        "key": line.key,
        "amount_yen": line.amount_yen,
        "rule_id": line.rule_id,
        "arithmetic": line.arithmetic,
        "inputs": line.inputs,
        "unconfirmed": line.unconfirmed,
        "estimate": line.estimate,
        "run_id": run_id,
    }


class StoredLine(NamedTuple):
    """A stored allocation line, as `select(_LINES)` returns it (a row, or a JSON array of its values)."""

    fiscal_year: int
    recipient_code: str
    measure: str
    key: str
    amount_yen: int
    rule_id: str
    arithmetic: str
    inputs: dict[str, Any]
    unconfirmed: bool
    estimate: bool
    run_id: str


def _same(record: StoredLine | AllocationLineRecord, line: Line) -> bool:
    return (
        record.amount_yen == line.amount_yen
        and record.rule_id == line.rule_id
        and record.arithmetic == line.arithmetic
        and bool(record.unconfirmed) == line.unconfirmed  # SQLite hands back 0/1 inside JSON
        and bool(record.estimate) == line.estimate
        and record.inputs == line.inputs
    )


# The stored lines of the run's cells: every FY of the cells in full, or for all their recipients
# together; `_by_cell` then leaves out the lines of a recipient not dirty in that FY, so a cell is never
# diffed unless it was recomputed.
_STORED = select(_LINES).where(
    or_(
        _LINES.c.fiscal_year.in_(bindparam("every_fy", expanding=True)),
        and_(
            _LINES.c.fiscal_year.in_(bindparam("some_fy", expanding=True)),
            _LINES.c.recipient_code.in_(bindparam("line_codes", expanding=True)),
        ),
    )
)


def _stored_parameters(cells: dict[int, set[str]]) -> dict[str, list[Any]]:
    some = sorted(fy for fy, recipients in cells.items() if EVERY_RECIPIENT not in recipients)
    return {
        "every_fy": sorted(fy for fy, recipients in cells.items() if EVERY_RECIPIENT in recipients),
        "some_fy": some,
        "line_codes": padded(sorted({code for fy in some for code in cells[fy]})),
    }


def _by_cell(
    rows: Iterable[Sequence[Any]], cells: dict[int, set[str]]
) -> dict[int, dict[Identity, StoredLine]]:
    found: dict[int, dict[Identity, StoredLine]] = defaultdict(dict)
    for values in rows:
        r = StoredLine(*values)
        recipients = cells[r.fiscal_year]
        if EVERY_RECIPIENT in recipients or r.recipient_code in recipients:
            found[r.fiscal_year][(r.fiscal_year, r.recipient_code, r.measure, r.key)] = r
    return found


def _keyed(identity: Identity) -> dict[str, Any]:
    return {f"k_{name}": value for name, value in zip(_KEY_COLUMNS, identity, strict=True)}


def _total_in_memory(
    cells: dict[int, set[str]], fresh: dict[int, list[Line]], fiscal_years: list[int], codes: list[str]
) -> int | None:
    """The event's total from the lines just computed, when every (FY, code) it sums was recomputed."""
    for fy in fiscal_years:
        recomputed = cells.get(fy, set())
        if EVERY_RECIPIENT not in recomputed and not recomputed.issuperset(codes):
            return None
    wanted = set(codes)
    return sum(
        line.amount_yen for fy in fiscal_years for line in fresh.get(fy, []) if line.recipient_code in wanted
    )


# The run's statements keep their shape and change their values on every run. PostgreSQL's default plans
# each of their executions for its values ("custom" plans): for the narrowed load that planning took
# longer than running it (2.9 ms against 1.3 ms with a generic plan, docs/benchmarks-finance.md). For this
# transaction only, a prepared statement keeps one generic plan; the lookups are all on indexes.
_LOCK = text("SELECT pg_advisory_xact_lock(:key), set_config('plan_cache_mode', 'force_generic_plan', true)")


async def _lock(conn: AsyncConnection) -> None:
    if conn.dialect.name == "postgresql":
        await conn.execute(_LOCK, {"key": _LOCK_KEY})


async def recompute(db: Database, *, fiscal_years: Sequence[int], full: bool = False) -> AllocationRun | None:
    """Recompute the dirty cells (or, with `full`, every cell of `fiscal_years`) and store a run."""
    started = datetime.now(UTC)
    async with db.transaction() as session:
        conn = await session.connection()
        await _lock(conn)
        # One statement takes the marks: only committed marks are deleted and returned, and a mark a
        # consumer commits meanwhile stays for the next run. Without any, the rollback puts nothing back.
        dirty = list((await conn.execute(_TAKE_MARKS)).all())
        if not dirty and not full:
            return None
        cells: dict[int, set[str]] = defaultdict(set)
        if full:
            for fy in fiscal_years:
                cells[fy].add(EVERY_RECIPIENT)
        for cell in dirty:
            for fy in fiscal_years if cell.fiscal_year == EVERY_FY else [cell.fiscal_year]:
                cells[fy].add(cell.recipient_code)
        triggers = sorted({cell.event_id for cell in dirty})
        everyone = full or any(EVERY_RECIPIENT in codes for codes in cells.values())
        recipients = None if everyone else {code for codes in cells.values() for code in codes}
        stored_values = _stored_parameters(cells)
        if recipients is None:  # the nation: a few statements of plain rows
            snapshot, rules = await load_snapshot(session), await load_rules(session)
            stored_rows: Sequence[Sequence[Any]] = (await conn.execute(_STORED, stored_values)).all()
        else:  # the cells' recipients: everything in one statement, the stored lines included
            narrowed = await load_narrowed(session, recipients, [("stored", _STORED)], stored_values)
            snapshot, rules, stored_rows = narrowed.snapshot, narrowed.rules, narrowed.riders["stored"]
        run_id = str(uuid.uuid4())
        changes: list[Change] = []
        gone: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        new_rows: list[dict[str, Any]] = []
        stored_by_fy = _by_cell(stored_rows, cells)
        fresh_by_fy = lines_by_fy(cells, snapshot, rules)
        for fy, lines in fresh_by_fy.items():
            stored = stored_by_fy.get(fy, {})
            fresh = {line.identity: line for line in lines}
            for identity, record in stored.items():
                if identity not in fresh:
                    changes.append(Change(*identity, before_yen=record.amount_yen, after_yen=None))
                    gone.append(_keyed(identity))
            for identity, line in fresh.items():
                before = stored.get(identity)
                if before is not None and _same(before, line):
                    continue
                changes.append(
                    Change(
                        *identity, before_yen=before.amount_yen if before else None, after_yen=line.amount_yen
                    )
                )
                if before is None:
                    new_rows.append(_row(line, run_id))
                else:
                    row = _row(line, run_id)
                    changed.append(_keyed(identity) | {name: row[name] for name in _VALUE_COLUMNS})
        # Deletions first: a line can disappear and come back under one key. Each kind is one
        # executemany; a full run inserts thousands, in chunks the drivers take in one go.
        if gone:
            await conn.execute(_DELETE_LINE, gone)
        if changed:
            await conn.execute(_UPDATE_LINE, changed)
        for start in range(0, len(new_rows), 1000):
            await conn.execute(insert(_LINES), new_rows[start : start + 1000])
        changes.sort(key=lambda c: (c.fiscal_year, c.recipient_code, c.measure, c.key))
        values = {
            "run_id": run_id,
            "kind": "full" if full else "incremental",
            "started_at": started,
            "finished_at": datetime.now(UTC),
            "trigger_event_ids": triggers,
            "cells": sorted([fy, code] for fy, codes in cells.items() for code in codes),
            "changes": [c.to_dict() for c in changes],
            "total_delta_yen": sum(c.delta_yen for c in changes),
        }
        sequence = (await conn.execute(_INSERT_RUN, values)).scalar_one()
        run = AllocationRun(sequence=sequence, **values)
        if changes:
            changed_codes = sorted({c.recipient_code for c in changes})
            changed_fys = sorted({c.fiscal_year for c in changes})
            total = _total_in_memory(cells, fresh_by_fy, changed_fys, changed_codes)
            if total is None:  # the sum reads the lines as this run left them
                total = await conn.scalar(
                    select(func.coalesce(func.sum(_LINES.c.amount_yen), 0)).where(
                        _LINES.c.fiscal_year.in_(changed_fys), _LINES.c.recipient_code.in_(changed_codes)
                    )
                )
            await add_event(
                session,
                AllocationsRecomputed(
                    run_id=run_id,
                    fiscal_years=changed_fys,
                    municipality_codes=changed_codes,
                    total_yen=int(total or 0),
                    trigger_event_ids=triggers[:100],
                ),
                subject=run_id,
                aggregate_version=sequence,
            )
    return run


async def consistency(db: Database, *, fiscal_years: Sequence[int]) -> list[dict[str, Any]]:
    """Differences between the stored lines and a full recompute from the projections (empty = consistent)."""
    async with db.session() as session:
        snapshot, rules = await load_snapshot(session), await load_rules(session)
        pending = await session.scalar(select(func.count()).select_from(DirtyCell))
        stored = {
            (r.fiscal_year, r.recipient_code, r.measure, r.key): r
            for r in (
                await session.scalars(
                    select(AllocationLineRecord).where(
                        AllocationLineRecord.fiscal_year.in_(list(fiscal_years))
                    )
                )
            ).all()
        }
    problems: list[dict[str, Any]] = []
    if pending:
        problems.append({"problem": "dirty_cells_pending", "count": pending})
    fresh = {line.identity: line for fy in fiscal_years for line in compute(fy, snapshot, rules)}
    for identity in sorted(set(stored) | set(fresh)):
        record, line = stored.get(identity), fresh.get(identity)
        if record is None or line is None or not _same(record, line):
            problems.append(
                {
                    "problem": "line_differs",
                    "fiscal_year": identity[0],
                    "recipient_code": identity[1],
                    "measure": identity[2],
                    "key": identity[3],
                    "stored_yen": record.amount_yen if record else None,
                    "full_recompute_yen": line.amount_yen if line else None,
                }
            )
    return problems
