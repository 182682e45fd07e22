"""Japanese problems of the finance service with Accept-Language: ja; type, rule and field stay the same."""

from __future__ import annotations

from finance_testkit import CENTRE, OUTSIDER, PARTNER
from renkei_common.testing.client import ServiceClient

JA = {"Accept-Language": "ja"}
NATIONAL = ("000000", "national")


async def test_finance_refusals_come_in_japanese_with_the_same_rules(finance: ServiceClient) -> None:
    params = {"recipient": CENTRE}
    english = await finance.http.get("/v1/allocations", params=params, headers=finance.as_(OUTSIDER))
    japanese = await finance.http.get(
        "/v1/allocations", params=params, headers={**finance.as_(OUTSIDER), **JA}
    )
    assert english.status_code == japanese.status_code == 403
    assert [(e["field"], e["rule"]) for e in japanese.json()["errors"]] == [("query.recipient", "read_scope")]
    assert english.json()["detail"] == f"organisation {OUTSIDER} may not read the finance data of {CENTRE}"
    assert japanese.json()["detail"] == f"団体 {OUTSIDER} は {CENTRE} の財政データを閲覧できません"
    assert japanese.headers["content-language"] == "ja"
    group = await finance.http.get("/v1/allocations", headers={**finance.as_(CENTRE, "group"), **JA})
    assert group.json()["errors"][0]["rule"] == "finance_reader"
    assert group.json()["detail"].startswith("財政データの閲覧には次のいずれかのロールが必要です: national、")


async def test_a_national_only_write_and_a_strict_yen_are_japanese(finance: ServiceClient) -> None:
    url = f"/v1/actuals/2024/{PARTNER}/metropolitan_partner_special"
    body = {"amount_yen": 17_500_000, "decided_on": "2025-03-20", "note": "決定通知"}
    refused = await finance.http.put(url, json=body, headers={**finance.as_(PARTNER), **JA})
    assert refused.status_code == 403 and refused.json()["errors"][0]["rule"] == "national_only"
    assert refused.json()["detail"] == "この書き込みには national ロールが必要です"
    lax = await finance.http.put(
        url, json={**body, "amount_yen": "17500000"}, headers={**finance.as_(*NATIONAL), **JA}
    )
    assert lax.status_code == 422
    assert [(e["field"], e["rule"]) for e in lax.json()["errors"]] == [("body.amount_yen", "int_type")]
    assert lax.json()["errors"][0]["message"] == "整数で指定してください"
