"""Finance projection of agreements: the newest aggregate version wins and a termination is a tombstone."""

from __future__ import annotations

from datetime import date

from finance_testkit import Feed
from renkei_common.events.consumer import Outcome
from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated, Party
from renkei_common.testing.client import ServiceClient
from renkei_finance.adapters.orm import AgreementPartyProjection, AgreementProjection
from sqlalchemy import select

PARTIES = [
    Party(code="062014", name="山形市", role="centre"),
    Party(code="062103", name="天童市", role="partner"),
]


def signed(version: int, title: str, *, in_force_on: date = date(2024, 4, 15)) -> AgreementSigned:
    return AgreementSigned(
        agreement_id="a-1",
        agreement_version=version,
        kind="renkei_kyoyaku",
        title=title,
        parties=PARTIES,
        concluded_on=date(2024, 4, 1),
        in_force_on=in_force_on,
    )


def amended(version: int, title: str, *, in_force_on: date) -> AgreementAmended:
    return AgreementAmended(
        **{**signed(version, title, in_force_on=in_force_on).model_dump(), "previous_version": version - 1}
    )


def terminated(version: int = 2) -> AgreementTerminated:
    return AgreementTerminated(
        agreement_id="a-1", agreement_version=version, parties=PARTIES, terminated_on=date(2026, 3, 31)
    )


async def row(client: ServiceClient) -> AgreementProjection | None:
    async with client.db.session() as session:
        return await session.get(AgreementProjection, "a-1")


async def test_newer_versions_win_and_stale_ones_are_ignored(finance: ServiceClient, feed: Feed) -> None:
    assert await feed.apply(signed(1, "初版"), version=3) is Outcome.APPLIED
    await feed.apply(amended(2, "改定", in_force_on=date(2025, 4, 1)), version=7)
    assert await feed.apply(signed(1, "初版"), version=3) is Outcome.APPLIED  # a new id: applied, no effect
    projected = await row(finance)
    assert projected is not None
    assert (projected.version, projected.title, projected.status) == (2, "改定", "in_force")
    assert projected.aggregate_version == 7
    # The amendment's own date is not when the agreement began to bind.
    assert projected.in_force_on == date(2024, 4, 15)


async def test_an_event_of_the_same_version_changes_nothing(finance: ServiceClient, feed: Feed) -> None:
    await feed.apply(signed(1, "初版"), version=3)
    await feed.apply(signed(1, "別の題"), version=3)
    projected = await row(finance)
    assert projected is not None and projected.title == "初版"


async def test_termination_sticks_when_an_older_amendment_arrives_late(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(signed(1, "初版"), version=3)
    await feed.apply(terminated(), version=9)
    await feed.apply(amended(2, "改定", in_force_on=date(2025, 4, 1)), version=7)
    projected = await row(finance)
    assert projected is not None
    assert (projected.status, projected.terminated_on, projected.tombstone) == (
        "terminated",
        date(2026, 3, 31),
        True,
    )
    assert projected.title == "初版" and projected.aggregate_version == 9


async def test_termination_delivered_before_its_signing_is_kept(finance: ServiceClient, feed: Feed) -> None:
    # Issue 8: after a dead-letter replay the termination can arrive first. Finance used to drop it, and
    # the signing then projected an agreement in force for ever.
    await feed.apply(terminated(), version=9)
    projected = await row(finance)
    assert projected is not None and projected.status == "terminated" and projected.in_force_on is None

    await feed.apply(signed(1, "初版"), version=3)
    projected = await row(finance)
    assert projected is not None
    assert (projected.status, projected.terminated_on) == ("terminated", date(2026, 3, 31))
    # The stale signing still tells finance since when the agreement bound its parties.
    assert (projected.in_force_on, projected.title, projected.kind) == (
        date(2024, 4, 15),
        "初版",
        "renkei_kyoyaku",
    )
    async with finance.db.session() as session:
        codes = set((await session.scalars(select(AgreementPartyProjection.code))).all())
    assert codes == {"062014", "062103"}


async def test_a_payload_that_breaks_its_contract_is_dead_lettered_without_retries(
    finance: ServiceClient, feed: Feed
) -> None:
    envelope = feed.envelope(signed(1, "初版"), version=1)
    broken = type(envelope)(**{**envelope.__dict__, "data": {**envelope.data, "parties": "not a list"}})
    assert await feed.processor.process(broken, origin="test") is Outcome.DEAD_LETTERED
    letters = await feed.processor.list_dead_letters()
    assert [(letter.event_id, letter.attempts) for letter in letters] == [(broken.id, 1)]
    assert "InvalidPayload" in letters[0].error and await row(finance) is None


async def test_an_unknown_event_type_is_skipped(finance: ServiceClient, feed: Feed) -> None:
    envelope = feed.envelope(signed(1, "初版"), version=1)
    unknown = type(envelope)(**{**envelope.__dict__, "type": "jp.renkei.agreements.SomethingNew.v1"})
    assert await feed.processor.process(unknown, origin="test") is Outcome.IGNORED
    assert await row(finance) is None and await feed.processor.list_dead_letters() == []
