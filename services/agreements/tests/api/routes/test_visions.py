"""Visions: the centre drafts and adopts them, KPIs are reported per FY and shown against their targets."""

from __future__ import annotations

from agreements_testkit import KAMINOYAMA, TENDO, YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.testing.client import problem_fields

PROJECT = {
    "name": "広域炊飯施設",
    "field": "教育",
    "role": "life_services",
    "budgets": [
        {"fiscal_year": 2024, "municipality_code": YAMAGATA, "amount_yen": 120_000_000},
        {"fiscal_year": 2024, "municipality_code": TENDO, "amount_yen": 30_000_000},
    ],
}
KPI = {
    "name": "提供食数",
    "unit": "食/日",
    "baseline_fiscal_year": 2023,
    "baseline_value": 9000,
    "targets": [{"fiscal_year": 2024, "value": 10000}, {"fiscal_year": 2025, "value": 11000}],
    "project_index": 0,
}


async def test_draft_adopt_and_report_kpis_against_targets(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO, KAMINOYAMA))
    body = {
        "area_id": area["id"],
        "first_fiscal_year": 2024,
        "last_fiscal_year": 2028,
        "projects": [PROJECT],
        "kpis": [KPI],
    }
    await api.call("POST", "/v1/visions", TENDO, json=body, expect=403)
    vision = (await api.call("POST", "/v1/visions", YAMAGATA, json=body, expect=201)).json()
    assert vision["title"] == "テスト圏域都市圏ビジョン" and vision["projects"][0]["total_yen"] == 150_000_000
    url = f"/v1/visions/{vision['id']}"
    kpi_id = vision["kpis"][0]["id"]
    early = await api.call(
        "POST",
        f"{url}/kpis/{kpi_id}/actuals",
        YAMAGATA,
        expect=409,
        json={"fiscal_year": 2024, "value": 10200, "reported_on": "2025-05-01"},
    )
    assert early.json()["errors"][0]["rule"] == "vision_not_adopted"
    revised = await api.call("PATCH", url, YAMAGATA, json={"title": "山形連携中枢都市圏ビジョン"})
    adopted = await api.call(
        "POST",
        f"{url}/adoption",
        YAMAGATA,
        json={"adopted_on": "2024-03-25"},
        headers={"If-Match": revised.headers["ETag"]},
    )
    assert adopted.json()["status"] == "adopted"
    await api.call("PATCH", url, YAMAGATA, json={"title": "x"}, expect=409)
    for value in (10200, 10350):  # a second report for the year corrects the first
        reported = await api.call(
            "POST",
            f"{url}/kpis/{kpi_id}/actuals",
            YAMAGATA,
            expect=201,
            json={"fiscal_year": 2024, "value": value, "reported_on": "2025-05-01"},
        )
    assert (reported.json()["value"], reported.json()["target"]) == (10350.0, 10000.0)
    kpi = (await api.call("GET", url, TENDO)).json()["kpis"][0]
    assert kpi["years"][:2] == [
        {"fiscal_year": 2024, "target": 10000.0, "actual": 10350.0},
        {"fiscal_year": 2025, "target": 11000.0, "actual": None},
    ]
    assert len(kpi["reports"]) == 2
    outside = await api.call(
        "POST",
        f"{url}/kpis/{kpi_id}/actuals",
        YAMAGATA,
        expect=422,
        json={"fiscal_year": 2030, "value": 1, "reported_on": "2031-05-01"},
    )
    assert problem_fields(outside) == ["body.fiscal_year"]
    [adoption] = await api.events("VisionAdopted")
    assert adoption["data"]["projects"][0]["budgets"][1] == {
        "fiscal_year": 2024,
        "municipality_code": TENDO,
        "amount_yen": 30_000_000,
    }
    reports = await api.events("KpiReported")
    assert [(e["data"]["actual"], e["data"]["target"]) for e in reports] == [
        (10200.0, 10000.0),
        (10350.0, 10000.0),
    ]
    assert {tuple(e["data"]["centre_codes"]) for e in reports} == {(YAMAGATA,)}  # who sees it (ADR 0011)
    await api.call("GET", url, YAMAGATA_PREF)
    assert [v["id"] for v in (await api.call("GET", "/v1/visions", TENDO)).json()["data"]] == [vision["id"]]


async def test_vision_rules_are_422_naming_the_field(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO,))
    project = {
        **PROJECT,
        "bond_eligibility": "industry",
        "budgets": [{"fiscal_year": 2024, "municipality_code": KAMINOYAMA, "amount_yen": 1}],
    }
    body = {"area_id": area["id"], "first_fiscal_year": 2024, "last_fiscal_year": 2028, "projects": [project]}
    response = await api.call("POST", "/v1/visions", YAMAGATA, json=body, expect=422)
    assert problem_fields(response) == [
        "body.projects[0].bond_eligibility",
        "body.projects[0].budgets[0].municipality_code",
    ]
    empty = (
        await api.call("POST", "/v1/visions", YAMAGATA, json={**body, "projects": []}, expect=201)
    ).json()
    await api.call(
        "POST", f"/v1/visions/{empty['id']}/adoption", YAMAGATA, json={"adopted_on": "2024-04-01"}, expect=422
    )
