"""Recompute: dirty (FY, recipient) cells become an allocation run with its diff, and `AllocationsRecomputed`.

The incremental path recomputes only the dirty cells; the full path recomputes every cell of the horizon.
Both call the same engine on the same snapshot, so the invariant "incremental state = full recompute"
holds as long as every event marks every cell it can change (`consumers/dirty.py`); `consistency()`
checks it, and a property test drives it with random event sequences.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from renkei_common.db import Database
from renkei_common.events.contracts import AllocationsRecomputed
from renkei_common.events.outbox import add_event
from sqlalchemy import and_, delete, func, insert, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import EVERY_FY, AllocationLineRecord, AllocationRun, DirtyCell
from renkei_finance.domain.engine import Line, Snapshot, compute
from renkei_finance.domain.rules import RuleBook
from renkei_finance.service_layer.snapshot import load_rules, load_snapshot

EVERY_RECIPIENT = "*"
_LOCK_KEY = 0x72656E6B  # one recompute at a time per database, whatever the number of replicas

Identity = tuple[int, str, str, str]


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
    return {
        fy: compute(fy, snapshot, rules, None if EVERY_RECIPIENT in recipients else recipients)
        for fy, recipients in cells.items()
    }


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


def _same(record: AllocationLineRecord, line: Line) -> bool:
    return (
        record.amount_yen == line.amount_yen
        and record.rule_id == line.rule_id
        and record.arithmetic == line.arithmetic
        and record.unconfirmed == line.unconfirmed
        and record.estimate == line.estimate
        and record.inputs == line.inputs
    )


async def _stored(
    session: AsyncSession, cells: dict[int, set[str]]
) -> dict[int, dict[Identity, AllocationLineRecord]]:
    """The stored lines of `cells` in one query, by FY and identity."""
    conditions = []
    for fy, recipients in cells.items():
        condition = AllocationLineRecord.fiscal_year == fy
        if EVERY_RECIPIENT not in recipients:
            condition = and_(condition, AllocationLineRecord.recipient_code.in_(sorted(recipients)))
        conditions.append(condition)
    found: dict[int, dict[Identity, AllocationLineRecord]] = defaultdict(dict)
    if conditions:
        for r in (await session.scalars(select(AllocationLineRecord).where(or_(*conditions)))).all():
            found[r.fiscal_year][(r.fiscal_year, r.recipient_code, r.measure, r.key)] = r
    return found


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


async def _lock(session: AsyncSession) -> None:
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


async def recompute(db: Database, *, fiscal_years: Sequence[int], full: bool = False) -> AllocationRun | None:
    """Recompute the dirty cells (or, with `full`, every cell of `fiscal_years`) and store a run."""
    started = datetime.now(UTC)
    async with db.transaction() as session:
        await _lock(session)
        # One statement takes the marks: only committed marks are deleted and returned, and a mark a
        # consumer commits meanwhile stays for the next run. Without any, the rollback puts nothing back.
        dirty = list(
            (
                await session.execute(
                    delete(DirtyCell).returning(
                        DirtyCell.fiscal_year, DirtyCell.recipient_code, DirtyCell.event_id
                    )
                )
            ).all()
        )
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
        snapshot, rules = await load_snapshot(session, recipients), await load_rules(session)
        run_id = str(uuid.uuid4())
        changes: list[Change] = []
        new_rows: list[dict[str, Any]] = []
        stored_by_fy = await _stored(session, cells)
        fresh_by_fy = lines_by_fy(cells, snapshot, rules)
        for fy, lines in fresh_by_fy.items():
            stored = stored_by_fy.get(fy, {})
            fresh = {line.identity: line for line in lines}
            for identity, gone in stored.items():
                if identity not in fresh:
                    changes.append(Change(*identity, before_yen=gone.amount_yen, after_yen=None))
                    await session.delete(gone)
            for identity, line in fresh.items():
                record = stored.get(identity)
                if record is not None and _same(record, line):
                    continue
                changes.append(
                    Change(
                        *identity, before_yen=record.amount_yen if record else None, after_yen=line.amount_yen
                    )
                )
                if record is None:
                    new_rows.append(_row(line, run_id))  # inserted in bulk below: a full run adds thousands
                    continue
                record.amount_yen = line.amount_yen
                record.rule_id = line.rule_id
                record.arithmetic = line.arithmetic
                record.inputs = line.inputs
                record.unconfirmed = line.unconfirmed
                record.estimate = line.estimate
                record.run_id = run_id
        if new_rows:
            await session.flush()  # deletions first: a line can disappear and come back under one key
            for start in range(0, len(new_rows), 1000):
                await session.execute(insert(AllocationLineRecord), new_rows[start : start + 1000])
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
        # The run number is taken in the insert itself (the advisory lock serialises runs on PostgreSQL,
        # SQLite has one writer): one round trip instead of a max() query and an insert.
        next_sequence = select(func.coalesce(func.max(AllocationRun.sequence), 0) + 1).scalar_subquery()
        sequence = await session.scalar(
            insert(AllocationRun).values(sequence=next_sequence, **values).returning(AllocationRun.sequence)
        )
        assert sequence is not None
        run = AllocationRun(sequence=sequence, **values)
        if changes:
            changed_codes = sorted({c.recipient_code for c in changes})
            changed_fys = sorted({c.fiscal_year for c in changes})
            total = _total_in_memory(cells, fresh_by_fy, changed_fys, changed_codes)
            if total is None:
                await session.flush()  # the sum reads the lines as this run left them
                total = await session.scalar(
                    select(func.coalesce(func.sum(AllocationLineRecord.amount_yen), 0)).where(
                        AllocationLineRecord.fiscal_year.in_(changed_fys),
                        AllocationLineRecord.recipient_code.in_(changed_codes),
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
