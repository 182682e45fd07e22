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


async def test_rule_rows_cursors_runs_and_simulations_are_refused_in_japanese(finance: ServiceClient) -> None:
    national = {**finance.as_(*NATIONAL), **JA}
    # domain/rules.py through service_layer/rules.py: each broken rule of a row, by field and rule
    url = "/v1/rules/metropolitan_partner_special.fy2021"
    row = {
        "measure": "metropolitan_partner_special",
        "fy_from": 2021,
        "fy_to": 2020,
        "params": {"cap_yen": 20_000_000, "rate": "1.0"},
        "source": "総務省 通知（仮）",
        "confidence": "public",
    }
    backwards = await finance.http.put(url, json=row, headers=national)
    assert backwards.status_code == 422
    assert [(e["field"], e["rule"]) for e in backwards.json()["errors"]] == [("body.fy_to", "fy_range")]
    assert backwards.json()["detail"] == (
        "metropolitan_partner_special.fy2021: fy_to（2020年度）が fy_from より前です"
    )
    negative = {**row, "fy_to": None, "params": {"cap_yen": -1, "rate": "1.0"}}
    english = await finance.http.put(url, json=negative, headers=finance.as_(*NATIONAL))
    japanese = await finance.http.put(url, json=negative, headers=national)
    assert [(e["field"], e["rule"]) for e in japanese.json()["errors"]] == [("body.params", "param_type")]
    assert english.json()["errors"] == [
        {
            "field": "body.params",
            "rule": "param_type",
            "message": "metropolitan_partner_special.fy2021: params.cap_yen must be a non-negative integer",
        }
    ]
    assert japanese.json()["errors"][0]["message"] == (
        "metropolitan_partner_special.fy2021: params.cap_yen は0以上の整数で指定してください"
    )
    # service_layer/reads.py: a cursor this endpoint never returned, and an unknown run
    cursor = await finance.http.get("/v1/allocations", params={"cursor": "garbage"}, headers=national)
    assert cursor.status_code == 422
    assert [(e["field"], e["rule"]) for e in cursor.json()["errors"]] == [("query.cursor", "cursor")]
    assert cursor.json()["detail"] == "このエンドポイントが返したカーソルではありません"
    run = await finance.http.get("/v1/runs/nope", headers=national)
    assert run.status_code == 404 and run.json()["type"] == "urn:renkei:problem:not-found"
    assert run.json()["detail"] == "計算実行 'nope' は見つかりません"
    # api/routes/runs.py: an auditor may read runs but not start one
    auditor = await finance.http.post(
        "/v1/admin/recompute", headers={**finance.as_("000000", "auditor"), **JA}
    )
    assert auditor.status_code == 403 and auditor.json()["type"] == "urn:renkei:problem:forbidden"
    assert auditor.json()["detail"] == "監査ロールは閲覧のみ可能で、書き込みはできません"
    # domain/whatif.py through api/routes/simulations.py: a change to an area finance does not know
    unknown = {
        "fiscal_year": 2024,
        "changes": [{"kind": "leave", "area_id": "nope", "code": PARTNER, "until": "2024-03-31"}],
    }
    refused = await finance.http.post("/v1/simulations", json=unknown, headers=national)
    assert refused.status_code == 422
    assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [
        ("body.changes[0].area_id", "unknown_area")
    ]
    assert refused.json()["detail"] == "changes[0]: 圏域 'nope' は財政の投影データにありません"
