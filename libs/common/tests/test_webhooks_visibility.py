"""The visibility rule of ADR 0011, per role, on `GET /v1/events` and in each contract's audience."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from renkei_common.auth import Actor
from renkei_common.events.contracts import (
    CATALOGUE,
    AgreementTerminated,
    GroupDesignationRevoked,
    KpiReported,
    MunicipalityUpdated,
    Party,
)
from renkei_common.events.contracts.base import EventPayload
from renkei_common.events.envelope import EventEnvelope
from renkei_common.events.outbox import add_event
from renkei_common.events.visibility import may_see
from renkei_common.testing.client import ServiceClient

from .conftest import CommonService

SAPPORO, HAKODATE, AOMORI = "011002", "012025", "022012"
HOKKAIDO, AOMORI_PREF, TOKYO = "010006", "020001", "130001"
GROUP = "grp-7f3a"


def terminated(agreement_id: str, *codes: str) -> AgreementTerminated:
    return AgreementTerminated(
        agreement_id=agreement_id,
        agreement_version=1,
        parties=[Party(code=code, name=f"団体{code}", role="party") for code in codes],
        terminated_on=date(2026, 12, 1),
    )


def revoked() -> GroupDesignationRevoked:
    return GroupDesignationRevoked.model_validate(
        {
            "group_id": GROUP,
            "municipality_code": HAKODATE,
            "revoked_on": "2026-12-01",
            "reasons": "x",
            "notice_number": "告示第1号",
        }
    )


def kpi() -> KpiReported:
    return KpiReported(vision_id="v", kpi_id="k", name="観光客数", unit="人", fiscal_year=2025, actual=1.0)


def municipality() -> MunicipalityUpdated:
    return MunicipalityUpdated(
        code=AOMORI, name="青森市", kind="city", prefecture_code="02", population=1, population_year=2020
    )


async def seed(svc: ServiceClient) -> None:
    """Sequences 1..5: Sapporo+Hakodate, Aomori alone, a Hakodate group, a KPI, reference data."""
    payloads: list[tuple[EventPayload, str]] = [
        (terminated("A", SAPPORO, HAKODATE), "agreement/A"),
        (terminated("B", AOMORI), "agreement/B"),
        (revoked(), f"group/{GROUP}"),
        (kpi(), "vision/v"),
        (municipality(), f"municipality/{AOMORI}"),
    ]
    for payload, subject in payloads:
        async with svc.db.transaction() as session:
            await add_event(session, payload, subject=subject)


# (org, role) -> the sequences it sees
CASES = [
    (SAPPORO, "municipality", [1, 5]),  # a party; reference data
    (HAKODATE, "municipality", [1, 3, 5]),  # a party, and the subject government of the group
    (AOMORI, "municipality", [2, 5]),
    ("012033", "municipality", [5]),  # 小樽市: in 北海道, party of nothing
    (HOKKAIDO, "prefecture", [1, 3, 5]),  # its prefecture's governments
    (AOMORI_PREF, "prefecture", [2, 5]),
    (TOKYO, "prefecture", [5]),
    (GROUP, "group", [3, 5]),  # the group itself
    ("000000", "national", [1, 2, 3, 4, 5]),
    ("000000", "auditor", [1, 2, 3, 4, 5]),
    ("000000", "service", [1, 2, 3, 4, 5]),
    ("000000", "operator", [1, 2, 3, 4, 5]),
]


@pytest.mark.parametrize(("org", "role", "expected"), CASES)
async def test_feed_shows_each_role_what_it_may_see(
    common_service: CommonService, tmp_path: Path, org: str, role: str, expected: list[int]
) -> None:
    async with common_service(
        f"sqlite+aiosqlite:///{tmp_path / 'feed.db'}", service_name="agreements"
    ) as svc:
        await seed(svc)
        page = (await svc.http.get("/v1/events", headers=svc.as_(org, role))).json()
        assert [e["sequence"] for e in page["events"]] == expected
        assert page["next_after"] == 5  # past everything scanned, seen or not


async def test_pages_of_a_filtered_feed_move_on_and_end_at_the_limit(
    common_service: CommonService, database_url: str
) -> None:
    async with common_service(database_url, service_name="agreements") as svc:
        await seed(svc)
        headers = svc.as_(HAKODATE, "municipality")
        first = (await svc.http.get("/v1/events", params={"limit": 2}, headers=headers)).json()
        assert [e["sequence"] for e in first["events"]] == [1, 3] and first["next_after"] == 3
        rest = (await svc.http.get("/v1/events", params={"after": 3, "limit": 2}, headers=headers)).json()
        assert [e["sequence"] for e in rest["events"]] == [5] and rest["next_after"] == 5
        # A reader that sees nothing still moves its checkpoint on, without long-polling past new events.
        other = svc.as_("472018", "municipality")  # 那覇市
        empty = (await svc.http.get("/v1/events", params={"after": 0, "limit": 2}, headers=other)).json()
        assert empty["events"][0]["sequence"] == 5 and empty["next_after"] == 5


def test_every_contract_derives_an_audience_or_is_declared_public() -> None:
    """A contract with no 団体コード and no audience field is seen by national only: listed here."""
    national_only = {
        name
        for name, cls in CATALOGUE.items()
        if not cls.public and not cls.audience_fields and not _has_code_field(cls)
    }
    assert national_only == set()


def test_a_kpi_report_is_seen_by_its_centre_cities_and_their_prefecture() -> None:
    data = kpi().model_copy(update={"centre_codes": ["062014"]}).model_dump(mode="json")
    assert KpiReported.audience(data) == frozenset({"062014"})
    assert KpiReported.audience(kpi().model_dump(mode="json")) == frozenset()


def _has_code_field(cls: type[EventPayload]) -> bool:
    from renkei_common.events.visibility import code_paths

    return bool(code_paths(cls))


def test_the_rule_on_envelopes_matches_the_feed() -> None:
    envelope = EventEnvelope(
        type=AgreementTerminated.type_name(),
        source="agreements",
        subject="agreement/A",
        data=terminated("A", SAPPORO).model_dump(mode="json"),
    )
    assert may_see(Actor(sub="u", org=SAPPORO, roles=frozenset({"municipality"})), envelope)
    assert may_see(Actor(sub="u", org=HOKKAIDO, roles=frozenset({"prefecture"})), envelope)
    # The prefecture scope comes with the prefecture role, not with a code that looks like one.
    assert not may_see(Actor(sub="u", org=HOKKAIDO, roles=frozenset({"municipality"})), envelope)
    unknown = EventEnvelope(type="jp.renkei.agreements.Unknown.v1", source="agreements", subject="x", data={})
    assert not may_see(Actor(sub="u", org=SAPPORO, roles=frozenset({"municipality"})), unknown)
    assert may_see(Actor(sub="u", org="000000", roles=frozenset({"national"})), unknown)
