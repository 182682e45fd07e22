"""Applications over HTTP: the lifecycle, the automatic ordinance checks, who sees members, the 403s."""

from __future__ import annotations

from groups_testkit import (
    GROUP,
    HIROSHIMA,
    OTHER_GROUP,
    TENDO,
    YAMAGATA,
    YAMAGATA_PREF,
    GroupsDriver,
    application,
    member,
    organisation,
)
from renkei_common.testing.client import problem_fields
from renkei_common.writes import list_audit


def outcomes(app: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {f["requirement"]: f["outcome"] for f in app["findings"]}


async def test_draft_submit_review_designate_with_findings_and_a_notice(api: GroupsDriver) -> None:
    await api.enact()
    draft = await api.draft()
    assert draft["status"] == "draft" and draft["members"][2]["name"] == "佐藤花子"
    submitted = await api.submit()
    assert submitted["status"] == "submitted" and submitted["profile_version"] == 1
    reviewed = await api.review()
    found = outcomes(reviewed)
    assert found["membership.min_resident_share"] == "met"  # 3 of 4: two organisations and one resident
    assert found["cooperation_with_local_actors"] == "needs_judgement"
    assert reviewed["judgement_outcome"] == "needs_judgement"
    designated = await api.designate()
    assert designated["status"] == "designated" and designated["designated_on"] == "2025-06-01"
    types = [e["type"].split(".")[3] for e in await api.events()]
    async with api.client.db.session() as session:
        audit = await list_audit(session, resource_type="community_group", resource_id=GROUP)
    assert [a.action for a in audit] == [
        "group.application_drafted",
        "group.application_submitted",
        "group.review_started",
        "group.designated",
    ]
    assert "佐藤" not in str([a.after for a in audit])
    assert types[-4:] == [
        "GroupApplicationDrafted",
        "GroupApplicationSubmitted",
        "GroupApplicationReviewed",
        "GroupDesignated",
    ]
    notices = (await api.http.get("/v1/public/notices")).json()["data"]
    assert [(n["kind"], n["notice_number"]) for n in notices] == [("designation", f"告示第{GROUP}号")]


async def test_a_requirement_not_met_blocks_designation_and_rejection_takes_reasons(
    api: GroupsDriver,
) -> None:
    await api.enact(membership={"min_members": 5})
    await api.draft()
    await api.submit()
    reviewed = await api.review()
    assert outcomes(reviewed)["membership.min_members"] == "not_met"
    blocked = await api.designate(expect=409)
    assert blocked["errors"][0]["rule"] == "requirements_met"
    no_reasons = await api.call(
        "POST",
        f"/v1/applications/{GROUP}/rejection",
        TENDO,
        json={"decided_on": "2025-06-01", "reasons": " "},
        expect=422,
    )
    assert problem_fields(no_reasons) == ["body.reasons"]
    rejected = await api.call(
        "POST",
        f"/v1/applications/{GROUP}/rejection",
        TENDO,
        json={"decided_on": "2025-06-01", "reasons": "構成員数不足"},
    )
    assert rejected.json()["status"] == "rejected"
    assert (await api.events("GroupApplicationDecided"))[0]["data"]["status"] == "rejected"


async def test_an_amendment_between_two_applications_judges_each_by_its_submission_date(
    api: GroupsDriver,
) -> None:
    await api.enact()
    await api.enact(
        effective_on="2025-10-01", enacted_on="2025-09-01", membership={"min_resident_share": "0.8"}
    )
    await api.draft(GROUP)
    await api.submit(GROUP, on="2025-09-30")
    await api.draft(OTHER_GROUP)
    await api.submit(OTHER_GROUP, on="2025-10-01")
    early, late = await api.review(GROUP), await api.review(OTHER_GROUP)
    assert (early["profile_version"], late["profile_version"]) == (1, 2)
    assert outcomes(early)["membership.min_resident_share"] == "met"
    assert outcomes(late)["membership.min_resident_share"] == "not_met"
    await api.enact(
        effective_on="2025-11-01", enacted_on="2025-10-15", membership={"min_resident_share": "0.1"}
    )
    again = (await api.call("GET", f"/v1/applications/{OTHER_GROUP}", TENDO)).json()
    assert outcomes(again)["membership.min_resident_share"] == "not_met"  # a later amendment changes nothing


async def test_no_ordinance_in_force_on_the_submission_date_is_a_conflict(api: GroupsDriver) -> None:
    await api.enact()
    await api.draft()
    early = await api.submit(on="2025-03-31", expect=409)
    assert early["errors"][0]["rule"] == "ordinance_in_force"
    assert (await api.call("GET", f"/v1/applications/{GROUP}", GROUP, roles=("group",))).json()[
        "status"
    ] == "draft"


async def test_members_personal_data_only_for_the_group_and_its_municipality(api: GroupsDriver) -> None:
    await api.enact()
    await api.draft()
    url = f"/v1/applications/{GROUP}"
    for org, roles in ((GROUP, ("group",)), (TENDO, ())):
        shown = (await api.call("GET", url, org, roles=roles)).json()
        assert (
            shown["members"][0]["name"] == "中部町内会連合会"
            and shown["representative"]["name"] == "山田太郎"
        )
    for org, roles in ((YAMAGATA_PREF, ()), ("000000", ("national",)), ("000000", ("auditor",))):
        shown = (await api.call("GET", url, org, roles=roles)).json()
        assert shown["members"] is None and shown["representative"] is None
        assert shown["member_summary"] == {
            "members": 4,
            "organisations": 2,
            "organisation_kinds": ["neighbourhood_association", "pta"],
        }
        assert "佐藤" not in str(shown) and "山田" not in str(shown)
    for org, roles in ((YAMAGATA, ()), (HIROSHIMA, ()), (OTHER_GROUP, ("group",)), ("340006", ())):
        await api.call("GET", url, org, roles=roles, expect=403)
    listed = (await api.call("GET", "/v1/applications", YAMAGATA)).json()
    assert listed["data"] == []
    assert [a["id"] for a in (await api.call("GET", "/v1/applications", YAMAGATA_PREF)).json()["data"]] == [
        GROUP
    ]
    drafted = await api.events("GroupApplicationDrafted")
    assert "佐藤" not in str(drafted) and "山田" not in str(drafted)


async def test_who_may_do_what_is_refused_with_403(api: GroupsDriver) -> None:
    await api.enact()
    await api.call("POST", "/v1/applications", TENDO, json=application(), expect=403)
    await api.call("POST", "/v1/applications", GROUP, roles=("auditor",), json=application(), expect=403)
    await api.draft()
    edit = await api.call(
        "PUT", f"/v1/applications/{GROUP}", OTHER_GROUP, roles=("group",), json=application(), expect=403
    )
    assert problem_fields(edit) == ["path.group_id"]
    await api.call("PUT", f"/v1/applications/{GROUP}", TENDO, json=application(), expect=403)
    await api.call("POST", f"/v1/applications/{GROUP}/submission", TENDO, json={}, expect=403)
    await api.submit()
    review = await api.call("POST", f"/v1/applications/{GROUP}/review", HIROSHIMA, expect=403)
    assert problem_fields(review) == ["path.group_id"]
    await api.call("POST", f"/v1/applications/{GROUP}/review", GROUP, roles=("group",), expect=403)
    await api.review()
    await api.designate(municipality=YAMAGATA, expect=403)
    early = await api.designate(on="2025-04-30", expect=422)  # submitted on 2025-05-01
    assert [(e["field"], e["rule"]) for e in early["errors"]] == [
        ("body.decided_on", "not_before_submission")
    ]
    await api.call(
        "POST",
        f"/v1/applications/{GROUP}/designation",
        TENDO,
        roles=("auditor",),
        json={"decided_on": "2025-06-01", "reasons": "x", "notice_number": "1"},
        expect=403,
    )


async def test_bad_input_names_the_field_and_the_rule_and_changes_nothing(api: GroupsDriver) -> None:
    await api.enact()
    bad_members = application(
        members=[
            {"kind": "organisation", "name": "NPO", "organisation_kind": "npo", "resident_share": "1.5"},
            {"kind": "organisation", "name": "会"},
            member("田中", organisation_kind="pta"),
        ]
    )
    refused = await api.call(
        "POST", "/v1/applications", GROUP, roles=("group",), json=bad_members, expect=422
    )
    assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [
        ("body.members[0].resident_share", "share_in_range"),
        ("body.members[1].organisation_kind", "organisation_kind_given"),
        ("body.members[1].resident_share", "resident_share_given"),
        ("body.members[2].kind", "person_has_no_organisation_data"),
    ]
    unknown = await api.call(
        "POST", "/v1/applications", GROUP, roles=("group",), json=application("062100"), expect=422
    )
    assert problem_fields(unknown) == ["body.municipality_code"]
    typo = await api.call(
        "POST", "/v1/applications", GROUP, roles=("group",), json={**application(), "nmae": "x"}, expect=422
    )
    assert problem_fields(typo) == ["body.nmae"]
    no_members = await api.call(
        "POST", "/v1/applications", GROUP, roles=("group",), json=application(members=[]), expect=422
    )
    assert problem_fields(no_members) == ["body.members"]
    control = await api.call(
        "POST",
        "/v1/applications",
        GROUP,
        roles=("group",),
        json=application(name="中部\u0000協議会"),
        expect=422,
    )
    assert [(e["field"], e["rule"]) for e in control.json()["errors"]] == [
        ("body.name", "no_control_characters")
    ]
    as_code = await api.call(
        "POST", "/v1/applications", "062103", roles=("group",), json=application(), expect=422
    )
    assert [e["rule"] for e in as_code.json()["errors"]] == ["group_org_not_a_government_code"]
    await api.draft()
    future = await api.call(
        "POST",
        f"/v1/applications/{GROUP}/submission",
        GROUP,
        roles=("group",),
        json={"submitted_on": "2199-01-01"},
        expect=422,
    )
    assert problem_fields(future) == ["body.submitted_on"]
    assert await api.events("GroupApplicationSubmitted") == []


async def test_edit_only_a_draft_with_if_match_and_withdraw(api: GroupsDriver) -> None:
    await api.enact()
    await api.draft()
    url = f"/v1/applications/{GROUP}"
    current = await api.call("GET", url, GROUP, roles=("group",))
    more = application(members=[*application()["members"], organisation("老人クラブ", "seniors_club", "1")])
    edited = await api.call(
        "PUT", url, GROUP, roles=("group",), json=more, headers={"If-Match": current.headers["ETag"]}
    )
    assert edited.json()["revision"] == 2 and edited.json()["member_summary"]["members"] == 5
    stale = await api.call(
        "PUT",
        url,
        GROUP,
        roles=("group",),
        json=more,
        headers={"If-Match": current.headers["ETag"]},
        expect=412,
    )
    assert problem_fields(stale) == ["If-Match"]
    await api.submit()
    locked = await api.call("PUT", url, GROUP, roles=("group",), json=more, expect=409)
    assert locked.json()["errors"][0]["rule"] == "edit_only_draft"
    withdrawn = await api.call(
        "POST", f"{url}/withdrawal", GROUP, roles=("group",), json={"withdrawn_on": "2025-05-02"}
    )
    assert withdrawn.json()["status"] == "withdrawn"
    again = await api.call("POST", f"{url}/review", TENDO, expect=409)
    assert again.json()["errors"][0]["rule"] == "start_review_from_status"
    await api.call("POST", f"{url}/reopening", OTHER_GROUP, roles=("group",), expect=403)
    reopened = (await api.call("POST", f"{url}/reopening", GROUP, roles=("group",))).json()
    assert (reopened["status"], reopened["submitted_on"], reopened["revision"]) == ("draft", None, 3)
    twice = await api.call("POST", f"{url}/reopening", GROUP, roles=("group",), expect=409)
    assert twice.json()["errors"][0]["rule"] == "reopen_from_status"
    assert (await api.submit(on="2025-06-01"))["status"] == "submitted"
