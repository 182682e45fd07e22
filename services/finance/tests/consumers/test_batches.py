"""Agreement events applied as one consumer batch end exactly as applied one by one, in a few statements."""

from __future__ import annotations

import asyncio
import itertools
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from finance_testkit import CENTRE, PARTNER, Feed, area_declared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renkei_common.db import CommonBase, Database
from renkei_common.events.consumer import EventProcessor, Outcome, RetryPolicy
from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated, Party
from renkei_common.events.envelope import EventEnvelope
from renkei_common.testing.client import ServiceClient
from renkei_finance.adapters.orm import AgreementPartyProjection, AgreementProjection, Base, DirtyCell
from renkei_finance.consumers import REGISTRY
from renkei_finance.service_layer.recompute import consistency, recompute
from sqlalchemy import event, select

CODES = [CENTRE, PARTNER, "062057", "062073"]
IDS = ["ag-0", "ag-1"]


def _parties(partners: list[str]) -> list[Party]:
    return [
        Party(code=CENTRE, name="山形市", role="centre"),
        *(Party(code=c, name=c, role="partner") for c in partners),
    ]


partners = st.lists(st.sampled_from(CODES[1:]), min_size=1, max_size=3)
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31))
versions = st.integers(min_value=0, max_value=5)  # 0: an event without a version (only ever creates)
in_force = st.builds(
    lambda cls, agreement_id, parties, day, version: (
        cls(
            agreement_id=agreement_id,
            agreement_version=max(version, 1),
            kind="renkei_kyoyaku",
            title=f"協約 第{version}版",
            parties=_parties(parties),
            concluded_on=day,
            in_force_on=day,
            **({"previous_version": max(version - 1, 0)} if cls is AgreementAmended else {}),
        ),
        version,
    ),
    st.sampled_from([AgreementSigned, AgreementAmended]),
    st.sampled_from(IDS),
    partners,
    days,
    versions,
)
terminations = st.builds(
    lambda agreement_id, parties, day, version: (
        AgreementTerminated(
            agreement_id=agreement_id,
            agreement_version=max(version, 1),
            parties=_parties(parties),
            terminated_on=day,
        ),
        version,
    ),
    st.sampled_from(IDS),
    partners,
    days,
    versions,
)
# An area event has its own (one-event) handler: between agreement events it splits their group.
areas = st.builds(lambda version: (area_declared("area-1"), version), versions)
scripts = st.lists(st.one_of(in_force, terminations, areas), min_size=1, max_size=12)


def _envelopes(script: list[Any]) -> list[EventEnvelope]:
    ids = itertools.count(1)
    return [
        EventEnvelope(
            id=f"00000000-0000-0000-0000-{next(ids):012d}",
            type=payload.type_name(),
            source=payload.service,
            subject=getattr(payload, "agreement_id", None) or payload.area_id,
            data=payload.model_dump(mode="json"),
            aggregate_version=version,
        )
        for payload, version in script
    ]


async def _state(db: Database) -> dict[str, Any]:
    async with db.session() as session:
        rows = (
            await session.scalars(select(AgreementProjection).order_by(AgreementProjection.agreement_id))
        ).all()
        parties = (
            await session.execute(
                select(
                    AgreementPartyProjection.agreement_id,
                    AgreementPartyProjection.code,
                    AgreementPartyProjection.role,
                )
            )
        ).all()
        marks = (
            await session.execute(select(DirtyCell.fiscal_year, DirtyCell.recipient_code, DirtyCell.event_id))
        ).all()
    columns = [c.key for c in AgreementProjection.__table__.columns if c.key != "updated_at"]
    return {
        "rows": [{c: getattr(r, c) for c in columns} for r in rows],
        "parties": sorted(tuple(p) for p in parties),
        "marks": sorted(tuple(m) for m in marks),
    }


async def _run(
    url: str, envelopes: list[EventEnvelope], chunk: int | None
) -> tuple[dict[str, Any], list[Any]]:
    """chunk None: one by one (`process`); else batches of `chunk` messages (`process_batch`)."""
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(CommonBase.metadata.create_all)
            await conn.run_sync(Base.metadata.create_all)
        processor = EventProcessor(
            db=db, consumer="finance", handlers=REGISTRY.handlers, retry=RetryPolicy(1, 0, 0)
        )
        if chunk is None:
            outcomes = [await processor.process(e, origin="test") for e in envelopes]
        else:
            outcomes = []
            for i in range(0, len(envelopes), chunk):
                part = envelopes[i : i + chunk]
                outcomes += await processor.process_batch([(e.to_json_bytes(), "test") for e in part])
        assert processor.counts[Outcome.DEAD_LETTERED] == 0
        state = await _state(db)  # before the run, which takes the dirty marks
        await recompute(db, fiscal_years=[2024, 2025, 2026])
        assert await consistency(db, fiscal_years=[2024, 2025, 2026]) == []
        return state, outcomes
    finally:
        await db.dispose()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=scripts, chunk=st.integers(min_value=2, max_value=12))
def test_a_batch_ends_as_the_same_events_applied_one_by_one(script: list[Any], chunk: int) -> None:
    # Same versions, stale and version-0 events, tombstones, several events of one agreement per batch.
    envelopes = _envelopes(script)
    with tempfile.TemporaryDirectory() as directory:
        single = asyncio.run(_run(f"sqlite+aiosqlite:///{Path(directory) / 'one.db'}", envelopes, None))
        batched = asyncio.run(_run(f"sqlite+aiosqlite:///{Path(directory) / 'batch.db'}", envelopes, chunk))
    assert batched == single


def _amendments(n: int, start: int) -> list[EventEnvelope]:
    script = [
        (
            AgreementAmended(
                agreement_id=f"ag-{i % 7}",
                agreement_version=start + i,
                kind="renkei_kyoyaku",
                title="協約",
                parties=_parties([CODES[1 + i % 3]]),
                concluded_on=date(2024, 4, 1),
                in_force_on=date(2024, 4, 1),
                previous_version=start + i - 1,
            ),
            start + i,
        )
        for i in range(n)
    ]
    envelopes = _envelopes(script)
    # Distinct event ids across calls: the inbox would take a repeated id for a duplicate.
    return [EventEnvelope(**{**e.__dict__, "id": f"{start:08d}-{e.id[9:]}"}) for e in envelopes]


async def test_a_batch_of_5_or_50_agreement_events_costs_at_most_10_statements(
    finance: ServiceClient,
) -> None:
    processor = EventProcessor(db=finance.db, consumer="finance", handlers=REGISTRY.handlers)
    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    event.listen(finance.db.engine.sync_engine, "before_cursor_execute", count)
    try:
        counts = []
        for n, start in ((5, 100), (50, 1000)):
            before = statements
            messages = [(e.to_json_bytes(), "test") for e in _amendments(n, start)]
            assert set(await processor.process_batch(messages)) == {Outcome.APPLIED}
            counts.append(statements - before)
    finally:
        event.remove(finance.db.engine.sync_engine, "before_cursor_execute", count)
    # inbox read and insert, projection rows read, parties read, inserts of new rows, one UPDATE per set of
    # changed columns, parties delete and insert, dirty marks insert: 8 for new rows, 10 here for 50 events
    # (one by one it was 4-5 per event).
    assert counts[0] <= 10 and counts[1] <= 10, counts
    async with finance.db.session() as session:
        row = await session.get(AgreementProjection, "ag-0")
        assert row is not None and row.aggregate_version == 1000 + 49  # the last amendment of ag-0 (i = 49)


async def test_a_poison_event_in_a_batch_is_dead_lettered_and_the_rest_applied(
    finance: ServiceClient, feed: Feed
) -> None:
    good = _amendments(3, 10)
    broken = EventEnvelope(**{**good[1].__dict__, "data": {**good[1].data, "parties": "not a list"}})
    messages = [(e.to_json_bytes(), "test") for e in (good[0], broken, good[2])]
    outcomes = await feed.processor.process_batch(messages)
    assert outcomes == [Outcome.APPLIED, Outcome.DEAD_LETTERED, Outcome.APPLIED]
    async with finance.db.session() as session:
        versions = dict(
            (
                await session.execute(
                    select(AgreementProjection.agreement_id, AgreementProjection.aggregate_version)
                )
            ).all()
        )
        parties = (
            await session.scalars(
                select(AgreementPartyProjection.code).where(AgreementPartyProjection.agreement_id == "ag-2")
            )
        ).all()
    assert versions == {"ag-0": 10, "ag-2": 12}
    assert sorted(parties) == sorted({CENTRE, CODES[3]})
