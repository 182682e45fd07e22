"""Effects of designation over HTTP: valid only while designated, leases never overlapping, revocation."""

from __future__ import annotations

import asyncio
from typing import Any

from groups_testkit import GROUP, HIROSHIMA, OTHER_GROUP, TENDO, YAMAGATA_PREF, GroupsDriver
from renkei_common.testing.client import problem_fields

LEASE = {
    "asset_id": "health-centre",
    "asset_name": "天童市保健センター",
    "part": "2階 多目的室",
    "start_on": "2025-07-01",
    "end_on": "2026-03-31",
    "rent_yen": 0,
}
CONTRACT = {
    "subject": "中部公園の維持管理と地域美化活動の一体的実施",
    "amount_yen": 1_200_000,
    "fiscal_year": 2025,
    "start_on": "2025-07-01",
    "end_on": "2026-03-31",
    "awarded_on": "2025-06-20",
}
GRANT = {
    "kind": "grant",
    "fiscal_year": 2025,
    "purpose": "見守り活動",
    "granted_on": "2025-06-10",
    "amount_yen": 500_000,
}


async def effect(api: GroupsDriver, path: str, body: dict[str, Any], org: str = TENDO, **kw: Any) -> Any:
    return await api.call(
        "POST", f"/v1/groups/{GROUP}/{path}", org, json=body, expect=kw.pop("expect", 201), **kw
    )


async def test_each_effect_is_recorded_and_announced_while_designated(api: GroupsDriver) -> None:
    await api.designated()
    support = (await effect(api, "supports", GRANT)).json()
    assert support["amount_yen"] == 500_000
    info = await effect(api, "supports", {**GRANT, "kind": "information", "amount_yen": None})
    assert info.json()["amount_yen"] is None
    lease = (await effect(api, "leases", LEASE)).json()
    assert lease["rent_reduced"] is True  # free is a reduced rent
    contract = (await effect(api, "contracts", CONTRACT)).json()
    shown = (await api.call("GET", f"/v1/groups/{GROUP}/effects", YAMAGATA_PREF)).json()
    assert [len(shown[k]) for k in ("supports", "leases", "contracts")] == [2, 1, 1]
    assert shown["contracts"][0]["id"] == contract["id"]
    assert (await api.events("GroupSupportGranted"))[0]["data"]["amount_yen"] == 500_000
    assert (await api.events("PropertyLeaseGranted"))[0]["data"]["lease_id"] == lease["id"]
    awarded = (await api.events("ContractAwarded"))[0]
    assert awarded["data"]["amount_yen"] == 1_200_000 and awarded["subject"] == GROUP


async def test_leases_of_the_same_part_never_overlap(api: GroupsDriver) -> None:
    await api.designated()
    await api.designated(OTHER_GROUP)
    await effect(api, "leases", LEASE)
    overlapping = {**LEASE, "start_on": "2026-03-31", "end_on": "2026-06-30", "part": " 2階  多目的室 "}
    refused = await api.call("POST", f"/v1/groups/{OTHER_GROUP}/leases", TENDO, json=overlapping, expect=409)
    assert refused.json()["errors"][0]["rule"] == "lease_overlap"
    whole = await api.call(
        "POST", f"/v1/groups/{OTHER_GROUP}/leases", TENDO, json={**LEASE, "part": None}, expect=409
    )
    assert whole.json()["errors"][0]["rule"] == "lease_overlap"
    await api.call(
        "POST",
        f"/v1/groups/{OTHER_GROUP}/leases",
        TENDO,
        json={**overlapping, "start_on": "2026-04-01"},
        expect=201,
    )
    await api.call(
        "POST", f"/v1/groups/{OTHER_GROUP}/leases", TENDO, json={**LEASE, "part": "1階 調理室"}, expect=201
    )
    longest = {**LEASE, "asset_id": "a" * 100}  # the longest asset id the API takes
    await api.call("POST", f"/v1/groups/{OTHER_GROUP}/leases", TENDO, json=longest, expect=201)
    too_long = {**LEASE, "asset_id": "a" * 101}
    refused_id = await api.call("POST", f"/v1/groups/{OTHER_GROUP}/leases", TENDO, json=too_long, expect=422)
    assert problem_fields(refused_id) == ["body.asset_id"]
    assert len(await api.events("PropertyLeaseGranted")) == 4


async def test_effects_refuse_bad_input_by_field_and_rule(api: GroupsDriver) -> None:
    await api.designated()
    for body, field, rule in (
        ({**GRANT, "amount_yen": 0}, "body.amount_yen", "grant_amount_positive"),
        ({**GRANT, "amount_yen": 1.5}, "body.amount_yen", "int_type"),
        ({**GRANT, "amount_yen": "100"}, "body.amount_yen", "int_type"),
    ):
        refused = await effect(api, "supports", body, expect=422)
        assert (problem_fields(refused), refused.json()["errors"][0]["rule"]) == ([field], rule)
    backwards = await effect(api, "leases", {**LEASE, "end_on": "2025-06-30"}, expect=422)
    assert problem_fields(backwards) == ["body.period.end"]
    negative = await effect(api, "leases", {**LEASE, "rent_yen": -1}, expect=422)
    assert problem_fields(negative) == ["body.rent_yen"]
    zero = await effect(api, "contracts", {**CONTRACT, "amount_yen": 0}, expect=422)
    assert [e["rule"] for e in zero.json()["errors"]] == ["amount_positive"]
    assert await api.events("GroupSupportGranted") == []


async def test_only_the_group_s_municipality_records_effects(api: GroupsDriver) -> None:
    await api.designated()
    for path, body in (("supports", GRANT), ("leases", LEASE), ("contracts", CONTRACT)):
        refused = await effect(api, path, body, org=HIROSHIMA, expect=403)
        assert problem_fields(refused) == ["path.group_id"]
        await effect(api, path, body, org=GROUP, roles=("group",), expect=403)
        await effect(api, path, body, org=TENDO, roles=("auditor",), expect=403)
        await effect(api, path, body, org=YAMAGATA_PREF, expect=403)


async def test_effects_need_a_designation(api: GroupsDriver) -> None:
    await api.enact()
    await api.draft()
    for path, body in (("supports", GRANT), ("leases", LEASE), ("contracts", CONTRACT)):
        refused = await effect(api, path, body, expect=409)
        assert refused.json()["errors"][0]["rule"] == "designation_in_force"


async def test_coordination_requests_are_answered_in_order_and_overdue_ones_listed(api: GroupsDriver) -> None:
    await api.designated()
    body = {
        "subject": "通学路の見守りの調整",
        "counterparties": ["天童中部小学校"],
        "received_on": "2025-07-01",
    }
    await effect(api, "coordination-requests", body, org=TENDO, expect=403)
    other = await effect(api, "coordination-requests", body, org=OTHER_GROUP, roles=("group",), expect=403)
    assert problem_fields(other) == ["path.group_id"]
    request = (await effect(api, "coordination-requests", body, org=GROUP, roles=("group",))).json()
    assert request["status"] == "received" and request["due_on"] == "2025-08-30"  # the default 60 days
    url = "/v1/coordination-requests"
    due_day = (await api.call("GET", f"{url}?overdue_on=2025-08-30", TENDO)).json()["data"]
    day_after = (await api.call("GET", f"{url}?overdue_on=2025-08-31", TENDO)).json()["data"]
    assert (due_day, [r["id"] for r in day_after]) == ([], [request["id"]])
    status = f"{url}/{request['id']}/status"
    await api.call("POST", status, HIROSHIMA, json={"status": "in_coordination"}, expect=403)
    await api.call("POST", status, TENDO, json={"status": "in_coordination"})
    unanswered = await api.call("POST", status, TENDO, json={"status": "answered"}, expect=422)
    assert problem_fields(unanswered) == ["body.answer", "body.answered_on"]
    answer = {"status": "answered", "answer": "学校と協議し見守り当番表を共有", "answered_on": "2025-08-01"}
    answered = (await api.call("POST", status, TENDO, json=answer)).json()
    assert answered["status"] == "answered"
    assert (await api.call("GET", f"{url}?overdue_on=2025-09-30", TENDO)).json()["data"] == []
    backwards = await api.call("POST", status, TENDO, json={"status": "in_coordination"}, expect=409)
    assert backwards.json()["errors"][0]["rule"] == "coordination_status_order"
    assert [e["data"]["status"] for e in await api.events("CoordinationRequestUpdated")] == [
        "in_coordination",
        "answered",
    ]


async def test_annual_reports_fall_overdue_by_the_profile_s_cycle(api: GroupsDriver) -> None:
    await api.designated()  # designated 2025-06-01; FY2025's report is due 90 days after 2026-03-31
    url = f"/v1/annual-reports/overdue?municipality_code={TENDO}"
    assert (await api.call("GET", f"{url}&on=2026-06-29", TENDO)).json()["data"] == []
    overdue = (await api.call("GET", f"{url}&on=2026-06-30", TENDO)).json()["data"]
    assert overdue == [
        {
            "group_id": GROUP,
            "group_name": "天童中部地区まちづくり協議会",
            "fiscal_year": 2025,
            "due_on": "2026-06-29",
        }
    ]
    report = {"fiscal_year": 2025, "summary": "令和7年度事業報告", "filed_on": "2026-07-01"}
    await effect(api, "annual-reports", report, org=TENDO, expect=403)
    await effect(api, "annual-reports", report, org=OTHER_GROUP, roles=("group",), expect=403)
    await effect(api, "annual-reports", report, org=GROUP, roles=("group",))
    twice = await effect(api, "annual-reports", report, org=GROUP, roles=("group",), expect=409)
    assert twice.json()["errors"][0]["rule"] == "one_report_per_year"
    assert (await api.call("GET", f"{url}&on=2026-07-02", TENDO)).json()["data"] == []
    await api.call("GET", url, HIROSHIMA, expect=403)


async def test_revocation_ends_every_effect_and_lists_what_still_runs(api: GroupsDriver) -> None:
    await api.designated()
    lease = (await effect(api, "leases", LEASE)).json()
    contract = (await effect(api, "contracts", CONTRACT)).json()
    await effect(
        api,
        "supervision-acts",
        {"kind": "report_request", "issued_on": "2025-09-01", "summary": "会計報告の求め"},
    )
    await effect(
        api,
        "supervision-acts",
        {"kind": "corrective_order", "issued_on": "2025-10-01", "summary": "会計の是正"},
    )
    late = {"kind": "report_request", "issued_on": "2025-09-01", "due_on": "2025-08-31", "summary": "x"}
    assert problem_fields(await effect(api, "supervision-acts", late, expect=422)) == ["body.due_on"]
    revocation = {
        "revoked_on": "2025-11-01",
        "reasons": "措置命令に従わなかった",
        "notice_number": "告示第99号",
    }
    await api.call("POST", f"/v1/groups/{GROUP}/revocation", HIROSHIMA, json=revocation, expect=403)
    revoked = (await api.call("POST", f"/v1/groups/{GROUP}/revocation", TENDO, json=revocation)).json()
    assert revoked["status"] == "revoked"
    assert [r["id"] for r in revoked["active_leases"]] == [lease["id"]]
    assert [c["id"] for c in revoked["active_contracts"]] == [contract["id"]]
    event = (await api.events("GroupDesignationRevoked"))[0]["data"]
    assert event["active_lease_ids"] == [lease["id"]] and event["active_contract_ids"] == [contract["id"]]
    for path, body in (("supports", GRANT), ("leases", {**LEASE, "part": "別室"}), ("contracts", CONTRACT)):
        refused = await effect(api, path, body, expect=409)
        assert refused.json()["errors"][0]["rule"] == "designation_in_force"
    again = await api.call("POST", f"/v1/groups/{GROUP}/revocation", TENDO, json=revocation, expect=409)
    assert again.json()["errors"][0]["rule"] == "revoke_from_status"
    kinds = [n["kind"] for n in (await api.http.get("/v1/public/notices")).json()["data"]]
    assert kinds == ["designation", "revocation"]


async def test_a_change_of_name_office_or_representative_is_noticed(api: GroupsDriver) -> None:
    await api.designated()
    change = {
        "changed_on": "2025-09-01",
        "notice_number": "告示第50号",
        "office": "天童市中部コミュニティセンター",
        "representative": {"name": "高橋次郎"},
    }
    changed = (await api.call("POST", f"/v1/groups/{GROUP}/changes", TENDO, json=change)).json()
    assert (
        changed["office"] == "天童市中部コミュニティセンター"
        and changed["representative"]["name"] == "高橋次郎"
    )
    event = (await api.events("GroupDesignationChanged"))[0]["data"]
    assert event["changed_fields"] == ["office", "representative"] and "高橋" not in str(event)
    nothing = await api.call(
        "POST",
        f"/v1/groups/{GROUP}/changes",
        TENDO,
        json={"changed_on": "2025-09-02", "notice_number": "x"},
        expect=422,
    )
    assert nothing.json()["errors"][0]["rule"] == "something_changed"
    notices = (await api.http.get("/v1/public/notices")).json()["data"]
    assert notices[-1]["kind"] == "change" and "高橋" not in str(notices)


async def test_two_concurrent_leases_of_the_same_part_never_both_pass(api: GroupsDriver) -> None:
    await api.designated()
    await api.designated(OTHER_GROUP)

    async def lease(group: str) -> int:
        response = await api.http.post(f"/v1/groups/{group}/leases", json=LEASE, headers=api.as_(TENDO))
        return response.status_code

    statuses = sorted(await asyncio.gather(lease(GROUP), lease(OTHER_GROUP)))
    assert statuses == [201, 409]
    assert len(await api.events("PropertyLeaseGranted")) == 1
