"""Batch handlers: the runtime groups consecutive events per handler in order; `preloaded` reads rows once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from renkei_common.db import CommonBase, Database, new_metadata
from renkei_common.events.consumer import EventProcessor, Outcome, RetryPolicy
from renkei_common.events.contracts import AgreementSigned, AgreementTerminated, MunicipalityUpdated, Party
from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.handlers import BatchedHandler, EventMeta, HandlerRegistry
from renkei_common.events.projection import ProjectionColumns, apply_if_newer, preloaded
from sqlalchemy import String, event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class _Base(DeclarativeBase):
    metadata = new_metadata()


class _Row(ProjectionColumns, _Base):
    __tablename__ = "test_batch_projection"
    key: Mapped[str] = mapped_column(String(10), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))


def _signed(agreement_id: str) -> AgreementSigned:
    return AgreementSigned(
        agreement_id=agreement_id,
        agreement_version=1,
        kind="renkei_kyoyaku",
        title="協約",
        parties=[Party(code="062014", name="山形市", role="centre")],
        concluded_on=date(2024, 4, 1),
        in_force_on=date(2024, 4, 1),
    )


def _terminated(agreement_id: str) -> AgreementTerminated:
    return AgreementTerminated(
        agreement_id=agreement_id,
        agreement_version=2,
        parties=[Party(code="062014", name="山形市", role="centre")],
        terminated_on=date(2025, 3, 31),
    )


POPULATION = MunicipalityUpdated(
    code="062014", name="山形市", kind="city", prefecture_code="06", population=1, population_year=2020
)


def _envelope(payload: EventPayload, n: int, **overrides: Any) -> EventEnvelope:
    values: dict[str, Any] = {
        "id": f"00000000-0000-0000-0000-{n:012d}",
        "type": payload.type_name(),
        "source": payload.service,
        "subject": "x",
        "data": payload.model_dump(mode="json"),
        "aggregate_version": n,
        **overrides,
    }
    return EventEnvelope(**values)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
        await conn.run_sync(_Base.metadata.create_all)
    yield database
    async with database.engine.begin() as conn:
        await conn.run_sync(_Base.metadata.drop_all)
    await database.dispose()


def _recording_registry(calls: list[tuple[str, list[str]]]) -> HandlerRegistry:
    registry = HandlerRegistry()

    @registry.handles_batch(AgreementSigned, AgreementTerminated)
    async def on_agreements(events: list[tuple[Any, EventMeta]], session: AsyncSession) -> None:
        if any(e.agreement_id == "poison" for e, _ in events):
            raise RuntimeError("poison")
        calls.append(("batch", [f"{type(e).__name__}:{e.agreement_id}" for e, _ in events]))

    @registry.handles(MunicipalityUpdated)
    async def on_population(event: MunicipalityUpdated, meta: EventMeta, session: AsyncSession) -> None:
        calls.append(("one", [event.code]))

    return registry


async def test_consecutive_events_of_a_batch_handler_make_one_call_in_delivery_order(db: Database) -> None:
    calls: list[tuple[str, list[str]]] = []
    handlers = _recording_registry(calls).handlers
    signed, terminated = handlers[_signed("a").type_name()], handlers[_terminated("a").type_name()]
    # Both types of the one handler share its batch: that is what the runtime groups by.
    assert isinstance(signed, BatchedHandler) and isinstance(terminated, BatchedHandler)
    assert signed.batch is terminated.batch
    processor = EventProcessor(db=db, consumer="c", handlers=handlers)
    payloads = [_signed("a"), _terminated("a"), _signed("b"), POPULATION, _terminated("b")]
    messages = [(_envelope(p, i + 1).to_json_bytes(), "test") for i, p in enumerate(payloads)]
    assert await processor.process_batch(messages) == [Outcome.APPLIED] * 5
    # A one-event handler in between splits the group: the order of effects stays the delivery order.
    assert calls == [
        ("batch", ["AgreementSigned:a", "AgreementTerminated:a", "AgreementSigned:b"]),
        ("one", ["062014"]),
        ("batch", ["AgreementTerminated:b"]),
    ]
    # Delivered again: the inbox knows every one of them, no handler runs.
    assert await processor.process_batch(messages) == [Outcome.DUPLICATE] * 5
    assert len(calls) == 3


async def test_a_batch_handler_alone_gets_a_list_of_one(db: Database) -> None:
    calls: list[tuple[str, list[str]]] = []
    processor = EventProcessor(db=db, consumer="c", handlers=_recording_registry(calls).handlers)
    assert await processor.process(_envelope(_signed("a"), 1), origin="test") is Outcome.APPLIED
    assert calls == [("batch", ["AgreementSigned:a"])]


async def test_a_poison_event_in_a_group_is_dead_lettered_and_the_others_applied(db: Database) -> None:
    calls: list[tuple[str, list[str]]] = []
    processor = EventProcessor(
        db=db, consumer="c", handlers=_recording_registry(calls).handlers, retry=RetryPolicy(2, 0, 0)
    )
    payloads = [_signed("a"), _signed("poison"), _signed("b")]
    messages = [(_envelope(p, i + 1).to_json_bytes(), "test") for i, p in enumerate(payloads)]
    outcomes = await processor.process_batch(messages)
    assert outcomes == [Outcome.APPLIED, Outcome.DEAD_LETTERED, Outcome.APPLIED]
    assert calls == [("batch", ["AgreementSigned:a"]), ("batch", ["AgreementSigned:b"])]
    assert [letter.event_id for letter in await processor.list_dead_letters()] == [
        _envelope(payloads[1], 2).id
    ]


def _meta(version: int) -> EventMeta:
    return EventMeta(
        id=f"e-{version}",
        type="t",
        source="s",
        subject="k",
        time=datetime.now(UTC),
        aggregate_version=version,
    )


async def test_preloaded_rows_are_read_once_and_keep_the_newer_wins_rules(db: Database) -> None:
    async with db.transaction() as session:
        await apply_if_newer(session, _Row, {"key": "old"}, _meta(5), {"state": "terminated"}, tombstone=True)
        await apply_if_newer(session, _Row, {"key": "live"}, _meta(2), {"state": "signed"})
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    try:
        async with db.transaction() as session:
            async with preloaded(session, _Row, [{"key": k} for k in ("old", "live", "new")]):
                reads = len(statements)
                stale = await apply_if_newer(session, _Row, {"key": "old"}, _meta(6), {"state": "revived"})
                newer = await apply_if_newer(session, _Row, {"key": "live"}, _meta(3), {"state": "amended"})
                same = await apply_if_newer(session, _Row, {"key": "live"}, _meta(3), {"state": "again"})
                created = await apply_if_newer(session, _Row, {"key": "new"}, _meta(1), {"state": "signed"})
                # A second event of the new row in the same block finds the row the first one created.
                later = await apply_if_newer(session, _Row, {"key": "new"}, _meta(2), {"state": "amended"})
                assert len(statements) == reads  # no statement of their own inside the block
            # Outside the block, rows are read again (what it knew may no longer hold).
            assert session.info["projection_preloaded"] == {}
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", record)
    assert reads == 1 and statements[0].lstrip().upper().startswith("SELECT")
    assert (stale.applied, newer.applied, same.applied, created.applied, later.applied) == (
        False,
        True,
        False,
        True,
        True,
    )
    async with db.session() as session:
        states = {
            k: (r.state, r.aggregate_version)
            for k in ("old", "live", "new")
            if (r := await session.get(_Row, k))
        }
    assert states == {"old": ("terminated", 5), "live": ("amended", 3), "new": ("amended", 2)}
