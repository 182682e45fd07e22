"""The agreement lifecycle over HTTP: steps in order, each party its own, versions, and the events emitted."""

from __future__ import annotations

import asyncio
from datetime import date

from agreements_testkit import MIYAGI_PREF, SAGAE, SENDAI, STEPS, TENDO, YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.testing.client import problem_fields


async def test_every_step_puts_it_in_force_and_emits_agreement_signed_once(api: Driver) -> None:
    draft = await api.draft()
    assert draft["status"] == "draft" and draft["current"] is None
    procedure = draft["open_procedure"]
    assert procedure["notification_targets"] == [
        {
            "authority": "governor",
            "authority_code": YAMAGATA_PREF,
            "prefecture_code": YAMAGATA_PREF,  # deprecated: kept for existing clients
            "title": "山形県知事",
        }
    ]
    assert procedure["next_steps"] == [{"step": "consultation", "party": None}]
    assert len(procedure["outstanding"]) == 8  # notification is per party: each notifies its own authority
    agreement = await api.complete(draft)
    assert agreement["status"] == "in_force" and agreement["in_force_version"] == 1
    assert agreement["current"]["in_force_on"] == "2024-06-01" and agreement["open_procedure"] is None
    [event] = await api.events("AgreementSigned")
    assert event["subject"] == draft["id"]
    assert [(p["code"], p["role"], p["kind"]) for p in event["data"]["parties"]] == [
        (YAMAGATA, "party", "city"),
        (TENDO, "party", "city"),
    ]


async def test_an_out_of_order_step_is_409_saying_which_step_is_missing(api: Driver) -> None:
    draft = await api.draft()
    await api.step(draft["id"], "consultation", YAMAGATA)
    await api.step(draft["id"], "council_resolution", YAMAGATA)
    response = await api.step(draft["id"], "conclusion", YAMAGATA, expect=409)
    problem = response.json()
    assert problem["missing"] == [{"step": "council_resolution", "party": TENDO}]
    # The same shape as next_steps: a client reads both alike.
    shown = (await api.call("GET", f"/v1/agreements/{draft['id']}", YAMAGATA)).json()
    assert problem["missing"] == shown["open_procedure"]["next_steps"]
    assert f"council_resolution of {TENDO}" in problem["detail"]
    again = await api.step(draft["id"], "council_resolution", YAMAGATA, expect=409)
    assert again.json()["errors"][0]["rule"] == "step_already_recorded"


async def test_a_party_records_only_its_own_resolution_and_notice(api: Driver) -> None:
    draft = await api.draft()
    await api.step(draft["id"], "consultation", TENDO)
    response = await api.step(draft["id"], "council_resolution", TENDO, party=YAMAGATA, expect=403)
    assert problem_fields(response) == ["body.party"]
    await api.step(draft["id"], "consultation", SAGAE, expect=403)  # not a party at all
    await api.call(
        "POST",
        f"/v1/agreements/{draft['id']}/steps",
        TENDO,
        roles=("auditor",),
        json={"step": "conclusion", "on": "2024-06-01"},
        expect=403,
    )
    await api.call(
        "POST",
        f"/v1/agreements/{draft['id']}/steps",
        TENDO,
        roles=("group",),
        json={"step": "conclusion", "on": "2024-06-01"},
        expect=403,
    )
    missing_number = await api.call(
        "POST",
        f"/v1/agreements/{draft['id']}/steps",
        TENDO,
        json={"step": "council_resolution", "on": "2024-06-01"},
        expect=422,
    )
    assert problem_fields(missing_number) == ["body.number"]


async def test_bad_parties_are_422_naming_the_field(api: Driver) -> None:
    body = {"kind": "renkei_kyoyaku", "title": "x", "parties": [YAMAGATA, YAMAGATA]}
    response = await api.call("POST", "/v1/agreements", YAMAGATA, json=body, expect=422)
    assert response.json()["errors"][0]["field"] == "body.parties[1]"
    assert response.json()["errors"][0]["rule"] == "distinct_parties"
    for code, rule in (("062015", "check_digit"), ("069990", "unknown_local_government")):
        response = await api.call(
            "POST", "/v1/agreements", YAMAGATA, json={**body, "parties": [YAMAGATA, code]}, expect=422
        )
        assert (response.json()["errors"][0]["field"], response.json()["errors"][0]["rule"]) == (
            "body.parties[1]",
            rule,
        )
    await api.call("POST", "/v1/agreements", SAGAE, json={**body, "parties": [YAMAGATA, TENDO]}, expect=403)
    settlement_with_prefecture = {
        **body,
        "kind": "teiju_jiritsu_kyotei",
        "parties": [YAMAGATA, YAMAGATA_PREF],
    }
    response = await api.call("POST", "/v1/agreements", YAMAGATA, json=settlement_with_prefecture, expect=422)
    assert response.json()["errors"][0]["rule"] == "municipalities_only"
    # The refused drafts rolled back after their parties were looked up (and cached): nothing is poisoned.
    assert (await api.draft(YAMAGATA_PREF, TENDO))["parties"][0]["code"] == YAMAGATA_PREF


async def test_a_prefecture_municipality_agreement_is_notified_to_the_minister(api: Driver) -> None:
    draft = await api.draft(
        YAMAGATA_PREF, TENDO, subjects=[{"type": "staffing_cooperation", "description": "保健師"}]
    )
    assert draft["open_procedure"]["notification_targets"][0]["authority"] == "minister"
    await api.complete(draft)
    [event] = await api.events("AgreementSigned")
    assert event["data"]["parties"][0]["kind"] == "prefecture" and event["data"]["subjects"] == [
        "staffing_cooperation"
    ]


async def test_amendment_and_termination_repeat_the_steps_and_keep_the_history(api: Driver) -> None:
    agreement = await api.in_force()
    url = f"/v1/agreements/{agreement['id']}"
    opened = await api.call(
        "POST",
        f"{url}/amendments",
        TENDO,
        json={"title": "連携協約（変更）", "effective_on": "2025-04-01"},
        expect=201,
    )
    assert opened.json()["status"] == "in_force" and opened.json()["current"]["number"] == 1
    await api.call("POST", f"{url}/termination", TENDO, json={"reason": "x"}, expect=409)  # one at a time
    amended = await api.complete(opened.json(), on=date(2025, 3, 1))
    assert amended["in_force_version"] == 2 and amended["current"]["title"] == "連携協約（変更）"
    terminating = await api.call(
        "POST",
        f"{url}/termination",
        YAMAGATA,
        json={"reason": "圏域の再編", "effective_on": "2026-03-31"},
        expect=201,
    )
    ended = await api.complete(terminating.json(), on=date(2026, 2, 1))
    assert ended["status"] == "terminated"
    history = (await api.call("GET", f"{url}/versions", TENDO)).json()["data"]
    assert [(v["number"], v["status"], v["in_force_on"], v["ended_on"]) for v in history] == [
        (1, "superseded", "2024-06-01", "2025-03-31"),
        (2, "terminated", "2025-04-01", "2026-03-31"),
    ]
    assert [p["purpose"] for p in history[1]["procedures"]] == ["amendment", "termination"]
    assert all(len(p["steps"]) == 7 for v in history for p in v["procedures"])
    types = [e["type"].split(".")[3] for e in await api.events() if e["subject"] == agreement["id"]]
    assert types == ["AgreementSigned", "AgreementAmended", "AgreementTerminated"]
    await api.step(agreement["id"], "consultation", YAMAGATA, expect=409)


async def test_if_match_guards_every_write_and_etags_change(api: Driver) -> None:
    draft = await api.draft()
    url = f"/v1/agreements/{draft['id']}"
    etag = (await api.call("GET", url, TENDO)).headers["ETag"]
    first = await api.step(draft["id"], "consultation", YAMAGATA, headers={"If-Match": etag})
    assert first.headers["ETag"] != etag
    stale = await api.step(
        draft["id"], "council_resolution", YAMAGATA, headers={"If-Match": etag}, expect=412
    )
    assert stale.headers["ETag"] == first.headers["ETag"]


async def test_idempotency_key_replays_the_first_response(api: Driver) -> None:
    body = {"kind": "renkei_kyoyaku", "title": "x", "parties": [YAMAGATA, TENDO]}
    headers = {"Idempotency-Key": "draft-1"}
    first = await api.call("POST", "/v1/agreements", YAMAGATA, json=body, headers=headers, expect=201)
    again = await api.call("POST", "/v1/agreements", YAMAGATA, json=body, headers=headers, expect=201)
    assert again.content == first.content and again.headers["Idempotent-Replayed"] == "true"
    assert len((await api.call("GET", "/v1/agreements", YAMAGATA)).json()["data"]) == 1


async def test_withdrawal_before_conclusion(api: Driver) -> None:
    draft = await api.draft()
    await api.step(draft["id"], "consultation", YAMAGATA)
    withdrawn = await api.call(
        "POST",
        f"/v1/agreements/{draft['id']}/withdrawal",
        TENDO,
        json={"withdrawn_on": "2024-07-01", "reason": "議会で否決"},
    )
    assert withdrawn.json()["status"] == "withdrawn" and withdrawn.json()["open_procedure"] is None
    assert await api.events() == []


async def test_reads_follow_party_prefecture_and_national(api: Driver) -> None:
    local = await api.draft()
    cross = await api.draft(YAMAGATA, SENDAI)
    await api.call("GET", f"/v1/agreements/{local['id']}", SAGAE, expect=403)
    await api.call("GET", f"/v1/agreements/{local['id']}", YAMAGATA_PREF)
    mine = (await api.call("GET", "/v1/agreements", TENDO)).json()["data"]
    assert [a["id"] for a in mine] == [local["id"]]
    miyagi = (await api.call("GET", "/v1/agreements", "040002")).json()["data"]
    assert [a["id"] for a in miyagi] == [cross["id"]]
    everything = (await api.call("GET", "/v1/agreements?limit=1", "mic", roles=("national",))).json()
    assert len(everything["data"]) == 1 and everything["next_cursor"]
    rest = (
        await api.call("GET", f"/v1/agreements?cursor={everything['next_cursor']}", "a", roles=("auditor",))
    ).json()
    assert [a["id"] for a in everything["data"] + rest["data"]] == [local["id"], cross["id"]]
    assert STEPS[0] == "consultation"


async def test_concurrent_writes_to_one_agreement_never_fail_with_500(api: Driver) -> None:
    draft = await api.draft()
    url = f"/v1/agreements/{draft['id']}/steps"
    body = {"step": "consultation", "on": "2024-06-01"}
    responses = await asyncio.gather(
        *(api.http.post(url, headers=api.as_(YAMAGATA), json=body) for _ in range(6))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(200) == 1 and set(statuses) <= {200, 409}, statuses
    history = (await api.call("GET", f"/v1/agreements/{draft['id']}/versions", TENDO)).json()["data"]
    assert len(history[0]["procedures"][0]["steps"]) == 1


async def test_only_a_member_or_the_centre_drafts_an_agreement_inside_an_area(api: Driver) -> None:
    members = [
        {"code": TENDO, "commuting_share": "0.2"},
        {"code": SAGAE, "since": "2024-04-01", "until": "2024-12-31", "commuting_share": "0.2"},
    ]
    declaration = {
        "area_type": "metropolitan",
        "name": "テスト圏域",
        "declared_on": "2024-04-01",
        "centres": [{"code": YAMAGATA, "day_night_ratio": "1.05"}],
        "members": members,
    }
    area = (await api.call("POST", "/v1/areas", YAMAGATA, json=declaration, expect=201)).json()
    body = {"kind": "renkei_kyoyaku", "title": "連携協約", "area_id": area["id"]}
    unknown = "01890000-0000-7000-8000-000000000000"

    def drafted(by: str, other: str, area_id: str, expect: int):  # type: ignore[no-untyped-def]
        json = {**body, "parties": [by, other], "area_id": area_id}
        return api.call("POST", "/v1/agreements", by, json=json, expect=expect)

    # 仙台市 may not read the area: the answer is the one for an area that does not exist.
    hidden = (await drafted(SENDAI, YAMAGATA, area["id"], 422)).json()["errors"]
    missing = (await drafted(SENDAI, YAMAGATA, unknown, 422)).json()["errors"]
    assert [(e["field"], e["rule"], e["message"].replace(area["id"], "ID")) for e in hidden] == [
        ("body.area_id", "unknown_area", "no area 'ID'")
    ]
    assert [(e["field"], e["rule"], e["message"].replace(unknown, "ID")) for e in missing] == [
        ("body.area_id", "unknown_area", "no area 'ID'")
    ]
    # 山形県 reads the area and 寒河江市 did belong to it, but neither is a member today: the centre being the
    # other party is not enough.
    for outsider in (YAMAGATA_PREF, SAGAE):
        refused = (await drafted(outsider, YAMAGATA, area["id"], 403)).json()
        assert [(e["field"], e["rule"]) for e in refused["errors"]] == [("body.area_id", "acts_for_own_org")]
    await drafted(TENDO, YAMAGATA, area["id"], 201)
    await drafted(YAMAGATA, TENDO, area["id"], 201)


async def test_each_party_notifies_its_own_governor_on_its_own_day(api: Driver) -> None:
    draft = await api.draft(YAMAGATA, SENDAI)  # 山形県 and 宮城県: two governors
    agreement_id = draft["id"]
    await api.step(agreement_id, "consultation", YAMAGATA, "2024-05-01")
    for org in (YAMAGATA, SENDAI):
        await api.step(agreement_id, "council_resolution", org, "2024-05-20")
    await api.step(agreement_id, "conclusion", YAMAGATA, "2024-06-01")
    for org in (YAMAGATA, SENDAI):
        shown = (await api.step(agreement_id, "public_notice", org, "2024-06-03")).json()
    procedure = shown["open_procedure"]
    assert procedure["next_steps"] == [
        {"step": "notification", "party": YAMAGATA},
        {"step": "notification", "party": SENDAI},
    ]
    # A notification that names a party is that party's own act.
    refused = await api.step(agreement_id, "notification", YAMAGATA, "2024-06-10", party=SENDAI, expect=403)
    assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [("body.party", "acts_for_own_org")]
    # Naming its own party, 山形市 notifies for itself alone (without a party it would be a joint record).
    own = await api.step(agreement_id, "notification", YAMAGATA, "2024-06-10", party=YAMAGATA)
    procedure = own.json()["open_procedure"]
    assert [
        (n["party"], n["target"]["authority_code"], n["target"]["title"], n["on"])
        for n in procedure["notifications"]
    ] == [
        (YAMAGATA, YAMAGATA_PREF, "山形県知事", "2024-06-10"),
        (SENDAI, MIYAGI_PREF, "宮城県知事", None),
    ]
    assert procedure["next_steps"] == [{"step": "notification", "party": SENDAI}]
    signed = (await api.step(agreement_id, "notification", SENDAI, "2024-06-20", party=SENDAI)).json()
    assert signed["status"] == "in_force" and signed["current"]["in_force_on"] == "2024-06-20"
    history = (await api.call("GET", f"/v1/agreements/{agreement_id}/versions", SENDAI)).json()
    notifications = history["data"][0]["procedures"][0]["notifications"]
    assert [(n["party"], n["on"], n["joint"]) for n in notifications] == [
        (YAMAGATA, "2024-06-10", False),
        (SENDAI, "2024-06-20", False),
    ]
