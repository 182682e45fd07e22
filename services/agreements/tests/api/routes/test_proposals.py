"""The consensus process: who records which position, objections with reasons, and the readable history."""

from __future__ import annotations

from agreements_testkit import KAMINOYAMA, SAGAE, TENDO, YAMAGATA, YAMAGATA_PREF, Driver
from renkei_common.testing.client import problem_fields


async def test_positions_are_tracked_per_partner_with_history(api: Driver) -> None:
    area = await api.declare(
        YAMAGATA, (TENDO, KAMINOYAMA), consensus_rules={"text": "全会一致", "decision_method": "unanimity"}
    )
    proposal = (
        await api.call(
            "POST",
            "/v1/proposals",
            YAMAGATA,
            expect=201,
            json={
                "subject_type": "area",
                "subject_id": area["id"],
                "title": "広域炊飯施設の整備",
                "opened_on": "2024-05-01",
            },
        )
    ).json()
    assert proposal["partners"] == [
        {"partner": KAMINOYAMA, "position": None, "stated_on": None},
        {"partner": TENDO, "position": None, "stated_on": None},
    ]
    url = f"/v1/proposals/{proposal['id']}/positions"
    for partner in (TENDO, KAMINOYAMA):
        await api.call(
            "POST",
            url,
            YAMAGATA,
            json={"position": "consulted", "partner": partner, "stated_on": "2024-05-10"},
            expect=201,
        )
    await api.call("POST", url, TENDO, json={"position": "agreed", "stated_on": "2024-05-20"}, expect=201)
    # A partner speaks only for itself; an outsider not at all.
    await api.call(
        "POST",
        url,
        TENDO,
        json={"position": "agreed", "partner": KAMINOYAMA, "stated_on": "2024-05-20"},
        expect=403,
    )
    await api.call("POST", url, SAGAE, json={"position": "agreed", "stated_on": "2024-05-20"}, expect=403)
    no_reason = await api.call(
        "POST", url, KAMINOYAMA, json={"position": "objected", "stated_on": "2024-05-21"}, expect=422
    )
    assert problem_fields(no_reason) == ["body.reasons"]
    objected = await api.call(
        "POST",
        url,
        KAMINOYAMA,
        expect=201,
        json={"position": "objected", "reasons": "運搬費の負担が大きい", "stated_on": "2024-05-21"},
    )
    assert objected.json()["outcome"] == "blocked"
    resolved = await api.call(
        "POST",
        url,
        YAMAGATA,
        expect=201,
        json={
            "position": "resolved",
            "partner": KAMINOYAMA,
            "reasons": "運搬費は均等割に",
            "stated_on": "2024-06-01",
        },
    )
    body = resolved.json()
    assert body["outcome"] == "reached" and body["decision_method"] == "unanimity"
    assert [(h["partner"], h["position"], h["recorded_by_org"]) for h in body["history"]] == [
        (TENDO, "consulted", YAMAGATA),
        (KAMINOYAMA, "consulted", YAMAGATA),
        (TENDO, "agreed", TENDO),
        (KAMINOYAMA, "objected", KAMINOYAMA),
        (KAMINOYAMA, "resolved", YAMAGATA),
    ]
    bad_move = await api.call(
        "POST", url, TENDO, json={"position": "resolved", "stated_on": "2024-06-02"}, expect=409
    )
    assert bad_move.json()["errors"][0]["rule"] == "position_transition"
    await api.call("GET", f"/v1/proposals/{proposal['id']}", YAMAGATA_PREF)
    await api.call("GET", f"/v1/proposals/{proposal['id']}", SAGAE, expect=403)
    listed = (await api.call("GET", f"/v1/proposals?subject_id={area['id']}", TENDO)).json()["data"]
    assert [p["id"] for p in listed] == [proposal["id"]]
    assert (await api.call("GET", "/v1/proposals", SAGAE)).json()["data"] == []


async def test_only_participants_open_proposals_to_participants(api: Driver) -> None:
    agreement = await api.draft()
    body = {
        "subject_type": "agreement",
        "subject_id": agreement["id"],
        "title": "x",
        "opened_on": "2024-05-01",
    }
    await api.call("POST", "/v1/proposals", SAGAE, json=body, expect=403)
    response = await api.call("POST", "/v1/proposals", TENDO, json={**body, "partners": [SAGAE]}, expect=422)
    assert problem_fields(response) == ["body.partners[0]"]
    missing = await api.call("POST", "/v1/proposals", TENDO, json={**body, "subject_id": "nope"}, expect=422)
    assert problem_fields(missing) == ["body.subject_id"]
    opened = await api.call("POST", "/v1/proposals", TENDO, json=body, expect=201)
    assert [p["partner"] for p in opened.json()["partners"]] == [YAMAGATA]
