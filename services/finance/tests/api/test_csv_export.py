"""CSV exports of finance: allocation lines by `Accept: text/csv`, and reports by Accept as by `format`."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from finance_testkit import CENTRE, OUTSIDER, PARTNER, Feed, area_declared, signed, vision
from renkei_common.refdata import POPULATION_SOURCE
from renkei_common.testing.client import ServiceClient

NATIONAL = ("000000", "national")
CSV = {"Accept": "text/csv"}


def rows_of(response: httpx.Response, encoding: str = "utf-8-sig") -> list[list[str]]:
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.content.decode(encoding), newline="")))


@pytest.fixture
async def world(finance: ServiceClient, feed: Feed) -> None:
    await feed.apply(area_declared(), version=1)
    await feed.apply(signed(), version=1)
    await feed.apply(vision({(PARTNER, 2024): 21_400_000, (CENTRE, 2024): 50_000_000}), version=1)
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    assert await worker.run_once()


@pytest.mark.usefixtures("world")
async def test_allocation_lines_export_every_line_the_json_shows_in_yen(finance: ServiceClient) -> None:
    params = {"fiscal_year": 2024, "limit": 1}
    exported = await finance.http.get("/v1/allocations", params=params, headers=finance.as_(PARTNER, **CSV))
    assert exported.content.startswith(b"\xef\xbb\xbf")
    assert exported.headers["content-disposition"] == 'attachment; filename="allocations.csv"'
    header, *rows = rows_of(exported)
    assert header[:6] == ["年度", "団体コード", "措置", "措置名", "区分キー", "金額（円）"]
    lines, cursor = [], None
    while True:  # every JSON page, one line each
        page = await finance.http.get(
            "/v1/allocations",
            params={**params, **({"cursor": cursor} if cursor else {})},
            headers=finance.as_(PARTNER),
        )
        lines += page.json()["data"]
        if not (cursor := page.json()["next_cursor"]):
            break
    assert len(rows) == len(lines) > 1
    assert [(r[1], r[2], int(r[5])) for r in rows] == [
        (line["recipient_code"], line["measure"], line["amount_yen"]) for line in lines
    ]
    partner = next(r for r in rows if r[1] == PARTNER and r[2] == "metropolitan_partner_special")
    assert partner[5] == "18000000" and partner[3] == "特別交付税（連携市町村）"
    sjis = await finance.http.get(
        "/v1/allocations",
        params=params,
        headers=finance.as_(PARTNER, Accept="text/csv; charset=windows-31j"),
    )
    assert sjis.content.decode("cp932") == exported.content.decode("utf-8-sig")


@pytest.mark.usefixtures("world")
async def test_the_export_refuses_and_scopes_exactly_as_the_json(finance: ServiceClient) -> None:
    outsider = await finance.http.get("/v1/allocations", headers=finance.as_(OUTSIDER, **CSV))
    assert rows_of(outsider)[1:] == []
    refused = await finance.http.get(
        "/v1/allocations", params={"recipient": CENTRE}, headers=finance.as_(OUTSIDER, **CSV)
    )
    assert refused.status_code == 403
    assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [("query.recipient", "read_scope")]
    group = await finance.http.get("/v1/allocations", headers=finance.as_(CENTRE, "group", **CSV))
    assert group.status_code == 403


@pytest.mark.usefixtures("world")
async def test_a_report_answers_accept_text_csv_like_format_csv(finance: ServiceClient) -> None:
    params = {"fiscal_year": 2024}
    by_format = await finance.http.get(
        "/v1/reports/recipient", params={**params, "format": "csv"}, headers=finance.as_(*NATIONAL)
    )
    by_accept = await finance.http.get(
        "/v1/reports/recipient", params=params, headers=finance.as_(*NATIONAL, **CSV)
    )
    assert by_accept.content == by_format.content and rows_of(by_accept)[-1] == [POPULATION_SOURCE]
    sjis = await finance.http.get(
        "/v1/reports/recipient",
        params=params,
        headers=finance.as_(*NATIONAL, Accept="text/csv; charset=shift_jis"),
    )
    assert sjis.headers["content-type"] == "text/csv; charset=Shift_JIS"
    assert sjis.content.decode("cp932") == by_format.content.decode("utf-8-sig")


async def test_openapi_declares_csv_on_lines_and_reports(finance: ServiceClient) -> None:
    paths = (await finance.http.get("/openapi.json")).json()["paths"]
    for path in ("/v1/allocations", "/v1/reports/{level}"):
        assert "text/csv" in paths[path]["get"]["responses"]["200"]["content"]
