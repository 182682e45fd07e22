"""The shared request hardening on the staffing API: clean text however deeply nested, strict yen and
headcounts, and timestamps that keep their UTC offset when read back (on SQLite too)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from renkei_staffing.adapters.orm import AgreementProjection
from staffing_testkit import AGREEMENT, NARA_PREF, TOTSUKAWA, Driver, agreement_event, emitted, rules, signed


def assert_utc(stamp: str) -> None:
    """An ISO 8601 timestamp with an explicit offset of zero (`Z` or `+00:00`)."""
    assert stamp.endswith(("Z", "+00:00")), stamp
    assert datetime.fromisoformat(stamp).utcoffset() == timedelta(0)


def specialist(**extra: Any) -> dict[str, Any]:
    return {
        "profession_code": "forester",
        "employer_code": NARA_PREF,
        "employed_from": "2021-04-01",
        "employed_until": "2040-03-31",
        "name": "山田 花子",
        "licences": [{"kind": "forester_certificate", "number": "LIC-0001"}],
        **extra,
    }


async def test_a_nul_in_a_nested_text_field_is_refused_by_field_and_rule(api: Driver) -> None:
    licences = [
        {"kind": "forester_certificate", "number": "LIC-0001"},
        {"kind": "nurse_licence", "number": "NUR\u00000001"},
    ]
    body = specialist(licences=licences, contact="0742\u007f")  # DEL, the last refused character
    refused = await api.call("POST", "/v1/specialists", NARA_PREF, json=body, expect=422)
    assert rules(refused) == [
        ("body.contact", "no_control_characters"),
        ("body.licences[1].number", "no_control_characters"),
    ]
    assert await emitted(api.client, "SpecialistRegistered") == []
    # TAB, LF and CR stay allowed in text: the edge of the rule.
    await api.call(
        "POST", "/v1/specialists", NARA_PREF, json=specialist(contact="奈良県\t林務課\r\n0742"), expect=201
    )


async def test_a_nul_in_an_update_s_nested_licence_is_refused(api: Driver) -> None:
    created = await api.specialist()
    url = f"/v1/specialists/{created['id']}"
    etag = (await api.call("GET", url, NARA_PREF)).headers["ETag"]
    body = {"licences": [{"kind": "forester_certificate", "number": "\u0000"}]}
    refused = await api.call("PATCH", url, NARA_PREF, json=body, headers={"If-Match": etag}, expect=422)
    assert rules(refused) == [("body.licences[0].number", "no_control_characters")]


@pytest.mark.parametrize("wrong", ["1000", "1_000", 1000.0, True])
async def test_yen_and_headcounts_must_be_json_integers(api: Driver, wrong: Any) -> None:
    recruitment = {
        "employer_code": NARA_PREF,
        "profession_code": "forester",
        "fiscal_year": 2025,
        "title": "林業職の募集",
        "headcount_sought": 2,
    }
    bad_count = await api.call(
        "POST", "/v1/recruitments", NARA_PREF, json={**recruitment, "headcount_sought": wrong}, expect=422
    )
    assert [field for field, _ in rules(bad_count)] == ["body.headcount_sought"]
    created = (await api.call("POST", "/v1/recruitments", NARA_PREF, json=recruitment, expect=201)).json()
    url = f"/v1/recruitments/{created['id']}/costs"
    refused = await api.call(
        "POST", url, NARA_PREF, json={"item": "advertising", "amount_yen": wrong}, expect=422
    )
    assert [field for field, _ in rules(refused)] == ["body.amount_yen"]
    accepted = await api.call(
        "POST", url, NARA_PREF, json={"item": "advertising", "amount_yen": 1000}, expect=201
    )
    assert accepted.json()["amount_yen"] == 1000


async def test_timestamps_read_back_keep_their_utc_offset(api: Driver) -> None:
    need = await api.need()
    assert_utc(need["created_at"])
    read = (await api.call("GET", f"/v1/needs/{need['id']}", TOTSUKAWA)).json()
    assert_utc(read["created_at"])
    assert datetime.fromisoformat(read["created_at"]) == datetime.fromisoformat(need["created_at"])


async def test_the_agreement_projection_reads_back_in_utc(api: Driver) -> None:
    # ProjectionColumns.updated_at (renkei_common.events.projection): naive on SQLite unless UTCDateTime.
    await agreement_event(api.client, signed())
    async with api.client.db.session() as session:
        projection = await session.get(AgreementProjection, AGREEMENT)
    assert projection is not None
    assert projection.updated_at.utcoffset() == timedelta(0)
