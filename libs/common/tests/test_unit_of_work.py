"""The unit of work: org and If-Match checked before anything changes; version, audit and events together."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from enum import StrEnum

import pytest
from renkei_common.auth import Actor
from renkei_common.db import CommonBase, Database, new_metadata
from renkei_common.errors import Forbidden, NotFound, PreconditionFailed
from renkei_common.events.contracts import KpiReported
from renkei_common.models import AuditEntry, OutboxEvent
from renkei_common.persistence import Versioned, enum_column, fetch_page, id_column, load, new_id
from renkei_common.unit_of_work import unit_of_work
from renkei_common.writes import etag_for
from sqlalchemy import String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SAPPORO, HAKODATE = "011002", "012025"
MAYOR = Actor(sub="m", org=SAPPORO, roles=frozenset({"municipality"}))


class Base(DeclarativeBase):
    metadata = new_metadata()


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


class Thing(Versioned, Base):
    __tablename__ = "thing"

    id: Mapped[str] = id_column()
    owner: Mapped[str] = mapped_column(String(6))
    colour: Mapped[Colour] = enum_column(Colour, length=10)


def _event(n: int) -> KpiReported:
    return KpiReported(vision_id="v", kpi_id="k", name="n", unit="u", fiscal_year=2024, actual=float(n))


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
        await conn.run_sync(Base.metadata.create_all)
    yield database
    await database.dispose()


async def _created(db: Database) -> Thing:
    async with unit_of_work(db, MAYOR) as uow:
        thing = uow.add(Thing(id=new_id(), owner=SAPPORO, colour=Colour.RED), action="thing.created")
        uow.emit(thing, _event(1))
    return thing


async def _written(db: Database) -> tuple[list[AuditEntry], list[OutboxEvent]]:
    async with db.session() as session:
        audit = list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())
        outbox = list((await session.scalars(select(OutboxEvent).order_by(OutboxEvent.sequence))).all())
    return audit, outbox


async def _repaint(
    db: Database, thing_id: str, *, actor: Actor = MAYOR, if_match: str | None = None
) -> Thing:
    async with unit_of_work(db, actor) as uow:
        thing = await uow.load_for_change(
            Thing,
            thing_id,
            if_match=if_match,
            action="thing.repainted",
            writers=lambda t: [t.owner],
            field="path.thing_id",
            what="the owner",
        )
        thing.colour = Colour.BLUE
        uow.emit(thing, _event(2))
    return thing


async def test_a_new_aggregate_is_version_one_audited_and_announced(db: Database) -> None:
    thing = await _created(db)
    assert (thing.row_version, thing.created_by_org) == (1, SAPPORO)
    audit, outbox = await _written(db)
    assert [(a.action, a.resource_type, a.resource_id, a.before) for a in audit] == [
        ("thing.created", "thing", thing.id, None)
    ]
    assert audit[0].after is not None and audit[0].after["colour"] == "red"
    assert [(e.subject, e.aggregate_version) for e in outbox] == [(thing.id, 1)]


async def test_a_change_bumps_the_version_and_audits_before_and_after(db: Database) -> None:
    thing = await _created(db)
    changed = await _repaint(db, thing.id, if_match=etag_for(thing.id, 1))
    assert changed.row_version == 2
    audit, outbox = await _written(db)
    assert audit[-1].action == "thing.repainted"
    assert audit[-1].before is not None and audit[-1].after is not None
    assert (audit[-1].before["row_version"], audit[-1].before["colour"]) == (1, "red")
    assert (audit[-1].after["row_version"], audit[-1].after["colour"]) == (2, "blue")
    assert [(e.subject, e.aggregate_version) for e in outbox] == [(thing.id, 1), (thing.id, 2)]


async def test_a_stale_if_match_changes_nothing(db: Database) -> None:
    thing = await _created(db)
    with pytest.raises(PreconditionFailed):
        await _repaint(db, thing.id, if_match=etag_for(thing.id, 0))
    async with db.session() as session:
        stored = await load(session, Thing, thing.id, what="thing")
    assert (stored.row_version, stored.colour) == (1, Colour.RED)
    audit, outbox = await _written(db)
    assert len(audit) == 1 and len(outbox) == 1


async def test_another_org_is_refused_before_if_match_is_read(db: Database) -> None:
    thing = await _created(db)
    hakodate = Actor(sub="h", org=HAKODATE, roles=frozenset({"municipality"}))
    with pytest.raises(Forbidden) as refused:
        await _repaint(db, thing.id, actor=hakodate, if_match=etag_for(thing.id, 0))
    assert refused.value.errors is not None
    assert [(e.field, e.rule) for e in refused.value.errors] == [("path.thing_id", "acts_for_own_org")]
    assert len((await _written(db))[0]) == 1


async def test_an_error_in_the_block_rolls_everything_back(db: Database) -> None:
    thing = await _created(db)
    with pytest.raises(RuntimeError):
        async with unit_of_work(db, MAYOR) as uow:
            loaded = await uow.load(Thing, thing.id, what="thing")
            uow.change(loaded, if_match=None, action="thing.repainted")
            uow.emit(loaded, _event(3))
            raise RuntimeError("the domain refused")
    audit, outbox = await _written(db)
    assert len(audit) == 1 and len(outbox) == 1
    async with db.session() as session:
        assert (await load(session, Thing, thing.id, what="thing")).row_version == 1


async def test_an_explicit_audit_replaces_the_aggregate_view(db: Database) -> None:
    thing = await _created(db)
    async with unit_of_work(db, MAYOR) as uow:
        loaded = await uow.load(Thing, thing.id, what="thing")
        uow.change(loaded, if_match=None, action="thing.noted")
        uow.audit(loaded, after={"note": "n"})
    audit, _ = await _written(db)
    assert (audit[-1].before, audit[-1].after) == (None, {"note": "n"})


async def test_only_rows_of_the_unit_of_work_emit_events_and_missing_rows_are_404(db: Database) -> None:
    with pytest.raises(LookupError):
        async with unit_of_work(db, MAYOR) as uow:
            uow.emit(Thing(id="x", owner=SAPPORO, colour=Colour.RED), _event(4))
    with pytest.raises(NotFound, match="thing 'nope' not found"):
        await _repaint(db, "nope")


async def test_enum_columns_store_values_and_pages_follow_creation_order(db: Database) -> None:
    ids = [(await _created(db)).id for _ in range(3)]
    assert ids == sorted(ids), "UUIDv7 ids sort by creation time"
    first, cursor = await fetch_page(db, select(Thing), Thing.id, cursor=None, limit=2)
    rest, last = await fetch_page(db, select(Thing), Thing.id, cursor=cursor, limit=2)
    assert [t.id for t in first + rest] == ids and cursor == ids[1] and last is None
    async with db.session() as session:
        assert await session.scalar(select(Thing.colour).limit(1)) == Colour.RED
        raw = await session.scalar(select(Thing.__table__.c.colour.cast(String)).limit(1))
    assert raw == "red", "stored by value, not by member name"


async def test_concurrent_writers_of_one_aggregate_wait_for_each_other(db: Database) -> None:
    thing = await _created(db)

    async def repaint_slowly() -> None:
        async with unit_of_work(db, MAYOR) as uow:
            loaded = await uow.load(Thing, thing.id, what="thing")
            await asyncio.sleep(0.05)  # the other writer tries meanwhile: it must wait, not read version 1
            uow.change(loaded, if_match=None, action="thing.repainted")

    await asyncio.gather(repaint_slowly(), repaint_slowly())
    async with db.session() as session:
        assert (await load(session, Thing, thing.id, what="thing")).row_version == 3
