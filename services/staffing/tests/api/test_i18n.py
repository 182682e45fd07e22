"""Japanese problems of the staffing service with Accept-Language: ja; type, rule and field stay the same."""

from __future__ import annotations

from staffing_testkit import NARA_PREF, TENKAWA, TSU, Driver, agreement_event, rules, signed

JA = {"Accept-Language": "ja"}


async def test_dispatch_refusals_come_in_japanese_with_the_same_rules(api: Driver) -> None:
    forester = await api.specialist()
    english = await api.dispatch(forester["id"], agreement_id="never-signed", expect=422)
    japanese = await api.dispatch(forester["id"], agreement_id="never-signed", expect=422, headers=JA)
    assert rules(english) == rules(japanese) == [("body.agreement_id", "agreement_in_force")]
    assert english.json()["detail"] == "no 連携協約 never-signed is known in force"
    assert japanese.json()["detail"] == "効力を有する連携協約 never-signed が見つかりません"
    assert japanese.headers["content-language"] == "ja"


async def test_a_double_booking_409_a_403_and_a_404_are_japanese(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, signed("agr-tenkawa", (NARA_PREF, TENKAWA)))
    forester = await api.specialist()
    first = (await api.dispatch(forester["id"])).json()
    period = ("2026-03-31", "2026-09-30")
    clash = await api.dispatch(
        forester["id"], TENKAWA, agreement_id="agr-tenkawa", period=period, expect=409, headers=JA
    )
    assert rules(clash) == [("state", "double_booking")]
    assert clash.json()["detail"] == f"専門人材はこの期間に既に派遣されています（{first['id']}）"
    assert clash.json()["type"] == "urn:renkei:problem:double-booking"
    denied = await api.call("GET", f"/v1/dispatches/{first['id']}", TSU, expect=403, headers=JA)
    assert denied.json()["title"] == "権限がありません"
    assert "閲覧できません" in denied.json()["detail"]
    missing = await api.call("GET", "/v1/dispatches/nope", NARA_PREF, expect=404, headers=JA)
    assert missing.json()["detail"] == "派遣 'nope' は見つかりません"


async def test_a_validation_error_is_japanese(api: Driver) -> None:
    response = await api.call("POST", "/v1/specialists", NARA_PREF, json={}, expect=422, headers=JA)
    assert response.json()["errors"] and {e["rule"] for e in response.json()["errors"]} == {"missing"}
    assert {e["message"] for e in response.json()["errors"]} == {"必須項目です"}
