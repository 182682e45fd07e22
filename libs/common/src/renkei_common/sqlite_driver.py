"""SQLite through aiosqlite with one trip to its thread per statement, instead of four.

aiosqlite runs each sqlite3 call in a thread of its own, and SQLAlchemy's adapter makes four calls per
statement: open a cursor, execute, fetch the rows, close the cursor. Each is a hand-off between the event
loop and that thread (a queue put, a wake-up, a result posted back through the loop's self-pipe), and on a
run of the finance worker those hand-offs cost more than the SQL (docs/benchmarks-finance.md: 18.5 of them
a run). This adapter does the four in one function in the thread. Everything else (the connection,
transactions, server-side cursors, errors) is SQLAlchemy's aiosqlite adapter unchanged.

It reaches into aiosqlite as SQLAlchemy's own adapter does (`Connection._execute`, `_conn`); the
versions are pinned in uv.lock, and the whole suite runs on it on SQLite.
"""

from __future__ import annotations

import collections
import sqlite3
from functools import cache
from typing import Any

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

# description, rowcount, lastrowid, rows, and whether a transaction is open after the statement
Outcome = tuple[Any, int, int | None, list[Any] | None, bool]


def _execute(connection: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> Outcome:
    """In aiosqlite's thread: the statement, its rows and its counts, on a cursor closed again."""
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else None
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows, connection.in_transaction
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose `execute` is one call in aiosqlite's thread; results are kept here."""

    __slots__ = ("_arraysize", "_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:  # no aiosqlite cursor to open
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None
        self._arraysize = 1

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    @property
    def arraysize(self) -> int:
        return self._arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._arraysize = value

    async def _async_soft_close(self) -> None:
        return None  # nothing stays open in the thread

    def close(self) -> None:
        self._rows.clear()

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        return await self._run(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        return await self._run(operation, seq_of_parameters, many=True)

    async def _run(self, operation: Any, parameters: Any, *, many: bool) -> None:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        adapted: OneTripConnection = self._adapt_connection  # type: ignore[assignment]
        async with adapted._execute_mutex:
            try:
                # `_conn` is read in the thread: it raises there, as aiosqlite does, if the connection closed.
                outcome: Outcome = await connection._execute(
                    lambda: _execute(connection._conn, operation, parameters, many)
                )
            except BaseException:
                adapted.in_transaction = True  # not known: the next rollback goes to the database
                raise
        self._description, self._rowcount, self._lastrowid, rows, adapted.in_transaction = outcome
        self._rows = collections.deque(rows) if rows is not None else collections.deque()

    def nextset(self) -> None:
        return None  # sqlite3 has a single result set

    def setinputsizes(self, *inputsizes: Any) -> None:
        return None  # sqlite3 ignores them


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """Knows from its statements whether a transaction is open, so that the rollback with which the pool
    resets every connection it gets back (after a commit, usually none is) costs no trip."""

    __slots__ = ("in_transaction",)
    _cursor_cls = OneTripCursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self.in_transaction = True  # not known yet

    def commit(self) -> None:
        super().commit()
        self.in_transaction = False

    def rollback(self) -> None:
        if self.in_transaction:
            super().rollback()
            self.in_transaction = False


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """The DBAPI module SQLAlchemy's aiosqlite dialect is given (`create_async_engine(module=...)`)."""

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        connection = self.aiosqlite.connect(*arg, **kw)
        connection._thread.daemon = True  # as SQLAlchemy's adapter: the thread never blocks an exit
        return OneTripConnection(self, await_(connection))


@cache
def one_trip_dbapi() -> OneTripDbapi:
    return OneTripDbapi(aiosqlite, sqlite3)
