"""Japanese for the people who read the answers: problems and requirement warnings with Accept-Language: ja.

The machine parts (type, rule, field, status) are the same in both languages; English stays the default.
"""

from __future__ import annotations

from typing import Any

from agreements_testkit import HIGASHINE, KAMINOYAMA, TENDO, YAMAGATA, YAMANOBE, Driver

JA = {"Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5"}


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
