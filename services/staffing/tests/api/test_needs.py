"""Needs, ranked candidates with their explanation, coverage, professions as data, and the views."""

from __future__ import annotations

from staffing_testkit import (
    MIE_PREF,
    NARA_PREF,
    TENKAWA,
    TOTSUKAWA,
    Driver,
    agreement_event,
    emitted,
    rules,
    signed,
)


async def test_candidates_are_ranked_and_explained_and_double_booked_ones_left_out(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, signed("agr-tenkawa", (NARA_PREF, TENKAWA)))
    returning = await api.specialist(name="継続 一郎")
    local = await api.specialist(name="県内 二郎")
    outsider = await api.specialist(MIE_PREF, name="県外 三郎")
    busy = await api.specialist(name="多忙 四郎")
    await api.dispatch(returning["id"], period=("2024-04-01", "2025-03-31"))  # served 十津川村 before
    await api.dispatch(busy["id"], TENKAWA, agreement_id="agr-tenkawa", period=("2025-10-01", "2026-09-30"))
    need = await api.need()

    ranked = (await api.call("GET", f"/v1/needs/{need['id']}/candidates", TOTSUKAWA)).json()["data"]
    assert [c["specialist_id"] for c in ranked] == [returning["id"], local["id"], outsider["id"]]
    assert [c["rank"] for c in ranked] == [1, 2, 3]
    assert [c["score"] for c in ranked] == [90, 40, 10]
    factors = {f["factor"]: f for f in ranked[0]["factors"]}
    assert factors["continuity"] == {
        "factor": "continuity",
        "points": 50,
        "passed": True,
        "detail": "served this municipality before",
    }
    assert {f["factor"]: f["passed"] for f in ranked[2]["factors"]}["same_prefecture"] is False
    assert all("郎" not in c["display_name"] for c in ranked)  # the municipality sees pseudonyms
    as_employer = (await api.call("GET", f"/v1/needs/{need['id']}/candidates?limit=1", NARA_PREF)).json()[
        "data"
    ]
    assert [c["display_name"] for c in as_employer] == ["継続 一郎"]

    # Filling the need with the top candidate: the need is filled and the candidate no longer available.
    await api.dispatch(returning["id"], need_id=need["id"])
    assert (await api.call("GET", f"/v1/needs/{need['id']}", TOTSUKAWA)).json()["status"] == "filled"
    again = (await api.call("GET", f"/v1/needs/{need['id']}/candidates", TOTSUKAWA)).json()["data"]
    assert returning["id"] not in [c["specialist_id"] for c in again]
    assert [e["status"] for e in await emitted(api.client, "NeedStated")] == ["open", "filled"]
    refill = await api.dispatch(local["id"], need_id=need["id"], expect=409)
    assert rules(refill) == [("state", "need_open")]


async def test_needs_are_the_municipalitys_and_coverage_counts_them(api: Driver) -> None:
    body = {
        "municipality_code": TOTSUKAWA,
        "profession_code": "public_health_nurse",
        "starts_on": "2025-04-01",
        "ends_on": "2026-03-31",
        "workload_percent": 50,
    }
    denied = await api.call("POST", "/v1/needs", TENKAWA, json=body, expect=403)
    assert rules(denied) == [("body.municipality_code", "acts_for_own_org")]
    await api.call("POST", "/v1/needs", TOTSUKAWA, roles=("prefecture",), json=body, expect=403)
    bad = await api.call("POST", "/v1/needs", TOTSUKAWA, json={**body, "ends_on": "2025-03-31"}, expect=422)
    assert rules(bad) == [("body.ends_on", "end_not_before_start")]
    for workload in (0, 101):
        response = await api.call(
            "POST", "/v1/needs", TOTSUKAWA, json={**body, "workload_percent": workload}, expect=422
        )
        assert rules(response)[0][0] == "body.workload_percent"
    first = (
        await api.call("POST", "/v1/needs", TOTSUKAWA, json={**body, "workload_percent": 100}, expect=201)
    ).json()
    second = (
        await api.call("POST", "/v1/needs", TOTSUKAWA, json={**body, "workload_percent": 1}, expect=201)
    ).json()
    await api.call("POST", f"/v1/needs/{second['id']}/cancel", TENKAWA, expect=403)
    await api.call("POST", f"/v1/needs/{second['id']}/cancel", TOTSUKAWA)
    await api.call("POST", f"/v1/needs/{second['id']}/cancel", TOTSUKAWA, expect=409)
    coverage = (
        await api.call(
            "GET", f"/v1/views/needs-coverage?municipality_code={TOTSUKAWA}&unfilled_days=0", NARA_PREF
        )
    ).json()
    assert (coverage["open"], coverage["filled"], coverage["cancelled"]) == (1, 0, 1)
    assert coverage["unfilled_longer_ids"] == [first["id"]]
    fresh = (await api.call("GET", "/v1/views/needs-coverage?unfilled_days=30", NARA_PREF)).json()
    assert fresh["unfilled_longer"] == 0
    await api.call("GET", "/v1/needs", "g", roles=("group",), expect=403)


async def test_professions_are_data_added_by_national_or_operators(api: Driver) -> None:
    listed = (await api.call("GET", "/v1/professions", TOTSUKAWA)).json()["data"]
    names = {p["code"]: p for p in listed}
    assert {"保健師", "保育士", "税務", "用地", "土木技師", "デジタル人材", "フォレスター"} <= {
        p["name"] for p in listed
    }
    assert names["digital"]["covered_by_measure"] is False
    body = {"code": "librarian", "name": "司書", "required_licences": ["librarian_qualification"]}
    await api.call("POST", "/v1/professions", NARA_PREF, json=body, expect=403)
    await api.call("POST", "/v1/professions", "000000", roles=("auditor",), json=body, expect=403)
    created = await api.call("POST", "/v1/professions", "000000", roles=("national",), json=body, expect=201)
    assert created.json()["required_licences"] == ["librarian_qualification"]
    dup = await api.call("POST", "/v1/professions", "op", roles=("operator",), json=body, expect=409)
    assert rules(dup) == [("state", "profession_exists")]
    bad = await api.call(
        "POST", "/v1/professions", "op", roles=("operator",), json={**body, "code": "Bad Code"}, expect=422
    )
    assert rules(bad)[0][0] == "body.code"
    [event] = await emitted(api.client, "ProfessionDefined")
    assert event["profession_code"] == "librarian"
    librarian = await api.call("GET", "/v1/professions/librarian", TOTSUKAWA)
    assert librarian.json()["name"] == "司書"


async def test_dispatch_views_by_prefecture_municipality_and_profession(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, signed("agr-tenkawa", (NARA_PREF, TENKAWA)))
    await api.dispatch((await api.specialist())["id"])
    await api.dispatch((await api.specialist())["id"], TENKAWA, agreement_id="agr-tenkawa")
    await api.dispatch((await api.specialist(profession="local_tax"))["id"])
    on = "on=2025-06-01"
    by_pref = (
        await api.call("GET", f"/v1/views/dispatches?by=prefecture&{on}", "0", roles=("national",))
    ).json()
    assert by_pref["data"] == [{"key": "29", "label": "奈良県", "dispatches": 3}]
    by_town = (await api.call("GET", f"/v1/views/dispatches?by=municipality&{on}", NARA_PREF)).json()["data"]
    assert [(g["label"], g["dispatches"]) for g in by_town] == [("天川村", 1), ("十津川村", 2)]
    by_job = (await api.call("GET", f"/v1/views/dispatches?by=profession&{on}", TOTSUKAWA)).json()["data"]
    assert [(g["key"], g["dispatches"]) for g in by_job] == [("forester", 1), ("local_tax", 1)]
    later = (await api.call("GET", "/v1/views/dispatches?by=prefecture&on=2026-04-01", NARA_PREF)).json()
    assert later["data"] == []
    nothing = (await api.call("GET", f"/v1/views/dispatches?by=municipality&{on}", "242012")).json()
    assert nothing["data"] == []


async def test_a_renewed_licence_makes_a_specialist_a_candidate_again(api: Driver) -> None:
    lapsing = await api.call(
        "POST",
        "/v1/specialists",
        NARA_PREF,
        expect=201,
        json={
            "profession_code": "forester",
            "employer_code": NARA_PREF,
            "employed_from": "2021-04-01",
            "employed_until": "2040-03-31",
            "name": "更新 五郎",
            "licences": [{"kind": "forester_certificate", "number": "F-1", "expires_on": "2026-03-30"}],
        },
    )
    need = await api.need()
    url = f"/v1/needs/{need['id']}/candidates"
    assert (await api.call("GET", url, TOTSUKAWA)).json()["data"] == []
    renewal = {"licences": [{"kind": "forester_certificate", "number": "F-2", "expires_on": "2031-03-31"}]}
    await api.call(
        "PATCH",
        f"/v1/specialists/{lapsing.json()['id']}",
        NARA_PREF,
        json=renewal,
        headers={"If-Match": lapsing.headers["ETag"]},
    )
    [candidate] = (await api.call("GET", url, TOTSUKAWA)).json()["data"]
    assert candidate["specialist_id"] == lapsing.json()["id"] and candidate["score"] == 40
    dropped = await api.call(
        "PATCH",
        f"/v1/specialists/{lapsing.json()['id']}",
        NARA_PREF,
        json={"licences": []},
        expect=422,
    )
    assert rules(dropped) == [("body.licences", "required_licences")]
