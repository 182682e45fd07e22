"""The shared request hardening on the groups API: clean text however deeply nested, strict yen, and
timestamps that keep their UTC offset when read back (on SQLite too)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from groups_testkit import GROUP, TENDO, GroupsDriver, application, member
from renkei_common.testing.client import problem_fields
from renkei_groups.adapters.orm import GroupRow


def errors(response: Any) -> list[tuple[str, str]]:
    return [(e["field"], e["rule"]) for e in response.json()["errors"]]


def assert_utc(stamp: str) -> None:
    """An ISO 8601 timestamp with an explicit offset of zero (`Z` or `+00:00`)."""
    assert stamp.endswith(("Z", "+00:00")), stamp
    assert datetime.fromisoformat(stamp).utcoffset() == timedelta(0)


async def test_a_nul_in_a_nested_text_field_is_refused_by_field_and_rule(api: GroupsDriver) -> None:
    representative = {"name": "山田太郎", "address": "天童市\u0000老野森", "contact": "023-000-0000"}
    members = [member("佐藤花子"), member("鈴木\u0000一郎", address="天童市")]
    activities = [{"code": "area_cleaning", "description": "清掃\u001f"}]  # the last C0 control
    refused = await api.call(
        "POST",
        "/v1/applications",
        GROUP,
        roles=("group",),
        json=application(representative=representative, members=members, activities=activities),
        expect=422,
    )
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert errors(refused) == [
        ("body.representative.address", "no_control_characters"),
        ("body.members[1].name", "no_control_characters"),
        ("body.activities[0].description", "no_control_characters"),
    ]
    # TAB, LF and CR stay allowed in text: the edge of the rule.
    allowed = {"code": "area_cleaning", "description": "清掃\t河川敷\r\n公園"}
    await api.draft(activities=[allowed])


async def test_a_nul_in_an_ordinance_label_is_refused(api: GroupsDriver) -> None:
    refused = await api.call(
        "POST",
        "/v1/ordinance-profiles",
        TENDO,
        json={
            "municipality_code": TENDO,
            "ordinance_title": "条例",
            "enacted_on": "2025-03-01",
            "effective_on": "2025-04-01",
            "additional_article_items": [{"code": "youth", "label": "青少年\u0000育成"}],
        },
        expect=422,
    )
    assert errors(refused) == [("body.additional_article_items[0].label", "no_control_characters")]


@pytest.mark.parametrize("amount", ["1000", "1_000", 1000.0, True])
async def test_yen_must_be_a_json_integer(api: GroupsDriver, amount: Any) -> None:
    await api.designated()
    contract = {
        "subject": "中部公園の維持管理",
        "amount_yen": amount,
        "fiscal_year": 2025,
        "start_on": "2025-07-01",
        "end_on": "2026-03-31",
        "awarded_on": "2025-06-20",
    }
    url = f"/v1/groups/{GROUP}/contracts"
    refused = await api.call("POST", url, TENDO, json=contract, expect=422)
    assert problem_fields(refused) == ["body.amount_yen"]
    lease = {
        "asset_id": "health-centre",
        "asset_name": "天童市保健センター",
        "start_on": "2025-07-01",
        "end_on": "2026-03-31",
        "rent_yen": amount,
    }
    refused_rent = await api.call("POST", f"/v1/groups/{GROUP}/leases", TENDO, json=lease, expect=422)
    assert problem_fields(refused_rent) == ["body.rent_yen"]
    assert await api.events("GroupContractAwarded") == []
    accepted = await api.call("POST", url, TENDO, json={**contract, "amount_yen": 1000}, expect=201)
    assert accepted.json()["amount_yen"] == 1000


async def test_timestamps_read_back_keep_their_utc_offset(api: GroupsDriver) -> None:
    profile = await api.enact()
    created = await api.draft()
    assert_utc(created["created_at"])
    read = (await api.call("GET", f"/v1/applications/{GROUP}", GROUP, roles=("group",))).json()
    assert_utc(read["created_at"])
    assert datetime.fromisoformat(read["created_at"]) == datetime.fromisoformat(created["created_at"])
    profile_read = (await api.call("GET", f"/v1/ordinance-profiles/{profile['id']}", TENDO)).json()
    assert_utc(profile_read["created_at"])


async def test_every_moment_column_reads_back_in_utc(api: GroupsDriver) -> None:
    # The service's own timestamp columns (moment_column), not only the shared created_at: SQLite keeps no
    # offset, so a plain DateTime(timezone=True) would read back naive there.
    await api.enact()
    await api.draft()
    await api.submit()
    await api.review()
    async with api.client.db.session() as session:
        row = await session.get(GroupRow, GROUP)
    assert row is not None and row.reviewed_at is not None
    assert row.reviewed_at.utcoffset() == timedelta(0)
    assert row.created_at.utcoffset() == timedelta(0)
