"""The municipality registry: filters, pagination, code checks, and population imports (all or nothing)."""

from __future__ import annotations

from agreements_testkit import TENDO, YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.refdata import POPULATION_SOURCE, check_digit
from renkei_common.testing.client import problem_fields

UNKNOWN = "06999" + str(check_digit("06999"))  # well-formed, but no such government


async def test_filters_by_prefecture_kind_and_flag_with_attribution(api: Driver) -> None:
    page = (await api.call("GET", "/v1/municipalities?prefecture=06&kind=city&flag=core_city", TENDO)).json()
    assert [m["code"] for m in page["data"]] == [YAMAGATA]
    assert page["data"][0]["population"] == 247747 and page["data"][0]["population_year"] == 2020
    assert page["attribution"] == [POPULATION_SOURCE] and page["next_cursor"] is None
    # `prefecture_code` is the 2-digit prefecture code everywhere (docs/agreements.md, "Codes").
    assert page["data"][0]["prefecture_code"] == "06"


async def test_cursor_pagination_walks_every_row_once(api: Driver) -> None:
    codes, cursor = [], None
    while True:
        url = "/v1/municipalities?prefecture=06&limit=10" + (f"&cursor={cursor}" if cursor else "")
        page = (await api.call("GET", url, TENDO)).json()
        codes += [m["code"] for m in page["data"]]
        if not (cursor := page["next_cursor"]):
            break
    assert len(codes) == len(set(codes)) == 36 and codes == sorted(codes) and codes[0] == YAMAGATA_PREF


async def test_a_bad_code_names_the_check_digit_rule_and_an_unknown_one_is_404(api: Driver) -> None:
    response = await api.call("GET", "/v1/municipalities/062015", TENDO, expect=422)
    assert response.json()["errors"][0] == {
        "field": "path.code",
        "rule": "check_digit",
        "message": "invalid local-government code '062015': wrong check digit 5, expected 4",
    }
    await api.call("GET", f"/v1/municipalities/{UNKNOWN}", TENDO, expect=404)
    ok = await api.call("GET", f"/v1/municipalities/{YAMAGATA}", TENDO)
    assert ok.headers["ETag"] and ok.json()["flags"] == ["core_city", "prefectural_capital"]


async def test_an_operator_import_refreshes_populations_and_announces_each_change(api: Driver) -> None:
    await api.call("GET", f"/v1/municipalities/{YAMAGATA}", TENDO)  # now cached: the import must clear it
    csv = f"code,population\n{YAMAGATA},241000\n{TENDO},62166\n"
    response = await api.call(
        "POST",
        "/v1/municipalities/population-imports?year=2025&source=住民基本台帳",
        "operator",
        roles=("operator",),
        content=csv.encode(),
        headers={"Content-Type": "text/csv"},
        expect=201,
    )
    body = response.json()
    assert body["rows"] == 2 and body["unchanged"] == 0
    assert body["changed"][0] == {
        "code": YAMAGATA,
        "name": "山形市",
        "previous_population": 247747,
        "previous_population_year": 2020,
        "population": 241000,
    }
    row = (await api.call("GET", f"/v1/municipalities/{YAMAGATA}", TENDO)).json()
    assert (row["population"], row["population_year"], row["population_source"]) == (
        241000,
        2025,
        "住民基本台帳",
    )
    events = await api.events("MunicipalityUpdated")
    assert [e["subject"] for e in events] == [YAMAGATA, TENDO]
    assert events[0]["data"]["previous_population"] == 247747


async def test_a_bad_file_changes_nothing_and_reports_every_row(api: Driver) -> None:
    csv = f"code,population\n{YAMAGATA},1\n062015,2\n{TENDO},many\n"
    response = await api.call(
        "POST",
        "/v1/municipalities/population-imports?year=2025",
        "x",
        roles=("national",),
        content=csv,
        headers={"Content-Type": "text/csv"},
        expect=422,
    )
    assert problem_fields(response) == ["body.line[3].code", "body.line[4].population"]
    row = (await api.call("GET", f"/v1/municipalities/{YAMAGATA}", TENDO)).json()
    assert row["population"] == 247747 and await api.events() == []


async def test_figures_older_than_the_stored_ones_are_refused(api: Driver) -> None:
    response = await api.call(
        "POST",
        "/v1/municipalities/population-imports?year=2015",
        "op",
        roles=("operator",),
        content=f"code,population\n{YAMAGATA},254244\n",
        expect=422,
    )
    assert response.json()["errors"][0]["rule"] == "newer_figure_exists"
    assert problem_fields(response) == ["body.line[2].population"]


async def test_a_prefecture_imports_only_its_own_municipalities_and_a_municipality_not_at_all(
    api: Driver,
) -> None:
    own = f"code,population\n{TENDO},61000\n".encode("cp932")
    await api.call(
        "POST", "/v1/municipalities/population-imports?year=2025", YAMAGATA_PREF, content=own, expect=201
    )
    other = "code,population\n011002,1970000\n"
    response = await api.call(
        "POST", "/v1/municipalities/population-imports?year=2025", YAMAGATA_PREF, content=other, expect=403
    )
    assert problem_fields(response) == ["body.line[2].code"]
    await api.call(
        "POST", "/v1/municipalities/population-imports?year=2025", YAMAGATA, content=other, expect=403
    )
