"""CSV export of dispatches: the same rows, filters and readers as the JSON list, in UTF-8 or CP932."""

from __future__ import annotations

import csv
import io

import httpx
from staffing_testkit import MIE_PREF, NARA_PREF, TENKAWA, TOTSUKAWA, Driver, agreement_event, signed

CSV = {"Accept": "text/csv"}


def rows_of(response: httpx.Response, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode(encoding), newline="")))


async def test_dispatches_export_with_the_json_filter_and_scope(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, signed("agr-nara-tenkawa", (NARA_PREF, TENKAWA)))
    forester, nurse = await api.specialist(), await api.specialist(name="佐藤 一郎")
    first = (await api.dispatch(forester["id"])).json()
    await api.dispatch(nurse["id"], TENKAWA, agreement_id="agr-nara-tenkawa")
    url = f"/v1/dispatches?receiving_code={TOTSUKAWA}"
    utf8 = await api.call("GET", url, NARA_PREF, headers=CSV)
    assert utf8.content.startswith(b"\xef\xbb\xbf")
    assert utf8.headers["content-disposition"] == 'attachment; filename="dispatches.csv"'
    header, *rows = rows_of(utf8)
    assert header[:5] == ["派遣ID", "専門人材ID", "職種コード", "派遣元団体コード", "派遣先団体コード"]
    expected = (await api.call("GET", url, NARA_PREF)).json()["data"]
    assert [r[0] for r in rows] == [d["id"] for d in expected] == [first["id"]]
    row = dict(zip(header, rows[0], strict=True))
    assert (row["派遣開始日"], row["派遣終了予定日"], row["状態"]) == ("2025-04-01", "2026-03-31", "active")
    # No personal data of the specialist: the list carries ids only, and so does the file.
    assert "山田" not in utf8.content.decode("utf-8-sig")
    sjis = await api.call("GET", url, NARA_PREF, headers={"Accept": "text/csv; charset=cp932"})
    assert sjis.content.decode("cp932") == utf8.content.decode("utf-8-sig")
    # TOTSUKAWA reads its own dispatch only; another prefecture reads none, in JSON and CSV alike.
    own = await api.call("GET", "/v1/dispatches", TOTSUKAWA, headers=CSV)
    assert [r[0] for r in rows_of(own)[1:]] == [first["id"]]
    assert (await api.call("GET", "/v1/dispatches", MIE_PREF)).json()["data"] == []
    assert rows_of(await api.call("GET", "/v1/dispatches", MIE_PREF, headers=CSV))[1:] == []
