"""Shared facilities and joint tasks: cost sharing to the yen, recorded by the lead, announced as an event."""

from __future__ import annotations

from agreements_testkit import KAMINOYAMA, SAGAE, TENDO, YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.testing.client import problem_fields

SHARING = {
    "cost_yen": 100_000_001,
    "weights": {"equal": "0.1", "population": "0.6", "usage": "0.3"},
    "members": [
        {"code": YAMAGATA, "usage": "5200"},
        {"code": TENDO, "usage": "1800"},
        {"code": KAMINOYAMA, "usage": "900"},
    ],
    "remainder_to": YAMAGATA,
    "agreed_on": "2025-03-20",
}


async def register(api: Driver) -> dict:  # type: ignore[type-arg]
    body = {
        "name": "広域炊飯施設",
        "category": "facility",
        "lead_code": YAMAGATA,
        "members": [YAMAGATA, TENDO, KAMINOYAMA],
    }
    await api.call("POST", "/v1/shared-services", TENDO, json=body, expect=403)
    return (await api.call("POST", "/v1/shared-services", YAMAGATA, json=body, expect=201)).json()


async def test_cost_sharing_sums_to_the_cost_and_is_announced(api: Driver) -> None:
    service = await register(api)
    url = f"/v1/shared-services/{service['id']}/cost-sharings/2025"
    response = await api.call("PUT", url, YAMAGATA, json=SHARING)
    sharing = response.json()
    assert sum(m["share_yen"] for m in sharing["members"]) == 100_000_001
    assert sharing["revision"] == 1 and sharing["members"][0]["population"] == 247747
    assert sharing["population_sources"] == ["出典：総務省統計局『令和2年国勢調査』"]
    again = await api.call(
        "PUT",
        url,
        YAMAGATA,
        json={**SHARING, "cost_yen": 90_000_000},
        headers={"If-Match": response.headers["ETag"]},
    )
    assert again.json()["revision"] == 2
    events = await api.events("CostSharingAgreed")
    assert [e["data"]["revision"] for e in events] == [1, 2]
    assert sum(m["share_yen"] for m in events[1]["data"]["members"]) == 90_000_000
    shown = (await api.call("GET", f"/v1/shared-services/{service['id']}", TENDO)).json()
    assert [c["fiscal_year"] for c in shown["cost_sharings"]] == [2025]
    await api.call("GET", f"/v1/shared-services/{service['id']}", SAGAE, expect=403)
    await api.call("GET", f"/v1/shared-services/{service['id']}", YAMAGATA_PREF)


async def test_bad_formulas_and_members_are_422_and_only_the_lead_records(api: Driver) -> None:
    service = await register(api)
    url = f"/v1/shared-services/{service['id']}/cost-sharings/2025"
    await api.call("PUT", url, TENDO, json=SHARING, expect=403)
    uneven = await api.call(
        "PUT",
        url,
        YAMAGATA,
        expect=422,
        json={**SHARING, "weights": {"equal": "0.2", "population": "0.6", "usage": "0.3"}},
    )
    assert uneven.json()["errors"][0] == {
        "field": "body.weights",
        "rule": "weights_sum_to_one",
        "message": "the weights sum to 1.1, not 1: 0.2 + 0.6 + 0.3",
    }
    missing = await api.call(
        "PUT", url, YAMAGATA, expect=422, json={**SHARING, "members": SHARING["members"][:2]}
    )
    assert problem_fields(missing) == ["body.members"]
    no_usage = await api.call(
        "PUT",
        url,
        YAMAGATA,
        expect=422,
        json={**SHARING, "members": [{"code": YAMAGATA}, *SHARING["members"][1:]]},
    )
    assert problem_fields(no_usage) == ["body.members[0].usage"]
    stranger = await api.call("PUT", url, YAMAGATA, expect=422, json={**SHARING, "remainder_to": SAGAE})
    assert problem_fields(stranger) == ["body.remainder_to"]
    bad = await api.call(
        "POST",
        "/v1/shared-services",
        YAMAGATA,
        expect=422,
        json={"name": "x", "category": "joint_task", "lead_code": YAMAGATA, "members": [YAMAGATA, YAMAGATA]},
    )
    assert problem_fields(bad) == ["body.members"]
