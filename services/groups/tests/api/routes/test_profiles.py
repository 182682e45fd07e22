"""Ordinance profiles over HTTP: versions per municipality, the default, contradictions refused by field."""

from __future__ import annotations

from groups_testkit import HIROSHIMA, TENDO, GroupsDriver
from renkei_common.testing.client import problem_fields


async def test_versions_count_up_per_municipality_and_fill_in_the_default(api: GroupsDriver) -> None:
    first = await api.enact()
    second = await api.enact(effective_on="2025-10-01", membership={"min_resident_share": "0.75"})
    other = await api.enact(
        HIROSHIMA,
        membership={
            "required_organisation_kinds": ["disaster_prevention", "crime_prevention"],
            "min_required_kinds": 1,
        },
    )
    assert (first["profile_version"], second["profile_version"], other["profile_version"]) == (1, 2, 1)
    assert (
        first["membership"]["min_resident_share"] == "0.5"
        and second["membership"]["min_resident_share"] == "0.75"
    )
    assert other["membership"]["min_required_kinds"] == 1
    assert "open_membership" in [i["code"] for i in first["article_items"]]
    listed = (
        await api.call("GET", f"/v1/ordinance-profiles?municipality_code={TENDO}", "G-1", roles=("group",))
    ).json()
    assert [p["profile_version"] for p in listed["data"]] == [1, 2]
    default = (
        await api.call("GET", f"/v1/ordinance-profiles/default?municipality_code={TENDO}", TENDO)
    ).json()
    assert default["id"] is None and default["membership"]["min_members"] == 2
    events = await api.events("OrdinanceProfileEnacted")
    assert [e["data"]["profile_version"] for e in events] == [1, 2, 1]


async def test_a_self_contradicting_profile_is_refused_naming_each_field(api: GroupsDriver) -> None:
    body = {
        "municipality_code": TENDO,
        "ordinance_title": "条例",
        "enacted_on": "2025-03-01",
        "effective_on": "2025-04-01",
        "membership": {"min_resident_share": "1.01", "min_members": 0},
    }
    refused = await api.call("POST", "/v1/ordinance-profiles", TENDO, json=body, expect=422)
    assert problem_fields(refused) == ["body.membership.min_resident_share", "body.membership.min_members"]
    rules = [e["rule"] for e in refused.json()["errors"]]
    assert rules == ["share_in_range", "at_least_one_member"]
    edge = {**body, "membership": {"min_resident_share": "1", "min_members": 1}}
    await api.call("POST", "/v1/ordinance-profiles", TENDO, json=edge, expect=201)
    early = await api.call(
        "POST",
        "/v1/ordinance-profiles",
        TENDO,
        json={**edge, "effective_on": "2024-09-25", "enacted_on": "2024-09-01"},
        expect=422,
    )
    assert [e["rule"] for e in early.json()["errors"]] == ["law_in_force"]
    zero_days = await api.call(
        "POST",
        "/v1/ordinance-profiles",
        TENDO,
        json={**edge, "report_due_days": 0, "coordination_answer_days": 366},
        expect=422,
    )
    assert problem_fields(zero_days) == ["body.report_due_days", "body.coordination_answer_days"]
    assert len(await api.events("OrdinanceProfileEnacted")) == 1  # refusals change nothing


async def test_only_the_municipality_enacts_its_own_ordinance(api: GroupsDriver) -> None:
    body = {
        "municipality_code": TENDO,
        "ordinance_title": "条例",
        "enacted_on": "2025-03-01",
        "effective_on": "2025-04-01",
    }
    forbidden = await api.call("POST", "/v1/ordinance-profiles", HIROSHIMA, json=body, expect=403)
    assert problem_fields(forbidden) == ["body.municipality_code"]
    await api.call("POST", "/v1/ordinance-profiles", "G-1", roles=("group",), json=body, expect=403)
    await api.call("POST", "/v1/ordinance-profiles", TENDO, roles=("auditor",), json=body, expect=403)
    prefecture = await api.call(
        "POST", "/v1/ordinance-profiles", "060003", json={**body, "municipality_code": "060003"}, expect=422
    )
    assert [e["rule"] for e in prefecture.json()["errors"]] == ["municipality"]
