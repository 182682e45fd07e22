"""Japanese for the people who read the answers: problems and requirement warnings with Accept-Language: ja.

The machine parts (type, rule, field, status) are the same in both languages; English stays the default.
"""

from __future__ import annotations

from typing import Any

import pytest
from agreements_testkit import HIGASHINE, KAMINOYAMA, TENDO, YAMAGATA, YAMAGATA_PREF, YAMANOBE, Driver
from renkei_agreements.api.routes.municipalities import MAX_CSV_BYTES, _read_limited
from renkei_common.errors import ProblemError
from renkei_common.refdata import check_digit
from starlette.requests import Request

JA = {"Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5"}
CSV = {"Content-Type": "text/csv"}
UNKNOWN = "06999" + str(check_digit("06999"))  # well-formed, but no such government


def machine_parts(problem: dict[str, Any]) -> tuple[Any, ...]:
    errors = [(e["field"], e["rule"]) for e in problem.get("errors") or []]
    return problem["type"], problem["status"], errors


async def both(
    api: Driver, method: str, url: str, org: str, *, expect: int, **kwargs: Any
) -> tuple[Any, Any]:
    """The same request in English (no header) and in Japanese."""
    headers = kwargs.pop("headers", {})
    english = await api.call(method, url, org, expect=expect, headers=headers, **kwargs)
    japanese = await api.call(method, url, org, expect=expect, headers={**headers, **JA}, **kwargs)
    assert english.headers["content-language"] == "en"
    assert japanese.headers["content-language"] == "ja"
    assert machine_parts(english.json()) == machine_parts(japanese.json())
    return english.json(), japanese.json()


SETTLEMENT = {
    "area_type": "settlement",
    "name": "東根定住自立圏",
    "declared_on": "2024-04-01",
    "centres": [{"code": HIGASHINE, "day_night_ratio": "0.98"}],
    "members": [{"code": YAMANOBE}],
}


async def test_requirement_warnings_come_in_the_language_asked_for(api: Driver) -> None:
    created = await api.call("POST", "/v1/areas", HIGASHINE, json=SETTLEMENT, expect=201, headers=JA)
    assert created.headers["content-language"] == "ja"
    warnings = {w["rule"]: w["message"] for w in created.json()["warnings"]}
    assert warnings["settlement.day_night_ratio"] == "東根市の昼夜間人口比率は0.98で、目安の1を下回っています"
    population = warnings["settlement.centre_population_guideline"]
    assert population.startswith("東根市の人口（") and "人で、目安の50,000人を下回っています" in population
    assert "指定されていないため" in warnings["settlement.partner_commuting_share"]
    url = f"/v1/areas/{created.json()['id']}"
    # The stored warnings are rendered again for each reader, in the reader's language.
    english = (await api.call("GET", url, YAMANOBE)).json()["warnings"]
    japanese = (await api.call("GET", url, YAMANOBE, headers=JA)).json()["warnings"]
    assert [w["rule"] for w in english] == [w["rule"] for w in japanese] == list(warnings)
    assert english[0]["message"] == "the daytime/night-time ratio of 東根市 is 0.98, below the guideline of 1"
    assert [w["message"] for w in japanese] == list(warnings.values())
    assert [w["field"] for w in english] == [w["field"] for w in japanese]
    [event] = await api.events("AreaDeclared")
    assert event["data"]["warnings"][0]["message"] == english[0]["message"]  # events stay English


async def test_a_blocking_rule_is_a_japanese_422_naming_the_same_rule(api: Driver) -> None:
    town = {**SETTLEMENT, "area_type": "metropolitan", "centres": [{"code": YAMANOBE}], "members": []}
    english, japanese = await both(api, "POST", "/v1/areas", YAMANOBE, json=town, expect=422)
    assert english["errors"][0]["rule"] == "metropolitan.centre_is_city"
    assert japanese["errors"][0]["message"] == "山辺町は町です。中心となれるのは市だけです"
    assert english["errors"][0]["message"] == "山辺町 is a town; only a 市 can be the centre"
    assert japanese["title"] == "入力内容が規則に反しています"


async def test_request_validation_is_japanese_by_error_type(api: Driver) -> None:
    body = {**SETTLEMENT, "name": ""}
    body.pop("declared_on")
    english, japanese = await both(api, "POST", "/v1/areas", HIGASHINE, json=body, expect=422)
    messages = {e["field"]: e["message"] for e in japanese["errors"]}
    assert messages["body.declared_on"] == "必須項目です"
    assert messages["body.name"] == "1文字以上で指定してください"
    assert {e["field"]: e["message"] for e in english["errors"]}["body.declared_on"] == "Field required"


async def test_401_403_and_404_are_japanese(api: Driver) -> None:
    anonymous = await api.http.get("/v1/areas", headers=JA)
    assert anonymous.status_code == 401 and anonymous.json()["title"] == "認証が必要です"
    body = {**SETTLEMENT, "area_type": "metropolitan", "centres": [{"code": YAMAGATA}], "members": []}
    english, japanese = await both(api, "POST", "/v1/areas", TENDO, json=body, expect=403)
    assert japanese["detail"] == f"団体 {TENDO} はこの圏域の中心市（{YAMAGATA}）ではありません"
    assert english["detail"] == f"organisation {TENDO} is not a centre of this area ({YAMAGATA})"
    english, japanese = await both(api, "GET", "/v1/areas/nope", YAMAGATA, expect=404)
    assert japanese["detail"] == "圏域 'nope' は見つかりません"
    assert japanese["title"] == "見つかりません" and english["title"] == "Not Found"


async def test_a_409_out_of_order_step_is_japanese(api: Driver) -> None:
    draft = await api.draft()
    await api.step(draft["id"], "consultation", YAMAGATA)
    await api.step(draft["id"], "council_resolution", YAMAGATA)
    english = (await api.step(draft["id"], "conclusion", YAMAGATA, expect=409)).json()
    japanese = (await api.step(draft["id"], "conclusion", YAMAGATA, expect=409, headers=JA)).json()
    assert machine_parts(english) == machine_parts(japanese)
    assert f"council_resolution of {TENDO}" in english["detail"]
    assert japanese["detail"].endswith("を記録することはできません")
    assert japanese["missing"] == english["missing"]  # extension members are data, not text


async def test_a_412_on_a_stale_etag_is_japanese(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO,))
    url = f"/v1/areas/{area['id']}/members"
    etag = (await api.call("GET", f"/v1/areas/{area['id']}", YAMAGATA)).headers["ETag"]
    member = {"code": KAMINOYAMA, "since": "2025-04-01"}
    await api.call("POST", url, YAMAGATA, json=member, headers={"If-Match": etag}, expect=201)
    stale = {"If-Match": etag}
    again = {**member, "since": "2026-04-01"}
    english, japanese = await both(api, "POST", url, YAMAGATA, json=again, headers=stale, expect=412)
    assert japanese["title"] == "前提条件が満たされていません"
    assert "が現在の ETag" in japanese["detail"] and "does not match the current ETag" in english["detail"]


async def test_a_413_is_japanese(api: Driver) -> None:
    huge = b'{"name": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    headers = {**api.as_(YAMAGATA), **JA, "Content-Type": "application/json"}
    response = await api.http.post("/v1/areas", content=huge, headers=headers)
    assert response.status_code == 413
    assert response.json()["detail"].startswith("リクエスト本文が上限の")
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [("body", "max_bytes")]


# --- cost sharing, shared services and population imports (keyed since issue 12 part 5) ---------------


async def shared_service(api: Driver) -> str:
    body = {
        "name": "広域ごみ処理施設",
        "category": "facility",
        "lead_code": YAMAGATA,
        "members": [YAMAGATA, TENDO],
    }
    service = (await api.call("POST", "/v1/shared-services", YAMAGATA, json=body, expect=201)).json()
    consent = {"consented_on": "2025-01-10"}
    await api.call("POST", f"/v1/shared-services/{service['id']}/consents", TENDO, json=consent)
    return str(service["id"])


SHARING = {
    "cost_yen": 1_000_000,
    "weights": {"equal": "0.5", "population": "0.5", "usage": "0"},
    "members": [{"code": YAMAGATA}, {"code": TENDO}],
    "remainder_to": YAMAGATA,
    "agreed_on": "2025-03-20",
}


async def test_cost_sharing_refusals_are_japanese_with_the_same_fields_and_rules(api: Driver) -> None:
    url = f"/v1/shared-services/{await shared_service(api)}/cost-sharings"
    # domain/cost_sharing.py: the weights' sum, and a missing figure named in the words of a 規約
    uneven = {**SHARING, "weights": {"equal": "0.2", "population": "0.6", "usage": "0.3"}}
    english, japanese = await both(api, "PUT", f"{url}/2025", YAMAGATA, json=uneven, expect=422)
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [("body.weights", "weights_sum_to_one")]
    assert english["errors"][0]["message"] == "the weights sum to 1.1, not 1: 0.2 + 0.6 + 0.3"
    assert japanese["errors"][0]["message"] == "重みの合計が1ではなく1.1です（0.2 + 0.6 + 0.3）"
    by_usage = {**SHARING, "weights": {"equal": "0.5", "population": "0", "usage": "0.5"}}
    english, japanese = await both(api, "PUT", f"{url}/2025", YAMAGATA, json=by_usage, expect=422)
    assert [e["rule"] for e in japanese["errors"]] == ["usage_required", "usage_required"]
    assert english["errors"][0]["message"] == f"{YAMAGATA} has no usage figure"
    assert japanese["errors"][0]["message"] == f"{YAMAGATA} の利用量の数値がありません"
    # domain/cost_formula.py: a schedule with a gap between its periods
    gap = {
        **{k: v for k, v in SHARING.items() if k not in ("cost_yen", "weights")},
        "classes": [
            {
                "cost_class": "construction",
                "cost_yen": 1_000_000,
                "schedule": [
                    {"to_fy": 2025, "weights": {"equal": "1"}},
                    {"from_fy": 2027, "weights": {"equal": "1"}},
                ],
            }
        ],
    }
    english, japanese = await both(api, "PUT", f"{url}/2025", YAMAGATA, json=gap, expect=422)
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [
        ("body.classes[0].schedule[1].from_fy", "schedule_no_gap")
    ]
    assert english["errors"][0]["message"] == "FY2026 to FY2026 have no weights"
    assert japanese["errors"][0]["message"] == "2026年度から2026年度までの重みがありません"
    # service_layer/cost_sharings.py: two formulas at once, and a year with no sharing
    both_shapes = {**gap, "cost_yen": 1_000_000}
    english, japanese = await both(api, "PUT", f"{url}/2025", YAMAGATA, json=both_shapes, expect=422)
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [("body.classes", "one_formula")]
    assert japanese["errors"][0]["message"].startswith("classes か、cost_yen と weights の組か")
    english, japanese = await both(api, "GET", f"{url}/2030", TENDO, expect=404)
    assert english["detail"] == "no cost sharing of FY2030 for this shared service"
    assert japanese["detail"] == "この共同事業の2030年度の費用分担はありません"
    # service_layer/shared_services.py: a member left out of the sharing
    alone = {**SHARING, "members": [{"code": YAMAGATA}]}
    english, japanese = await both(api, "PUT", f"{url}/2025", YAMAGATA, json=alone, expect=422)
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [("body.members", "every_member")]
    assert english["errors"][0]["message"] == f"missing members: {TENDO}"
    assert japanese["errors"][0]["message"] == f"構成団体 {TENDO} が指定されていません"


async def test_registering_a_shared_service_names_its_faults_in_japanese(api: Driver) -> None:
    body = {
        "name": "広域ごみ処理施設",
        "category": "facility",
        "lead_code": YAMAGATA,
        "members": [TENDO, TENDO],
        "area_id": "nope",
    }
    english, japanese = await both(api, "POST", "/v1/shared-services", YAMAGATA, json=body, expect=422)
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [
        ("body.members", "distinct"),
        ("body.lead_code", "member"),
        ("body.area_id", "exists"),
    ]
    assert [e["message"] for e in japanese["errors"]] == [
        "構成団体はそれぞれ1回だけ指定してください",
        "幹事団体は構成団体のいずれかでなければなりません",
        "圏域 'nope' はありません",
    ]
    assert english["errors"][2]["message"] == "no area 'nope'"


IMPORTS = "/v1/municipalities/population-imports?year=2025"


async def test_population_import_refusals_are_japanese_with_the_same_fields_and_rules(api: Driver) -> None:
    # domain/population_import.py: a cell that is not a number of people; large numbers grouped as 人
    bad = f"code,population\n{YAMAGATA},many\n{TENDO},60000001\n".encode()
    english, japanese = await both(
        api, "POST", IMPORTS, "op", roles=("operator",), content=bad, headers=CSV, expect=422
    )
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [
        ("body.line[2].population", "non_negative_integer"),
        ("body.line[3].population", "at_most"),
    ]
    assert english["errors"][0]["message"] == "line 2: population 'many' is not a whole number of people"
    assert japanese["errors"][0]["message"] == "2行目: 人口 'many' が人数を表す整数ではありません"
    assert english["errors"][1]["message"] == "line 3: population 60000001 exceeds 50000000"
    assert japanese["errors"][1]["message"] == "3行目: 人口 60,000,001人 が上限の50,000,000人を超えています"
    # service_layer/municipalities.py: a prefecture importing another prefecture's figures, and no role
    other = b"code,population\n011002,1970000\n"
    english, japanese = await both(
        api, "POST", IMPORTS, YAMAGATA_PREF, content=other, headers=CSV, expect=403
    )
    assert [(e["field"], e["rule"]) for e in japanese["errors"]] == [
        ("body.line[2].code", "own_prefecture_only")
    ]
    assert japanese["detail"] == "都道府県が更新できるのは自らの区域の市町村だけです。区域外の行が1行あります"
    assert english["errors"][0]["message"] == "line 2: 011002 is outside prefecture 06"
    assert japanese["errors"][0]["message"] == "2行目: 011002 は都道府県 06 の区域外です"
    english, japanese = await both(api, "POST", IMPORTS, YAMAGATA, content=other, headers=CSV, expect=403)
    assert english["detail"] == "population imports need one of the roles: operator, national, prefecture"
    assert (
        japanese["detail"] == "人口の取込みには次のいずれかのロールが必要です: operator、national、prefecture"
    )
    english, japanese = await both(api, "GET", f"/v1/municipalities/{UNKNOWN}", TENDO, expect=404)
    assert english["detail"] == f"no local government with code {UNKNOWN}"
    assert japanese["detail"] == f"団体コード {UNKNOWN} の地方公共団体はありません"


async def test_the_import_routes_own_size_check_is_japanese() -> None:
    # The body-limit middleware answers first over HTTP; this is the route's check of a streamed file.
    chunks = [b"x" * MAX_CSV_BYTES, b"x"]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": chunks.pop(0), "more_body": bool(chunks)}

    request = Request({"type": "http", "method": "POST", "path": "/", "headers": []}, receive)
    with pytest.raises(ProblemError) as refused:
        await _read_limited(request)
    english, japanese = (refused.value.to_problem(language=lang) for lang in ("en", "ja"))
    assert english["status"] == japanese["status"] == 413
    assert english["type"] == japanese["type"] == "urn:renkei:problem:payload-too-large"
    assert english["detail"] == "the file exceeds 2000000 bytes"
    assert japanese["detail"] == "ファイルが上限の 2,000,000 バイトを超えています"
