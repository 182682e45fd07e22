"""Optional records of an agreement: a recommendation (勧告) received, a dispute and its settlement plan."""

from __future__ import annotations

from agreements_testkit import SAGAE, TENDO, YAMAGATA, YAMAGATA_PREF, Driver


async def test_a_recommendation_is_recorded_by_a_party_or_the_supervising_authority(api: Driver) -> None:
    draft = await api.draft()
    url = f"/v1/agreements/{draft['id']}/recommendations"
    body = {
        "issued_by": "governor",
        "received_on": "2024-05-01",
        "reference_number": "山形県指令第1号",
        "summary": "連携協約の締結を勧告する",
    }
    by_governor = await api.call("POST", url, YAMAGATA_PREF, json=body, expect=201)
    assert by_governor.json()["issuer_code"] == YAMAGATA_PREF
    await api.call("POST", url, TENDO, json=body, expect=201)
    await api.call("POST", url, SAGAE, json=body, expect=403)
    await api.call("POST", url, "mic", roles=("national",), json=body, expect=403)  # the governor supervises
    wrong = await api.call("POST", url, TENDO, json={**body, "issued_by": "minister"}, expect=422)
    assert wrong.json()["errors"][0]["field"] == "body.issued_by"
    listed = (await api.call("GET", url, YAMAGATA)).json()["data"]
    assert len(listed) == 2 and listed[0]["summary"] == body["summary"]


async def test_a_dispute_needs_an_agreement_in_force_and_gets_a_settlement_plan(api: Driver) -> None:
    draft = await api.draft()
    url = f"/v1/agreements/{draft['id']}/disputes"
    application = {"applied_on": "2024-09-01", "matter": "負担金の算定方法について"}
    await api.call("POST", url, TENDO, json=application, expect=409)
    await api.complete(draft)
    dispute = (await api.call("POST", url, TENDO, json=application, expect=201)).json()
    assert dispute["authority"] == ["山形県知事"] and dispute["status"] == "applied"
    await api.call("PATCH", f"{url}/{dispute['id']}", SAGAE, json={"closed_on": "2024-12-01"}, expect=403)
    plan = {"plan_presented_on": "2024-11-01", "plan_summary": "人口割の比率を見直す"}
    presented = await api.call("PATCH", f"{url}/{dispute['id']}", YAMAGATA_PREF, json=plan)
    assert presented.json()["status"] == "plan_presented"
    closed = await api.call("PATCH", f"{url}/{dispute['id']}", YAMAGATA, json={"closed_on": "2024-12-01"})
    assert closed.json()["status"] == "closed"
    await api.call("PATCH", f"{url}/{dispute['id']}", YAMAGATA, json={"closed_on": "2024-12-02"}, expect=409)
    await api.call("PATCH", f"{url}/unknown", YAMAGATA, json={"closed_on": "2024-12-02"}, expect=404)
    assert [d["status"] for d in (await api.call("GET", url, YAMAGATA_PREF)).json()["data"]] == ["closed"]
