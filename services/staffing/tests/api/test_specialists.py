"""Specialists: who sees personal data, who writes, and how bad input is refused.

The employer sees personal data, the receiving municipality only during a dispatch, others a pseudonym;
writes are the employer's; bad input is refused by field and rule and changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

from renkei_staffing.domain.redaction import pseudonym
from staffing_testkit import (
    NARA_CITY,
    NARA_PREF,
    TENKAWA,
    TOTSUKAWA,
    Driver,
    agreement_event,
    emitted,
    rules,
    signed,
)

TODAY = date.today()


async def test_personal_data_visible_to_employer_and_to_receiver_only_during_the_dispatch(
    api: Driver,
) -> None:
    await agreement_event(api.client, signed(in_force_on=TODAY - timedelta(days=400)))
    await agreement_event(
        api.client, signed("agr-tenkawa", (NARA_PREF, TENKAWA), in_force_on=TODAY - timedelta(days=400))
    )
    forester = await api.specialist()
    sid = forester["id"]
    assert forester["display_name"] == "山田 花子" and forester["personal_data"] is True
    assert forester["licences"][0]["number"] == "LIC-0001" and forester["contact"] == "0742-00-0000"

    before = (await api.call("GET", f"/v1/specialists/{sid}", TOTSUKAWA)).json()
    assert before["personal_data"] is False and before["display_name"] == pseudonym(sid)
    assert before["contact"] is None and before["licences"][0]["number"] is None
    assert before["licences"][0]["kind"] == "forester_certificate"  # validity is not personal

    # During a dispatch to 十津川村, 十津川村 sees the person; 天川村 and national still do not.
    await api.dispatch(
        sid, period=((TODAY - timedelta(days=10)).isoformat(), (TODAY + timedelta(days=10)).isoformat())
    )
    during = (await api.call("GET", f"/v1/specialists/{sid}", TOTSUKAWA)).json()
    assert during["personal_data"] is True and during["display_name"] == "山田 花子"
    for org, roles in ((TENKAWA, ("municipality",)), ("000000", ("national",)), ("000000", ("auditor",))):
        other = (await api.call("GET", f"/v1/specialists/{sid}", org, roles=roles)).json()
        assert other["personal_data"] is False and "山田" not in str(other) and "LIC-0001" not in str(other)
    listed = (await api.call("GET", "/v1/specialists", TENKAWA)).json()
    assert [s["display_name"] for s in listed["data"]] == [pseudonym(sid)]


async def test_receiver_of_a_past_dispatch_sees_a_pseudonym(api: Driver) -> None:
    await agreement_event(api.client, signed(in_force_on=date(2020, 4, 1)))
    sid = (await api.specialist(employed=("2020-04-01", "2040-03-31")))["id"]
    await api.dispatch(sid, period=("2021-04-01", (TODAY - timedelta(days=1)).isoformat()))
    seen = (await api.call("GET", f"/v1/specialists/{sid}", TOTSUKAWA)).json()
    assert seen["personal_data"] is False


async def test_events_carry_only_the_opaque_id(api: Driver) -> None:
    forester = await api.specialist()
    [event] = await emitted(api.client, "SpecialistRegistered")
    assert event["specialist_id"] == forester["id"]
    assert "山田" not in str(event) and "LIC-0001" not in str(event) and "0742" not in str(event)
    assert set(event) == {
        "specialist_id",
        "profession_code",
        "employer_code",
        "employed_from",
        "employed_until",
        "licences",
    }


async def test_only_the_employer_registers_and_updates(api: Driver) -> None:
    body = {
        "profession_code": "local_tax",
        "employer_code": NARA_PREF,
        "employed_from": "2024-04-01",
        "employed_until": "2030-03-31",
        "name": "x",
    }
    other = await api.call("POST", "/v1/specialists", TOTSUKAWA, json=body, expect=403)
    assert rules(other) == [("body.employer_code", "acts_for_own_org")]
    await api.call("POST", "/v1/specialists", NARA_PREF, roles=("auditor",), json=body, expect=403)
    group = await api.call("POST", "/v1/specialists", NARA_PREF, roles=("group",), json=body, expect=403)
    assert "roles" in group.json()["detail"]  # a group acts for no government
    sid = (await api.specialist())["id"]
    await api.call("PATCH", f"/v1/specialists/{sid}", NARA_CITY, json={"contact": "x"}, expect=403)
    await api.call("GET", f"/v1/specialists/{sid}", "g1", roles=("group",), expect=403)
    assert len(await emitted(api.client, "SpecialistRegistered")) == 1


async def test_update_renews_licences_with_if_match(api: Driver) -> None:
    created = await api.call(
        "POST",
        "/v1/specialists",
        NARA_PREF,
        expect=201,
        json={
            "profession_code": "forester",
            "employer_code": NARA_PREF,
            "employed_from": "2021-04-01",
            "employed_until": "2030-03-31",
            "name": "山田 花子",
            "licences": [{"kind": "forester_certificate", "number": "F-1", "expires_on": "2025-03-31"}],
        },
    )
    sid, etag = created.json()["id"], created.headers["ETag"]
    renewal = {"licences": [{"kind": "forester_certificate", "number": "F-2", "expires_on": "2029-03-31"}]}
    updated = await api.call(
        "PATCH", f"/v1/specialists/{sid}", NARA_PREF, json=renewal, headers={"If-Match": etag}
    )
    assert updated.json()["licences"][0]["expires_on"] == "2029-03-31" and updated.headers["ETag"] != etag
    await api.call(
        "PATCH", f"/v1/specialists/{sid}", NARA_PREF, json=renewal, headers={"If-Match": etag}, expect=412
    )
    assert [e["licences"][0]["expires_on"] for e in await emitted(api.client, "SpecialistRegistered")] == [
        "2025-03-31",
        "2029-03-31",
    ]


async def test_bad_input_names_field_and_rule(api: Driver) -> None:
    base = {
        "profession_code": "forester",
        "employer_code": NARA_PREF,
        "employed_from": "2024-04-01",
        "employed_until": "2030-03-31",
        "name": "x",
        "licences": [{"kind": "forester_certificate", "number": "F-1"}],
    }
    cases = [
        ({"employed_until": "2024-03-31"}, [("body.employed_until", "end_not_before_start")]),
        ({"profession_code": "astronaut"}, [("body.profession_code", "known_profession")]),
        ({"licences": []}, [("body.licences", "required_licences")]),
        ({"employer_code": "290008"}, None),  # bad check digit: 403 (not the actor's org) comes first
    ]
    for change, expected in cases:
        response = await api.http.post("/v1/specialists", json={**base, **change}, headers=api.as_(NARA_PREF))
        if expected is None:
            assert response.status_code == 403
            continue
        assert response.status_code == 422, response.text
        assert rules(response) == expected
    unknown_field = await api.call(
        "POST", "/v1/specialists", NARA_PREF, json={**base, "nmae": "x"}, expect=422
    )
    assert ("body.nmae", "extra_forbidden") in rules(unknown_field)
    bad_date = await api.call(
        "POST", "/v1/specialists", NARA_PREF, json={**base, "employed_from": "2024-02-30"}, expect=422
    )
    assert rules(bad_date)[0][0] == "body.employed_from"
    assert await emitted(api.client, "SpecialistRegistered") == []
