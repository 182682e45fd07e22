"""Database round trips of the main writes: the unit of work sends no more than the rules need.

Counted with SQLAlchemy's `before_cursor_execute` (BEGIN and COMMIT are not statements). A locked load
takes a row lock on PostgreSQL and the write lock (BEGIN IMMEDIATE) on SQLite; PostgreSQL adds the outbox's
advisory lock (docs/adr/0001-outbox-sequence-order.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from staffing_testkit import NARA_PREF, Driver, agreement_event, signed


@contextmanager
def statements(api: Driver) -> Iterator[list[str]]:
    engine: Engine = api.client.db.engine.sync_engine
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        words = statement.replace("\n", " ").split()
        table = next((words[words.index(k) + 1] for k in ("INTO", "UPDATE", "FROM") if k in words[:-1]), "")
        sent.append(f"{words[0].upper()} {table.strip(chr(34))}")

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def test_a_dispatch_reads_what_its_rules_need_and_writes_three_rows(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester = await api.specialist()  # also caches the forester profession in this process
    with statements(api) as sent:
        await api.dispatch(forester["id"])
    # The lock on the specialist: its row (PostgreSQL, apart from its load) or the write lock (SQLite's
    # BEGIN IMMEDIATE); PostgreSQL adds the outbox's advisory lock.
    postgres_only = ["SELECT staffing_specialist", "SELECT "] if api.client.db.is_postgres else ["BEGIN "]
    assert Counter(sent) == Counter(
        [
            "SELECT staffing_specialist",  # one person is dispatched at a time: no double booking by race
            "SELECT reference_government",  # registry updates projected from the agreements service
            "SELECT staffing_agreement_projection",  # the 連携協約 as this service knows it
            "SELECT staffing_dispatch",  # double booking
            "INSERT staffing_dispatch",
            "INSERT audit_entry",
            "INSERT outbox_event",
            *postgres_only,
        ]
    ), sent


async def test_a_personnel_cost_takes_six_statements(api: Driver) -> None:
    await agreement_event(api.client, signed())
    dispatch = (await api.dispatch((await api.specialist())["id"])).json()
    body = {"fiscal_year": 2025, "month": 4, "salary_yen": 300_000}
    with statements(api) as sent:
        await api.call("POST", f"/v1/dispatches/{dispatch['id']}/costs", NARA_PREF, json=body, expect=201)
    postgres_only = ["SELECT "] if api.client.db.is_postgres else []
    assert Counter(sent) == Counter(
        [
            "SELECT staffing_dispatch",
            "SELECT staffing_agreement_projection",  # eligibility, assessed when recorded
            "INSERT staffing_cost",
            "INSERT audit_entry",
            "INSERT outbox_event",
            *postgres_only,
        ]
    ), sent
