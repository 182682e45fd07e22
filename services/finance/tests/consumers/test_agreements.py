"""Finance projection of agreements: newer versions win, stale ones are ignored, termination sticks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from renkei_common.events.contracts import AgreementAmended, AgreementSigned, AgreementTerminated, Party
from renkei_common.events.envelope import EventEnvelope
from renkei_common.testing.client import service_client
from renkei_finance.adapters.orm import AgreementProjection
from renkei_finance.config import Settings
from renkei_finance.consumers import HANDLERS
from renkei_finance.main import create_app

PARTIES = [
    Party(code="062014", name="山形市", role="centre"),
    Party(code="062103", name="天童市", role="partner"),
]


def _envelope(payload) -> EventEnvelope:  # type: ignore[no-untyped-def]
    return EventEnvelope(
        type=payload.type_name(),
        source="agreements",
        subject=payload.agreement_id,
        data=payload.model_dump(mode="json"),
        aggregate_version=payload.agreement_version,
    )


def _signed(version: int, title: str) -> AgreementSigned:
    return AgreementSigned(
        agreement_id="a-1",
        agreement_version=version,
        kind="renkei_kyoyaku",
        title=title,
        parties=PARTIES,
        concluded_on=date(2024, 4, 1),
        in_force_on=date(2024, 4, 15),
    )


async def _apply(db, payload) -> None:  # type: ignore[no-untyped-def]
    envelope = _envelope(payload)
    async with db.transaction() as session:
        await HANDLERS[envelope.type](envelope, session)


async def _row(db) -> AgreementProjection | None:  # type: ignore[no-untyped-def]
    async with db.session() as session:
        return await session.get(AgreementProjection, "a-1")


async def test_projection_follows_versions_and_termination(database_url: str) -> None:
    async with service_client(create_app, Settings, database_url=database_url) as finance:
        await _apply(finance.db, _signed(1, "初版"))
        amended = AgreementAmended(**{**_signed(2, "改定").model_dump(), "previous_version": 1})
        await _apply(finance.db, amended)
        await _apply(finance.db, _signed(1, "初版"))  # a stale redelivery of version 1 arrives late
        row = await _row(finance.db)
        assert row is not None and (row.version, row.title, row.status) == (2, "改定", "in_force")

        await _apply(
            finance.db,
            AgreementTerminated(
                agreement_id="a-1", agreement_version=2, parties=PARTIES, terminated_on=date(2026, 3, 31)
            ),
        )
        await _apply(finance.db, _signed(2, "改定"))  # nothing revives a terminated agreement
        row = await _row(finance.db)
        assert row is not None and row.status == "terminated" and row.terminated_on == date(2026, 3, 31)

        listed = await finance.http.get(
            "/v1/projections/agreements", params={"party": "062103"}, headers=finance.as_("062103")
        )
        assert listed.status_code == 200 and listed.json()["count"] == 1
        other = await finance.http.get(
            "/v1/projections/agreements", params={"party": "011002"}, headers=finance.as_("062103")
        )
        assert other.json()["count"] == 0


async def test_termination_of_an_unknown_agreement_changes_nothing(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'f.db'}"
    async with service_client(create_app, Settings, database_url=url) as f:
        await _apply(
            f.db,
            AgreementTerminated(
                agreement_id="a-1", agreement_version=1, parties=PARTIES, terminated_on=date(2026, 3, 31)
            ),
        )
        assert await _row(f.db) is None
