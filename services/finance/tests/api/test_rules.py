"""GET /v1/rules and national's overrides: audited, versioned, refused by field and rule, and recomputed."""

from __future__ import annotations

from finance_testkit import PARTNER, Feed, area_declared, signed, vision
from renkei_common.models import AuditEntry
from renkei_common.testing.client import ServiceClient
from sqlalchemy import select

NATIONAL = ("000000", "national")
URL = "/v1/rules/metropolitan_partner_special.fy2021"
BODY = {
    "measure": "metropolitan_partner_special",
    "fy_from": 2021,
    "fy_to": None,
    "params": {"cap_yen": 20_000_000, "rate": "1.0"},
    "source": "総務省 通知（仮）",
    "confidence": "public",
}


async def test_the_table_lists_every_row_with_its_provenance(finance: ServiceClient) -> None:
    response = await finance.http.get("/v1/rules", headers=finance.as_("062014"))
    rows = {r["rule_id"]: r for r in response.json()["data"]}
    partner = rows["metropolitan_partner_special.fy2021"]
    assert partner["params"] == {"cap_yen": 18_000_000, "rate": "1.0"}
    assert (partner["origin"], partner["version"], partner["confidence"]) == ("default", 0, "seed")
    assert "soumu.go.jp" in partner["source"]
    in_2020 = await finance.http.get(
        "/v1/rules",
        params={"measure": "metropolitan_partner_special", "fiscal_year": 2020},
        headers=finance.as_("062014"),
    )
    assert [r["rule_id"] for r in in_2020.json()["data"]] == ["metropolitan_partner_special.fy2015"]


async def test_national_overrides_a_row_with_audit_version_and_recompute(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(area_declared(), version=1)
    await feed.apply(signed(), version=1)
    await feed.apply(vision({(PARTNER, 2024): 21_400_000}), version=1)
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    await worker.run_once()

    created = await finance.http.put(URL, json=BODY, headers=finance.as_(*NATIONAL))
    assert created.status_code == 201, created.text
    assert created.json()["origin"] == "national" and created.json()["version"] == 1
    etag = created.headers["ETag"]
    assert await worker.run_once()
    lines = (
        await finance.http.get(
            "/v1/allocations",
            params={"fiscal_year": 2024, "recipient": PARTNER},
            headers=finance.as_(*NATIONAL),
        )
    ).json()["data"]
    assert [line["amount_yen"] for line in lines] == [20_000_000]

    stale = await finance.http.put(URL, json=BODY, headers=finance.as_(*NATIONAL, **{"If-Match": '"stale"'}))
    assert stale.status_code == 412
    again = await finance.http.put(URL, json=BODY, headers=finance.as_(*NATIONAL, **{"If-Match": etag}))
    assert again.status_code == 200 and again.json()["version"] == 2
    async with finance.db.session() as session:
        entries = (await session.scalars(select(AuditEntry).where(AuditEntry.resource_type == "rule"))).all()
    assert [e.action for e in entries] == ["rule.put", "rule.put"]
    assert entries[0].before["params"]["cap_yen"] == 18_000_000  # type: ignore[index]
    assert entries[0].after["params"]["cap_yen"] == 20_000_000  # type: ignore[index]


async def test_only_national_changes_rules(finance: ServiceClient) -> None:
    for org, role in (("062014", "municipality"), ("060003", "prefecture"), ("000000", "auditor")):
        response = await finance.http.put(URL, json=BODY, headers=finance.as_(org, role))
        assert response.status_code == 403, role
        assert response.json()["errors"][0] == {
            "field": "token.roles",
            "rule": "national_only",
            "message": "this write needs the national role",
        }


async def test_a_row_missing_parameters_is_refused_by_field_and_rule(finance: ServiceClient) -> None:
    body = {**BODY, "params": {"rate": "1.0"}}
    response = await finance.http.put(URL, json=body, headers=finance.as_(*NATIONAL))
    assert response.status_code == 422
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
        ("body.params", "required_params")
    ]


async def test_a_row_overlapping_another_is_refused(finance: ServiceClient) -> None:
    body = {**BODY, "fy_from": 2020}  # the FY2015–FY2020 row already governs FY2020
    response = await finance.http.put("/v1/rules/partner.extra", json=body, headers=finance.as_(*NATIONAL))
    assert response.status_code == 422
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
        ("body.fy_from", "overlapping_rows")
    ]


async def test_money_in_a_rule_is_a_strict_integer(finance: ServiceClient) -> None:
    body = {**BODY, "fy_from": "2021"}
    response = await finance.http.put(URL, json=body, headers=finance.as_(*NATIONAL))
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "body.fy_from"
