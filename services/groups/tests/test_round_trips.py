"""Database round trips of a write with its event: the unit of work sends no more than the work needs.

Counted with SQLAlchemy's `before_cursor_execute` (BEGIN and COMMIT are not statements). A locked load
takes a row lock on PostgreSQL and the write lock (BEGIN IMMEDIATE) on SQLite; PostgreSQL adds the outbox's
advisory lock (docs/adr/0001-outbox-sequence-order.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from groups_testkit import GROUP, TENDO, GroupsDriver
from sqlalchemy import event
from sqlalchemy.engine import Engine


@contextmanager
def statements(api: GroupsDriver) -> Iterator[list[str]]:
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


async def test_a_support_grant_with_its_event_takes_five_statements_plus_postgres_locks(
    api: GroupsDriver,
) -> None:
    await api.designated()
    body = {"kind": "grant", "fiscal_year": 2025, "purpose": "p", "granted_on": "2025-07-01", "amount_yen": 1}
    with statements(api) as sent:
        await api.call("POST", f"/v1/groups/{GROUP}/supports", TENDO, json=body, expect=201)
    # The lock on the group: its row (PostgreSQL, apart from its load) or the write lock (SQLite's BEGIN
    # IMMEDIATE); PostgreSQL adds the outbox's advisory lock. The order of the INSERTs is the ORM's flush
    # order, so the statements are compared as a multiset.
    locks = ["SELECT community_group", "SELECT "] if api.client.db.is_postgres else ["BEGIN "]
    assert Counter(sent) == Counter(
        [
            "SELECT community_group",  # the group, read for the change
            "INSERT group_support",
            "INSERT audit_entry",
            "INSERT outbox_event",
            "UPDATE community_group",  # the version bump that guards against a lost update
            *locks,
        ]
    ), sent
