"""Typed handlers, subscriptions derived from them, the newer-wins projection helper and its tombstones."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest
from renkei_common import topology
from renkei_common.db import Database, new_metadata
from renkei_common.events.contracts import (
    AgreementSigned,
    AgreementTerminated,
    AllocationsRecomputed,
    MunicipalityUpdated,
    Party,
)
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.handlers import EventMeta, HandlerRegistry, InvalidPayload
from renkei_common.events.projection import ProjectionColumns, apply_if_newer
from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class _Base(DeclarativeBase):
    metadata = new_metadata()


class _Row(ProjectionColumns, _Base):
    __tablename__ = "test_projection"
    key: Mapped[str] = mapped_column(String(10), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))


SIGNED = AgreementSigned(
    agreement_id="a-1",
    agreement_version=1,
    kind="renkei_kyoyaku",
    title="協約",
    parties=[Party(code="062014", name="山形市", role="centre")],
    concluded_on=date(2024, 4, 1),
    in_force_on=date(2024, 4, 1),
)


def _envelope(payload: AgreementSigned, **overrides: object) -> EventEnvelope:
    values: dict[str, object] = {
        "type": payload.type_name(),
        "source": "agreements",
        "subject": payload.agreement_id,
        "data": payload.model_dump(mode="json"),
        "aggregate_version": 4,
        **overrides,
    }
    return EventEnvelope(**values)  # type: ignore[arg-type]


def _meta(version: int, event_id: str = "e") -> EventMeta:
    return EventMeta(
        id=f"{event_id}-{version}",
        type="t",
        source="s",
        subject="k",
        time=datetime.now(UTC),
        aggregate_version=version,
    )


async def test_a_handler_receives_the_validated_payload_and_the_envelope_metadata() -> None:
    registry = HandlerRegistry()
    seen: list[tuple[object, EventMeta]] = []

    @registry.handles(AgreementSigned)
    async def on_signed(event: AgreementSigned, meta: EventMeta, session: AsyncSession) -> None:
        seen.append((event, meta))

    envelope = _envelope(SIGNED)
    await registry.handlers[SIGNED.type_name()](envelope, None)  # type: ignore[arg-type]
    event, meta = seen[0]
    assert event == SIGNED and isinstance(event, AgreementSigned)
    assert (meta.id, meta.subject, meta.aggregate_version, meta.time) == (
        envelope.id,
        "a-1",
        4,
        envelope.time,
    )


async def test_a_payload_that_breaks_its_contract_raises_invalid_payload() -> None:
    registry = HandlerRegistry()

    @registry.handles(AgreementSigned)
    async def on_signed(event: AgreementSigned, meta: EventMeta, session: AsyncSession) -> None:
        raise AssertionError("must not be called")

    broken = _envelope(SIGNED, data={**SIGNED.model_dump(mode="json"), "in_force_on": "yesterday"})
    with pytest.raises(InvalidPayload, match="in_force_on"):
        await registry.handlers[SIGNED.type_name()](broken, None)  # type: ignore[arg-type]


def test_subscriptions_follow_the_registered_payloads() -> None:
    registry = HandlerRegistry()

    @registry.handles(AgreementSigned, AgreementTerminated)
    async def on_agreement(event: object, meta: EventMeta, session: AsyncSession) -> None: ...

    assert registry.subscriptions == ("agreements",)
    other = HandlerRegistry()

    @other.handles(AllocationsRecomputed)
    async def on_run(event: object, meta: EventMeta, session: AsyncSession) -> None: ...

    registry.include(other)
    assert registry.subscriptions == ("agreements", "finance")
    assert registry.event_types == tuple(
        sorted(
            [AgreementSigned.type_name(), AgreementTerminated.type_name(), AllocationsRecomputed.type_name()]
        )
    )


def test_two_handlers_for_one_event_type_are_refused() -> None:
    registry = HandlerRegistry()

    @registry.handles(MunicipalityUpdated)
    async def first(event: object, meta: EventMeta, session: AsyncSession) -> None: ...

    registry.handles(MunicipalityUpdated)(first)  # the same handler again is harmless
    with pytest.raises(ValueError, match="already has a handler"):

        @registry.handles(MunicipalityUpdated)
        async def second(event: object, meta: EventMeta, session: AsyncSession) -> None: ...

    with pytest.raises(TypeError):
        registry.handles()


def test_a_broken_registry_module_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    assert topology.consumer_registry("does_not_exist") is None  # no such package: consumes nothing

    def explode(name: str, *args: object, **kwargs: object) -> object:
        raise ModuleNotFoundError("No module named 'lxml'", name="lxml")

    monkeypatch.setattr(topology.importlib, "import_module", explode)
    with pytest.raises(ModuleNotFoundError):
        topology.consumer_registry("finance")  # a missing dependency inside it is not "consumes nothing"


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(_Base.metadata.create_all)
    yield database
    await database.dispose()


async def _apply(db: Database, version: int, state: str, *, tombstone: bool = False) -> bool:
    async with db.transaction() as session:
        result = await apply_if_newer(
            session, _Row, {"key": "k"}, _meta(version), {"state": state}, tombstone=tombstone
        )
        return result.applied


async def _state(db: Database) -> tuple[str, int, bool] | None:
    async with db.session() as session:
        row = await session.get(_Row, "k")
        return None if row is None else (row.state, row.aggregate_version, row.tombstone)


async def test_only_a_newer_version_changes_the_row(db: Database) -> None:
    assert await _apply(db, 2, "signed")
    assert not await _apply(db, 2, "again")  # the same version: a duplicate by another id
    assert not await _apply(db, 1, "older")
    assert await _state(db) == ("signed", 2, False)
    assert await _apply(db, 3, "amended")
    assert await _state(db) == ("amended", 3, False)


async def test_a_tombstone_delivered_first_buries_the_older_events(db: Database) -> None:
    assert await _apply(db, 5, "terminated", tombstone=True)
    assert not await _apply(db, 2, "signed")
    assert await _state(db) == ("terminated", 5, True)


async def test_a_tombstone_is_final_except_for_a_newer_tombstone(db: Database) -> None:
    await _apply(db, 5, "terminated", tombstone=True)
    assert not await _apply(db, 6, "revived")
    assert await _apply(db, 7, "terminated again", tombstone=True)
    assert await _state(db) == ("terminated again", 7, True)


async def test_an_unversioned_event_only_creates(db: Database) -> None:
    assert await _apply(db, 0, "first")
    assert not await _apply(db, 0, "second")
    assert await _state(db) == ("first", 0, False)
    assert await _apply(db, 1, "versioned")
