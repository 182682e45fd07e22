"""CSV export of the groups list: the designated groups a prefecture reads, in UTF-8 with BOM or CP932."""

from __future__ import annotations

import csv
import io

import httpx
from groups_testkit import HIROSHIMA_PREF, OTHER_GROUP, TENDO, YAMAGATA_PREF, GroupsDriver

CSV = {"Accept": "text/csv"}
SJIS = {"Accept": "text/csv; charset=shift_jis"}
DESIGNATED = "/v1/applications?status=designated"


def rows_of(response: httpx.Response, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode(encoding), newline="")))


async def test_a_prefecture_exports_the_designated_groups_as_the_json_lists_them(api: GroupsDriver) -> None:
    await api.designated()
    await api.draft(OTHER_GROUP, name="天童南部地区協議会")  # a draft: the filter leaves it out
    utf8 = await api.call("GET", DESIGNATED, YAMAGATA_PREF, headers=CSV)
    assert utf8.content.startswith(b"\xef\xbb\xbf")
    assert utf8.headers["content-disposition"] == 'attachment; filename="groups.csv"'
    header, *rows = rows_of(utf8)
    assert header[:4] == ["団体ID", "市町村コード", "状態", "名称"] and "指定日" in header
    expected = (await api.call("GET", DESIGNATED, YAMAGATA_PREF)).json()["data"]
    assert [r[0] for r in rows] == [g["id"] for g in expected] and len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert (row["市町村コード"], row["状態"], row["指定日"]) == (TENDO, "designated", "2025-06-01")
    assert row["構成員数"] == "4" and row["うち団体の数"] == "2"
    # Counts only: the representative's and members' personal data never leave in a file.
    assert "山田太郎" not in utf8.content.decode("utf-8-sig") and "佐藤花子" not in utf8.content.decode(
        "utf-8-sig"
    )
    sjis = await api.call("GET", DESIGNATED, YAMAGATA_PREF, headers=SJIS)
    assert sjis.content.decode("cp932") == utf8.content.decode("utf-8-sig")


async def test_another_prefecture_exports_nothing_exactly_as_its_json_shows_nothing(
    api: GroupsDriver,
) -> None:
    await api.designated()
    assert (await api.call("GET", DESIGNATED, HIROSHIMA_PREF)).json()["data"] == []
    response = await api.call("GET", DESIGNATED, HIROSHIMA_PREF, headers=CSV)
    assert len(rows_of(response)) == 1  # the header alone


async def test_openapi_declares_csv_on_the_groups_list(api: GroupsDriver) -> None:
    responses = (await api.http.get("/openapi.json")).json()["paths"]["/v1/applications"]["get"]["responses"]
    assert {"text/csv", "application/json"} <= set(responses["200"]["content"]) and "406" in responses
