"""Areas: declaration by the centre with stored warnings, members over time, and who may read or write."""

from __future__ import annotations

from agreements_testkit import HIGASHINE, KAMINOYAMA, SAGAE, TENDO, YAMAGATA, YAMAGATA_PREF, YAMANOBE, Driver
from renkei_common.testing.client import problem_fields


async def test_a_declaration_with_shortfalls_stores_and_announces_its_warnings(api: Driver) -> None:
    body = {
        "area_type": "settlement",
        "name": "東根定住自立圏",
        "declared_on": "2024-04-01",
        "centres": [{"code": HIGASHINE, "day_night_ratio": "0.98"}],
        "members": [{"code": YAMANOBE}],
    }
    response = await api.call("POST", "/v1/areas", HIGASHINE, json=body, expect=201)
    area = response.json()
    assert response.headers["Location"] == f"/v1/areas/{area['id']}" and response.headers["ETag"]
    assert area["declaration_kind"] == "chushin_shi_sengen"
    assert [w["rule"] for w in area["warnings"]] == [
        "settlement.day_night_ratio",
        "settlement.centre_population_guideline",
        "settlement.partner_commuting_share",
    ]
    assert [w["confidence"] for w in area["warnings"]] == ["public", "public", "unconfirmed"]
    assert [(m["code"], m["role"], m["since"]) for m in area["members"]] == [
        (HIGASHINE, "centre", "2024-04-01"),
        (YAMANOBE, "partner", "2024-04-01"),
    ]
    [event] = await api.events("AreaDeclared")
    # The event contract carries each warning without `override` (none was admitted here).
    assert all(w["override"] is None for w in area["warnings"])
    announced = [{k: v for k, v in w.items() if k != "override"} for w in area["warnings"]]
    assert event["subject"] == area["id"] and event["data"]["warnings"] == announced
    again = await api.call("GET", f"/v1/areas/{area['id']}", YAMANOBE)
    assert again.json()["warnings"] == area["warnings"]


async def test_only_the_centre_declares_its_area(api: Driver) -> None:
    body = {
        "area_type": "metropolitan",
        "name": "x",
        "declared_on": "2024-04-01",
        "centres": [{"code": YAMAGATA}],
    }
    response = await api.call("POST", "/v1/areas", TENDO, json=body, expect=403)
    assert problem_fields(response) == ["body.centres"]
    await api.call("POST", "/v1/areas", YAMAGATA, roles=("auditor",), json=body, expect=403)


async def test_absolute_rules_and_bad_codes_are_422_naming_the_field(api: Driver) -> None:
    town = {
        "area_type": "metropolitan",
        "name": "x",
        "declared_on": "2024-04-01",
        "centres": [{"code": YAMANOBE}],
    }
    response = await api.call("POST", "/v1/areas", YAMANOBE, json=town, expect=422)
    assert response.json()["errors"][0]["rule"] == "metropolitan.centre_is_city"
    bad = {**town, "centres": [{"code": YAMAGATA}], "members": [{"code": "062015"}, {"code": YAMAGATA}]}
    response = await api.call("POST", "/v1/areas", YAMAGATA, json=bad, expect=422)
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
        ("body.members[0].code", "check_digit")
    ]
    bad["members"] = [{"code": YAMAGATA}]
    response = await api.call("POST", "/v1/areas", YAMAGATA, json=bad, expect=422)
    assert response.json()["errors"][0]["rule"] == "centre_not_member"


async def test_a_member_of_another_area_of_the_same_type_is_refused(api: Driver) -> None:
    await api.declare(YAMAGATA, (TENDO,))
    body = {
        "area_type": "metropolitan",
        "name": "y",
        "declared_on": "2025-04-01",
        "centres": [{"code": SAGAE}],
        "members": [{"code": TENDO}],
    }
    response = await api.call("POST", "/v1/areas", SAGAE, json=body, expect=422)
    assert response.json()["errors"][0] == {
        "field": "body.members[0].code",
        "rule": "one_area_per_type",
        "message": response.json()["errors"][0]["message"],
    }
    body["area_type"] = "wide_area"  # other wide-area cooperation overlaps freely
    await api.call("POST", "/v1/areas", SAGAE, json=body, expect=201)


async def test_members_change_over_time_with_if_match(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO,))
    url = f"/v1/areas/{area['id']}"
    etag = (await api.call("GET", url, YAMAGATA)).headers["ETag"]
    member = {"code": KAMINOYAMA, "since": "2025-04-01"}
    await api.call("POST", f"{url}/members", TENDO, json=member, expect=403)
    added = await api.call(
        "POST", f"{url}/members", YAMAGATA, json=member, headers={"If-Match": etag}, expect=201
    )
    await api.call(
        "POST",
        f"{url}/members",
        YAMAGATA,
        json={**member, "since": "2026-04-01"},
        headers={"If-Match": etag},
        expect=412,
    )
    row = next(m for m in added.json()["members"] if m["code"] == TENDO)
    # A member may leave by itself; a stranger may not end someone else's membership.
    await api.call("PATCH", f"{url}/members/{row['id']}", SAGAE, json={"until": "2026-03-31"}, expect=403)
    ended = await api.call("PATCH", f"{url}/members/{row['id']}", TENDO, json={"until": "2026-03-31"})
    assert next(m for m in ended.json()["members"] if m["id"] == row["id"])["until"] == "2026-03-31"
    bad = await api.call(
        "PATCH", f"{url}/members/{row['id']}", TENDO, json={"until": "2020-01-01"}, expect=422
    )
    assert problem_fields(bad) == ["body.until"]
    changes = [e["data"]["change"] for e in await api.events("AreaUpdated")]
    assert changes == ["member_added", "member_changed"]


async def test_reads_are_for_participants_their_prefecture_and_national(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO,))
    url = f"/v1/areas/{area['id']}"
    await api.call("GET", url, SAGAE, expect=403)
    for org, roles in ((TENDO, ()), (YAMAGATA_PREF, ()), ("mic", ("national",)), ("audit", ("auditor",))):
        await api.call("GET", url, org, roles=roles)
    assert (await api.call("GET", "/v1/areas", SAGAE)).json()["data"] == []
    listed = (await api.call("GET", f"/v1/areas?member={TENDO}", YAMAGATA_PREF)).json()["data"]
    assert [a["id"] for a in listed] == [area["id"]]


async def test_consensus_rules_are_stored_as_text_and_fields(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO,))
    rules = {
        "text": "各市町の意見を聴取し全会一致で決定する",
        "decision_method": "unanimity",
        "consultation_period_days": 30,
        "objection_handling": "協議会で再協議",
    }
    response = await api.call("PATCH", f"/v1/areas/{area['id']}", YAMAGATA, json={"consensus_rules": rules})
    assert response.json()["consensus_rules"] == rules
    await api.call("PATCH", f"/v1/areas/{area['id']}", TENDO, json={"name": "乗っ取り"}, expect=403)
