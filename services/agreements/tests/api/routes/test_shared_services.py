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
    service = (await api.call("POST", "/v1/shared-services", YAMAGATA, json=body, expect=201)).json()
    for member in (TENDO, KAMINOYAMA):
        url = f"/v1/shared-services/{service['id']}/consents"
        service = (await api.call("POST", url, member, json={"consented_on": "2025-01-10"})).json()
    return service


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


SAPPORO = "011002"


async def test_another_government_is_not_enrolled_or_billed_without_its_consent(api: Driver) -> None:
    area = await api.declare()  # 山形市's area: 札幌市 may not read it
    agreement = await api.draft()  # 山形市 and 天童市
    unknown = "01890000-0000-7000-8000-000000000000"
    body = {
        "name": "共同電算",
        "category": "joint_task",
        "lead_code": SAPPORO,
        "members": [SAPPORO, YAMAGATA],
    }
    answers = []
    for area_id, agreement_id in ((area["id"], agreement["id"]), (unknown, unknown)):
        linked = {**body, "area_id": area_id, "agreement_id": agreement_id}
        refused = await api.call("POST", "/v1/shared-services", SAPPORO, json=linked, expect=422)
        answers.append(
            [
                (e["field"], e["rule"], e["message"].replace(area_id, "ID").replace(agreement_id, "ID"))
                for e in refused.json()["errors"]
            ]
        )
    # An id the caller may not read answers exactly as one that does not exist.
    assert (
        answers[0]
        == answers[1]
        == [
            ("body.area_id", "exists", "no area 'ID'"),
            ("body.agreement_id", "exists", "no agreement 'ID'"),
        ]
    )

    service = (await api.call("POST", "/v1/shared-services", SAPPORO, json=body, expect=201)).json()
    assert [(m["code"], m["consent"], m["consent_basis"]) for m in service["member_consents"]] == [
        (SAPPORO, "consented", "lead"),
        (YAMAGATA, "pending", None),
    ]
    url = f"/v1/shared-services/{service['id']}/cost-sharings/2025"
    sharing = {
        "cost_yen": 222_912,
        "weights": {"equal": "0.5", "population": "0.5", "usage": "0"},
        "members": [{"code": SAPPORO}, {"code": YAMAGATA}],
        "remainder_to": SAPPORO,
        "agreed_on": "2025-03-20",
    }
    refused = await api.call("PUT", url, SAPPORO, json=sharing, expect=409)
    assert refused.json()["errors"][0]["rule"] == "members_consented"
    assert refused.json()["missing"] == [{"step": "consent", "party": YAMAGATA}]
    assert await api.events("CostSharingAgreed") == []

    consents = f"/v1/shared-services/{service['id']}/consents"
    await api.call("POST", consents, SAGAE, json={"consented_on": "2025-02-01"}, expect=403)
    # The lead consents only for itself (already, by registering), never for 山形市.
    lead = await api.call("POST", consents, SAPPORO, json={"consented_on": "2025-02-01"}, expect=409)
    assert lead.json()["errors"][0]["rule"] == "already_consented"
    consented = (await api.call("POST", consents, YAMAGATA, json={"consented_on": "2025-02-01"})).json()
    assert consented["member_consents"][1] == {
        "code": YAMAGATA,
        "consent": "consented",
        "consent_basis": "stated",
        "consented_on": "2025-02-01",
    }
    await api.call("POST", consents, YAMAGATA, json={"consented_on": "2025-02-02"}, expect=409)
    audit_url = f"/v1/audit?resource_type=shared_service&resource_id={service['id']}"
    audit = (await api.call("GET", audit_url, "audit", roles=("auditor",))).json()
    assert "shared_service.member_consented" in [e["action"] for e in audit["data"]]
    await api.call("PUT", url, SAPPORO, json=sharing)
    assert len(await api.events("CostSharingAgreed")) == 1


async def test_parties_of_the_linked_agreement_with_the_lead_count_as_consented(api: Driver) -> None:
    agreement = await api.draft()  # 山形市 and 天童市
    body = {
        "name": "広域消防",
        "category": "joint_task",
        "lead_code": YAMAGATA,
        "members": [YAMAGATA, TENDO, KAMINOYAMA],
        "agreement_id": agreement["id"],
    }
    service = (await api.call("POST", "/v1/shared-services", YAMAGATA, json=body, expect=201)).json()
    assert [(m["code"], m["consent_basis"]) for m in service["member_consents"]] == [
        (YAMAGATA, "lead"),
        (TENDO, "agreement"),
        (KAMINOYAMA, None),
    ]
    consents = f"/v1/shared-services/{service['id']}/consents"
    already = await api.call("POST", consents, TENDO, json={"consented_on": "2025-02-01"}, expect=409)
    assert already.json()["errors"][0]["rule"] == "already_consented"
    # The agreement binds its parties, not a third government the lead names.
    agreement_b = await api.draft(TENDO, KAMINOYAMA)
    other = {**body, "agreement_id": agreement_b["id"], "members": [YAMAGATA, TENDO]}
    refused = await api.call("POST", "/v1/shared-services", YAMAGATA, json=other, expect=422)
    assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [("body.agreement_id", "exists")]
