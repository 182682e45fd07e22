"""One unit of work per write: load and lock, check the writer's org and If-Match, apply, bump, audit, emit.

    async with unit_of_work(db, actor) as uow:
        row = await uow.load_for_change(AreaRow, area_id, if_match=if_match, action="area.renamed",
                                        writers=lambda a: a.centre_codes, field="path.area_id",
                                        what="a centre of this area")
        row.name = command.name                      # apply: the domain's decision, written as it is
        uow.emit(row, AreaUpdated(...))              # subject and aggregate version come from the row
    # committed: the rows, one audit entry per changed aggregate (before/after) and the outbox rows

Statements: the root's lock, one read of the aggregate with its joined children, the writes at commit, one
audit insert per aggregate and one outbox insert per event (and PostgreSQL's outbox lock, once) — nothing
else; services pin the count of their hot writes in a test (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.interfaces import ORMOption

from renkei_common.access import ensure_acts_for_one_of
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.contracts import EventPayload
from renkei_common.events.outbox import add_event
from renkei_common.persistence import Versioned, key_of, load, now, snapshot
from renkei_common.writes import check_if_match, record_audit

R = TypeVar("R")
View = Callable[[Any], dict[str, Any]]


@dataclass
class Change:
    """One aggregate this unit of work creates or changes, audited as `action` when it commits."""

    row: Any
    action: str
    view: View
    before: dict[str, Any] | None
    # What the audit entry shows as `after`; by default the aggregate's view at commit.
    after: dict[str, Any] | None = None
    events: list[EventPayload] = field(default_factory=list)


class UnitOfWork:
    """The open transaction of one write, on behalf of `actor`."""

    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self._changes: list[Change] = []

    async def load(self, model: type[R], key: str, *, what: str, options: Sequence[ORMOption] = ()) -> R:
        """The aggregate, locked until commit (404 naming `what` if there is none)."""
        return await load(self.session, model, key, what=what, for_update=True, options=options)

    def authorise(self, writers: Iterable[str], *, field: str, what: str) -> None:
        """403 naming `field` unless the caller writes as one of `writers` (described as `what`)."""
        ensure_acts_for_one_of(self.actor, writers, field=field, what=what)

    def change(self, row: R, *, if_match: str | None, action: str, view: View = snapshot) -> R:
        """Check If-Match against the row's version (412), keep its view for the audit, bump the version."""
        versioned: Any = row  # any row with a row_version column: Versioned, or reference data
        check_if_match(if_match, resource_id=key_of(row), version=versioned.row_version)
        self._changes.append(Change(row, action, view, view(row)))
        versioned.row_version += 1
        return row

    async def load_for_change(
        self,
        model: type[R],
        key: str,
        *,
        if_match: str | None,
        action: str,
        writers: Callable[[R], Iterable[str]],
        field: str,
        what: str,
        view: View = snapshot,
        options: Sequence[ORMOption] = (),
    ) -> R:
        """The usual write: load and lock, check the writer is one of `writers(row)`, then `change`."""
        row = await self.load(model, key, what=what_of(model).replace("_", " "), options=options)
        self.authorise(writers(row), field=field, what=what)
        return self.change(row, if_match=if_match, action=action, view=view)

    def add(self, row: R, *, action: str, view: View = snapshot) -> R:
        """A new aggregate: version 1, created by the caller's org now; audited with no `before`."""
        if isinstance(row, Versioned):
            row.row_version, row.created_by_org, row.created_at = 1, self.actor.org, now()
        self.session.add(row)
        self._changes.append(Change(row, action, view, None))
        return row

    def audit(self, row: object, *, before: dict[str, Any] | None = None, after: dict[str, Any]) -> None:
        """Audit `row`'s change with these before/after views instead of the aggregate's whole view."""
        change = self._change_of(row)
        change.before, change.after = before, after

    def emit(self, row: object, payload: EventPayload) -> None:
        """Publish `payload` about `row` at commit, with its key as subject and its new version."""
        self._change_of(row).events.append(payload)

    def _change_of(self, row: object) -> Change:
        for change in self._changes:
            if change.row is row:
                return change
        raise LookupError(f"{type(row).__name__} {key_of(row)} is not part of this unit of work")

    async def _complete(self) -> None:
        # Audit entries first and events last: the outbox lock (PostgreSQL) is then held only from the
        # last statement to the commit (docs/adr/0001-outbox-sequence-order.md).
        for change in self._changes:
            await record_audit(
                self.session,
                actor=self.actor,
                action=change.action,
                resource_type=what_of(type(change.row)),
                resource_id=key_of(change.row),
                before=change.before,
                after=change.after if change.after is not None else change.view(change.row),
            )
        for change in self._changes:
            for payload in change.events:
                await add_event(
                    self.session,
                    payload,
                    subject=key_of(change.row),
                    aggregate_version=getattr(change.row, "row_version", 0),
                )


def what_of(model: type) -> str:
    """The resource type of an aggregate's rows: its table name (agreement, area, shared_service, ...)."""
    return str(model.__tablename__)  # type: ignore[attr-defined]  # every mapped class has one


@asynccontextmanager
async def unit_of_work(db: Database, actor: Actor) -> AsyncIterator[UnitOfWork]:
    """A transaction that, if the block ends without error, audits, emits and commits; else rolls back."""
    async with db.transaction() as session:
        uow = UnitOfWork(session, actor)
        yield uow
        await uow._complete()
