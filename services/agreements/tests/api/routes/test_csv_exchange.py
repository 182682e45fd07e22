"""CSV exchange of the agreements service: exports in UTF-8 with BOM and CP932, and the population import."""

from __future__ import annotations

import csv
import io

import httpx
from agreements_testkit import SENDAI, TENDO, YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.refdata import POPULATION_SOURCE
from renkei_common.testing.client import problem_fields

CSV = {"Accept": "text/csv"}
SJIS = {"Accept": "text/csv; charset=shift_jis"}
BOM = b"\xef\xbb\xbf"
IMPORT = "/v1/municipalities/population-imports?year=2025"


def rows_of(response: httpx.Response, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode(encoding), newline="")))


async def json_all(api: Driver, url: str, org: str) -> list[dict[str, object]]:
    """Every row of a JSON list, page by page."""
    data, cursor = [], None
    while True:
        sep = "&" if "?" in url else "?"
        page = (await api.call("GET", url + (f"{sep}limit=7&cursor={cursor}" if cursor else ""), org)).json()
        data += page["data"]
        if not (cursor := page["next_cursor"]):
            return data


async def test_municipalities_export_in_utf8_with_bom_japanese_headers_and_every_page(api: Driver) -> None:
    response = await api.call("GET", "/v1/municipalities?prefecture=06&limit=5", TENDO, headers=CSV)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="municipalities.csv"'
    assert response.content.startswith(BOM) and b"\r\n" in response.content
    header, *rows = rows_of(response)
    assert header[:3] == ["団体コード", "団体名", "区分"] and "人口" in header
    # `limit` sizes JSON pages only: the export holds every matching row, as all JSON pages together do.
    expected = await json_all(api, "/v1/municipalities?prefecture=06", TENDO)
    assert [r[0] for r in rows] == [m["code"] for m in expected] and len(rows) == 36
    yamagata = dict(zip(header, next(r for r in rows if r[0] == YAMAGATA), strict=True))
    assert (yamagata["団体名"], yamagata["人口"], yamagata["人口の年"]) == ("山形市", "247747", "2020")
    assert yamagata["指定等"] == "core_city;prefectural_capital"


async def test_cp932_is_chosen_by_each_of_its_labels_and_holds_the_same_text(api: Driver) -> None:
    utf8 = await api.call("GET", "/v1/municipalities?prefecture=06&flag=core_city", TENDO, headers=CSV)
    for label in ("shift_jis", "cp932", "Windows-31J", '"SHIFT_JIS"'):
        headers = {"Accept": f"text/csv; charset={label}"}
        sjis = await api.call(
            "GET", "/v1/municipalities?prefecture=06&flag=core_city", TENDO, headers=headers
        )
        assert sjis.headers["content-type"] == "text/csv; charset=Shift_JIS"
        assert not sjis.content.startswith(BOM)
        assert sjis.content.decode("cp932") == utf8.content.decode("utf-8-sig")
        assert "山形市".encode("cp932") in sjis.content


async def test_json_stays_the_default_and_an_unknown_charset_is_refused_by_rule(api: Driver) -> None:
    for accept in ("application/json", "*/*", "application/json, text/csv;q=0.5", "text/csv;q=0"):
        response = await api.call("GET", "/v1/municipalities?limit=1", TENDO, headers={"Accept": accept})
        assert response.headers["content-type"] == "application/json", accept
    # CSV preferred over JSON by quality wins.
    preferred = {"Accept": "application/json;q=0.5, text/csv"}
    response = await api.call("GET", "/v1/municipalities?prefecture=06", TENDO, headers=preferred)
    assert response.headers["content-type"].startswith("text/csv")
    refused = await api.call(
        "GET", "/v1/municipalities", TENDO, headers={"Accept": "text/csv; charset=euc-jp"}, expect=406
    )
    assert refused.json()["errors"] == [
        {"field": "header.Accept", "rule": "charset", "message": "use utf-8 or shift_jis (cp932)"}
    ]


async def test_areas_export_a_row_per_member_with_the_same_filter_and_scope_as_json(api: Driver) -> None:
    area = await api.declare()
    await api.declare(centre=SENDAI, members=())  # another area the filter leaves out
    response = await api.call("GET", f"/v1/areas?member={TENDO}", YAMAGATA, headers=CSV)
    assert response.headers["content-disposition"] == 'attachment; filename="area-members.csv"'
    header, *rows = rows_of(response)
    assert header[:3] == ["圏域ID", "圏域の種類", "圏域名"] and "構成団体コード" in header
    members = [m for a in await json_all(api, f"/v1/areas?member={TENDO}", YAMAGATA) for m in a["members"]]
    assert [(r[0], r[header.index("構成団体コード")]) for r in rows] == [
        (area["id"], m["code"]) for m in members
    ]
    assert {r[header.index("役割")] for r in rows} == {"centre", "partner"} and len(rows) == 3
    # A government outside the area reads nothing: an empty JSON page and a CSV of the header alone.
    outsider = await api.call("GET", "/v1/areas", SENDAI, headers=CSV)
    assert [r[0] for r in rows_of(outsider)[1:]] == [
        a["id"] for a in await json_all(api, "/v1/areas", SENDAI)
    ]
    assert area["id"] not in outsider.text


async def test_a_name_cp932_cannot_hold_refuses_the_cp932_export_naming_row_and_column(api: Driver) -> None:
    await api.declare()
    await api.declare(centre=SENDAI, members=(), name="𠮷田圏域")
    utf8 = await api.call("GET", "/v1/areas", "x", roles=("national",), headers=CSV)
    assert "𠮷田圏域" in utf8.content.decode("utf-8-sig")
    response = await api.call("GET", "/v1/areas", "x", roles=("national",), headers=SJIS, expect=406)
    assert response.headers["content-type"].startswith("application/problem+json")
    # Line 1 is the header and the first area has three member rows: the second area's centre is line 5.
    assert [(e["line"], e["field"], e["rule"]) for e in response.json()["errors"]] == [
        (5, "name", "cp932_unrepresentable")
    ]
    assert "U+20BB7" in response.json()["errors"][0]["message"]


async def test_agreements_export_equals_the_json_list_and_a_stranger_reads_none(api: Driver) -> None:
    await api.in_force()
    await api.draft(YAMAGATA, "062073")
    response = await api.call("GET", "/v1/agreements?status=in_force", YAMAGATA, headers=SJIS)
    header, *rows = rows_of(response, "cp932")
    assert header[:3] == ["協約ID", "種類", "名称"]
    expected = await json_all(api, "/v1/agreements?status=in_force", YAMAGATA)
    assert [r[0] for r in rows] == [a["id"] for a in expected] and len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert (row["当事者1の団体コード"], row["当事者2の団体コード"], row["施行日"]) == (
        YAMAGATA,
        TENDO,
        "2024-06-01",
    )
    stranger = await api.call("GET", "/v1/agreements", SENDAI, headers=CSV)
    assert rows_of(stranger)[1:] == [] and await json_all(api, "/v1/agreements", SENDAI) == []


async def test_an_export_round_trips_through_the_population_import_in_cp932(api: Driver) -> None:
    exported = await api.call("GET", "/v1/municipalities?prefecture=06", YAMAGATA_PREF, headers=SJIS)
    text = exported.content.decode("cp932").replace(",247747,", ",241000,")
    # The same year and source as the figures exported: only the edited row changes.
    response = await api.call(
        "POST",
        "/v1/municipalities/population-imports",
        YAMAGATA_PREF,
        params={"year": 2020, "source": POPULATION_SOURCE},
        content=text.encode("cp932"),
        headers={"Content-Type": "text/csv; charset=shift_jis"},
        expect=201,
    )
    body = response.json()
    assert (body["rows"], body["unchanged"]) == (36, 35) and body["changed"][0]["code"] == YAMAGATA
    row = (await api.call("GET", f"/v1/municipalities/{YAMAGATA}", TENDO)).json()
    assert (row["population"], row["population_year"]) == (241000, 2020)


async def test_an_import_in_utf8_with_a_bom_is_read(api: Driver) -> None:
    body = BOM + f"団体コード,人口\n{YAMAGATA},241000\n".encode()
    for content_type in ("text/csv", "text/csv; charset=utf-8"):
        headers = {"Content-Type": content_type}
        response = await api.call(
            "POST", IMPORT, "op", roles=("operator",), content=body, headers=headers, expect=201
        )
        assert response.json()["rows"] == 1


async def test_bytes_invalid_in_the_declared_charset_are_reported_per_row_and_nothing_applied(
    api: Driver,
) -> None:
    # A CP932 lead byte must be followed by a trail byte (0x40–0xFC): lines 3 and 4 break that rule.
    body = f"code,population\n{YAMAGATA},241000\n{TENDO},6\x81\n062073,\x82 1\n".encode("latin-1")
    response = await api.call(
        "POST",
        IMPORT,
        "op",
        roles=("operator",),
        content=body,
        headers={"Content-Type": "text/csv; charset=shift_jis"},
        expect=422,
    )
    assert [(e["line"], e["field"], e["rule"]) for e in response.json()["errors"]] == [
        (3, "body.line[3].population", "encoding"),
        (4, "body.line[4].population", "encoding"),
    ]
    row = (await api.call("GET", f"/v1/municipalities/{YAMAGATA}", TENDO)).json()
    assert row["population"] == 247747 and await api.events() == []


async def test_cp932_bytes_declared_as_utf8_are_refused_naming_the_column_by_its_header(api: Driver) -> None:
    body = f"団体コード,人口,備考\n{YAMAGATA},241000,山形\n".encode("cp932")
    response = await api.call(
        "POST",
        IMPORT,
        "op",
        roles=("operator",),
        content=body,
        headers={"Content-Type": "text/csv; charset=utf-8"},
        expect=422,
    )
    # The header itself is not UTF-8 either: its cells are named by position; line 2 by the header key.
    assert problem_fields(response) == [
        "body.line[1].column[1]",
        "body.line[1].column[2]",
        "body.line[1].column[3]",
        "body.line[2].column[3]",
    ]
    assert {e["rule"] for e in response.json()["errors"]} == {"encoding"}


async def test_every_bad_row_carries_its_line_and_an_unknown_charset_is_415(api: Driver) -> None:
    body = f"code,population\n{YAMAGATA},x\n{TENDO},\n062015,1\n".encode()
    response = await api.call("POST", IMPORT, "op", roles=("operator",), content=body, expect=422)
    assert [(e["line"], e["field"]) for e in response.json()["errors"]] == [
        (2, "body.line[2].population"),
        (3, "body.line[3].population"),
        (4, "body.line[4].code"),
    ]
    refused = await api.call(
        "POST",
        IMPORT,
        "op",
        roles=("operator",),
        content=body,
        headers={"Content-Type": "text/csv; charset=euc-jp"},
        expect=415,
    )
    assert problem_fields(refused) == ["header.Content-Type"]


async def test_openapi_declares_csv_on_the_exporting_lists(api: Driver) -> None:
    paths = (await api.http.get("/openapi.json")).json()["paths"]
    for path in ("/v1/municipalities", "/v1/areas", "/v1/agreements"):
        responses = paths[path]["get"]["responses"]
        assert "text/csv" in responses["200"]["content"] and "application/json" in responses["200"]["content"]
        assert "406" in responses
        assert all(p["name"] != "csv" for p in paths[path]["get"].get("parameters", []))
    upload = paths["/v1/municipalities/population-imports"]["post"]
    assert "text/csv" in upload["requestBody"]["content"] and {"413", "415", "422"} <= set(
        upload["responses"]
    )
