"""Lines, actuals, what-if and reports: each scoped to what the caller may see, money in integer yen."""

from __future__ import annotations

import csv
import io

import pytest
from finance_testkit import CENTRE, OUTSIDER, PARTNER, Feed, area_declared, signed, vision
from renkei_common.refdata import POPULATION_SOURCE
from renkei_common.testing.client import ServiceClient

NATIONAL = ("000000", "national")


@pytest.fixture
async def world(finance: ServiceClient, feed: Feed) -> None:
    await feed.apply(area_declared(), version=1)
    await feed.apply(signed(), version=1)
    await feed.apply(vision({(PARTNER, 2024): 21_400_000, (CENTRE, 2024): 50_000_000}), version=1)
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    assert await worker.run_once()


async def recipients(finance: ServiceClient, org: str, *roles: str, **params: object) -> set[str]:
    response = await finance.http.get("/v1/allocations", params=params, headers=finance.as_(org, *roles))
    assert response.status_code == 200, response.text
    return {line["recipient_code"] for line in response.json()["data"]}


@pytest.mark.usefixtures("world")
async def test_each_caller_sees_its_own_lines_and_its_areas(finance: ServiceClient) -> None:
    assert await recipients(finance, PARTNER) == {CENTRE, PARTNER}  # its area's centre too
    assert await recipients(finance, OUTSIDER) == set()
    assert await recipients(finance, "060003", "prefecture") == {CENTRE, PARTNER}
    assert await recipients(finance, "130001", "prefecture") == set()
    assert await recipients(finance, *NATIONAL) == {CENTRE, PARTNER}
    refused = await finance.http.get(
        "/v1/allocations", params={"recipient": CENTRE}, headers=finance.as_(OUTSIDER)
    )
    assert refused.status_code == 403
    assert (refused.json()["errors"][0]["field"], refused.json()["errors"][0]["rule"]) == (
        "query.recipient",
        "read_scope",
    )
    group = await finance.http.get("/v1/allocations", headers=finance.as_(CENTRE, "group"))
    assert group.status_code == 403


@pytest.mark.usefixtures("world")
async def test_a_population_line_carries_the_census_attribution(finance: ServiceClient) -> None:
    response = await finance.http.get(
        "/v1/allocations",
        params={"measure": "metropolitan_core_ordinary", "fiscal_year": 2024},
        headers=finance.as_(*NATIONAL),
    )
    (line,) = response.json()["data"]
    assert line["estimate"] and line["unconfirmed"] and line["attribution"] == POPULATION_SOURCE
    # 山形市 241,xxx + 天童市 6x,xxx from the census file, times 266.67 yen, floored.
    population = line["inputs"]["area_population"]
    assert line["amount_yen"] == population * 26667 // 100


@pytest.mark.usefixtures("world")
async def test_lines_page_with_a_cursor(finance: ServiceClient) -> None:
    headers = finance.as_(*NATIONAL)
    everything = (await finance.http.get("/v1/allocations", params={"limit": 1000}, headers=headers)).json()
    seen, cursor = [], None
    while True:
        params: dict[str, object] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await finance.http.get("/v1/allocations", params=params, headers=headers)).json()
        seen += page["data"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything["data"] and len(seen) > 3
    bad = await finance.http.get("/v1/allocations", params={"cursor": "garbage"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "query.cursor"


@pytest.mark.usefixtures("world")
async def test_actuals_beside_estimates(finance: ServiceClient) -> None:
    url = f"/v1/actuals/2024/{PARTNER}/metropolitan_partner_special"
    body = {"amount_yen": 17_500_000, "decided_on": "2025-03-20", "note": "決定通知"}
    created = await finance.http.put(url, json=body, headers=finance.as_(*NATIONAL))
    assert created.status_code == 201, created.text
    refused = await finance.http.put(url, json=body, headers=finance.as_(PARTNER))
    assert refused.status_code == 403 and refused.json()["errors"][0]["rule"] == "national_only"
    lax = await finance.http.put(url, json={**body, "amount_yen": "17500000"}, headers=finance.as_(*NATIONAL))
    assert lax.status_code == 422 and lax.json()["errors"][0]["field"] == "body.amount_yen"
    report = await finance.http.get(
        "/v1/actuals", params={"fiscal_year": 2024, "recipient": PARTNER}, headers=finance.as_(PARTNER)
    )
    rows = {r["measure"]: r for r in report.json()["data"]}
    assert rows["metropolitan_partner_special"]["estimate_yen"] == 18_000_000
    assert rows["metropolitan_partner_special"]["actual_yen"] == 17_500_000
    assert rows["metropolitan_partner_special"]["difference_yen"] == -500_000


@pytest.mark.usefixtures("world")
async def test_what_if_changes_nothing_stored(finance: ServiceClient) -> None:
    body = {
        "fiscal_year": 2024,
        "changes": [
            {
                "kind": "budget",
                "area_id": "area-1",
                "project_id": "p-1",
                "municipality_code": PARTNER,
                "fiscal_year": 2024,
                "amount_yen": 10_000_000,
                "field": "welfare",
            },
            {"kind": "population", "code": CENTRE, "population": 1_000_000},
        ],
    }
    before = (await finance.http.get("/v1/allocations", headers=finance.as_(*NATIONAL))).json()
    response = await finance.http.post("/v1/simulations", json=body, headers=finance.as_(*NATIONAL))
    assert response.status_code == 200, response.text
    lines = {(line["recipient_code"], line["measure"]): line for line in response.json()["lines"]}
    partner = lines[(PARTNER, "metropolitan_partner_special")]
    assert (partner["today_yen"], partner["amount_yen"], partner["difference_yen"]) == (
        18_000_000,
        10_000_000,
        -8_000_000,
    )
    assert lines[(CENTRE, "metropolitan_core_ordinary")]["difference_yen"] > 0
    after = (await finance.http.get("/v1/allocations", headers=finance.as_(*NATIONAL))).json()
    assert after == before

    unknown = {
        "fiscal_year": 2024,
        "changes": [{"kind": "leave", "area_id": "nope", "code": PARTNER, "until": "2024-03-31"}],
    }
    refused = await finance.http.post("/v1/simulations", json=unknown, headers=finance.as_(*NATIONAL))
    assert refused.status_code == 422
    assert (refused.json()["errors"][0]["field"], refused.json()["errors"][0]["rule"]) == (
        "body.changes[0].area_id",
        "unknown_area",
    )


@pytest.mark.usefixtures("world")
async def test_a_partner_leaving_loses_its_line_in_the_simulation(finance: ServiceClient) -> None:
    body = {
        "fiscal_year": 2025,
        "changes": [{"kind": "leave", "area_id": "area-1", "code": PARTNER, "until": "2025-03-31"}],
    }
    response = await finance.http.post("/v1/simulations", json=body, headers=finance.as_(*NATIONAL))
    partner = next(line for line in response.json()["lines"] if line["recipient_code"] == PARTNER)
    assert partner["amount_yen"] == 0 and partner["arithmetic"] == "no longer applies"


@pytest.mark.usefixtures("world")
async def test_reports_as_json_and_csv_in_utf8_with_bom_and_cp932(finance: ServiceClient) -> None:
    headers = finance.as_(*NATIONAL)
    as_json = (
        await finance.http.get("/v1/reports/recipient", params={"fiscal_year": 2024}, headers=headers)
    ).json()
    by = {(r["group_code"], r["measure"]): r for r in as_json["rows"]}
    assert by[(PARTNER, "metropolitan_partner_special")]["amount_yen"] == 18_000_000
    assert by[(PARTNER, "metropolitan_partner_special")]["group_name"] == "天童市"
    assert as_json["attribution"] == POPULATION_SOURCE
    assert as_json["total_yen"] == sum(r["amount_yen"] for r in as_json["rows"])

    utf8 = await finance.http.get(
        "/v1/reports/prefecture", params={"fiscal_year": 2024, "format": "csv"}, headers=headers
    )
    assert utf8.content.startswith(b"\xef\xbb\xbf") and "charset=utf-8" in utf8.headers["content-type"]
    rows = list(csv.reader(io.StringIO(utf8.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["年度", "区分コード", "区分名"] and rows[-1] == [POPULATION_SOURCE]
    assert {r[2] for r in rows[1:-1]} == {"山形県"}

    sjis = await finance.http.get(
        "/v1/reports/prefecture",
        params={"fiscal_year": 2024, "format": "csv", "encoding": "cp932"},
        headers=headers,
    )
    assert not sjis.content.startswith(b"\xef\xbb\xbf")
    assert sjis.content.decode("cp932") == utf8.content.decode("utf-8-sig")

    nation = (
        await finance.http.get("/v1/reports/nation", params={"fiscal_year": 2024}, headers=headers)
    ).json()
    assert nation["total_yen"] == as_json["total_yen"] and {r["group_name"] for r in nation["rows"]} == {
        "全国"
    }
    outsider = (
        await finance.http.get(
            "/v1/reports/nation", params={"fiscal_year": 2024}, headers=finance.as_(OUTSIDER)
        )
    ).json()
    assert outsider["rows"] == [] and outsider["total_yen"] == 0


@pytest.mark.usefixtures("world")
async def test_reports_as_excel(finance: ServiceClient) -> None:
    from openpyxl import load_workbook

    response = await finance.http.get(
        "/v1/reports/recipient",
        params={"fiscal_year": 2024, "format": "xlsx"},
        headers=finance.as_(*NATIONAL),
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("年度", "区分コード", "区分名") and rows[-1] == (POPULATION_SOURCE,) + (None,) * 8
    partner = next(r for r in rows if r[1] == PARTNER and r[3] == "metropolitan_partner_special")
    assert partner[6] == 18_000_000 and isinstance(partner[6], int)


@pytest.mark.usefixtures("world")
async def test_what_if_shows_only_what_the_caller_may_see(finance: ServiceClient) -> None:
    body = {"fiscal_year": 2024, "changes": [{"kind": "population", "code": CENTRE, "population": 500_000}]}

    async def recipients_of(org: str, *roles: str) -> set[str]:
        response = await finance.http.post("/v1/simulations", json=body, headers=finance.as_(org, *roles))
        assert response.status_code == 200, response.text
        return {line["recipient_code"] for line in response.json()["lines"]}

    assert await recipients_of(PARTNER) == {CENTRE, PARTNER}  # its area's lines, as /v1/allocations
    assert await recipients_of(OUTSIDER) == set()
    assert await recipients_of("060003", "prefecture") == {CENTRE, PARTNER}
    assert await recipients_of("130001", "prefecture") == set()
