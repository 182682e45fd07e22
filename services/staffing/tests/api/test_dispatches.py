"""Dispatches through the API: the issue's eligibility cases, double booking, termination flags, ending."""

from __future__ import annotations

import asyncio
from datetime import date

from renkei_common.events.contracts import AgreementAmended, MunicipalityUpdated
from staffing_testkit import (
    AGREEMENT,
    MIE_PREF,
    NARA_CITY,
    NARA_PREF,
    TENKAWA,
    TOTSUKAWA,
    TSU,
    Driver,
    agreement_event,
    deliver,
    emitted,
    envelope,
    rules,
    signed,
    terminated,
)


async def test_nara_to_totsukawa_under_an_agreement_in_force_is_valid_and_emitted(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester = await api.specialist()
    dispatch = (await api.dispatch(forester["id"])).json()
    assert dispatch["status"] == "active" and dispatch["employer_code"] == NARA_PREF
    assert dispatch["receiving_code"] == TOTSUKAWA and dispatch["agreement_id"] == AGREEMENT
    [event] = await emitted(api.client, "SpecialistDispatched")
    assert event["dispatch_id"] == dispatch["id"] and event["specialist_id"] == forester["id"]
    assert "山田" not in str(event) and "LIC-0001" not in str(event)  # no personal data in events
    again = await api.call("GET", f"/v1/dispatches/{dispatch['id']}", TOTSUKAWA)
    assert again.json() == dispatch
    # Only the parties, their prefecture, national and auditors read it.
    await api.call("GET", f"/v1/dispatches/{dispatch['id']}", TSU, expect=403)
    await api.call("GET", f"/v1/dispatches/{dispatch['id']}", MIE_PREF, expect=403)
    await api.call("GET", f"/v1/dispatches/{dispatch['id']}", "0", roles=("auditor",))
    assert (await api.call("GET", "/v1/dispatches", TSU)).json()["data"] == []
    assert len((await api.call("GET", "/v1/dispatches", "0", roles=("national",))).json()["data"]) == 1


async def test_only_the_employer_dispatches_and_ends(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester = await api.specialist()
    body = {
        "specialist_id": forester["id"],
        "receiving_code": TOTSUKAWA,
        "agreement_id": AGREEMENT,
        "starts_on": "2025-04-01",
        "ends_on": "2026-03-31",
    }
    denied = await api.call("POST", "/v1/dispatches", TOTSUKAWA, json=body, expect=403)
    assert rules(denied) == [("body.specialist_id", "acts_for_own_org")]
    await api.call("POST", "/v1/dispatches", NARA_PREF, roles=("auditor",), json=body, expect=403)
    dispatch = (await api.dispatch(forester["id"])).json()
    ending = {"ended_on": "2025-12-31", "reason": "recalled"}
    denied = await api.call(
        "POST", f"/v1/dispatches/{dispatch['id']}/end", TOTSUKAWA, json=ending, expect=403
    )
    assert rules(denied) == [("path.dispatch_id", "acts_for_own_org")]
    cost = {"fiscal_year": 2025, "month": 4, "salary_yen": 1}
    denied = await api.call(
        "POST", f"/v1/dispatches/{dispatch['id']}/costs", TOTSUKAWA, json=cost, expect=403
    )
    assert rules(denied) == [("path.dispatch_id", "acts_for_own_org")]
    await api.call("GET", f"/v1/dispatches/{dispatch['id']}/costs", TSU, expect=403)
    assert await emitted(api.client, "DispatchEnded") == []


async def test_nara_city_refused_as_core_city_and_capital(api: Driver) -> None:
    await agreement_event(api.client, signed("agr-nara-city", (NARA_PREF, NARA_CITY)))
    forester = await api.specialist()
    refused = await api.dispatch(forester["id"], NARA_CITY, agreement_id="agr-nara-city", expect=422)
    assert rules(refused) == [("body.receiving_code", "receiving_not_excluded")]
    assert "中核市・県庁所在地" in refused.json()["errors"][0]["message"]
    assert await emitted(api.client, "SpecialistDispatched") == []  # nothing changed


async def test_tsu_refused_as_a_capital(api: Driver) -> None:
    await agreement_event(api.client, signed("agr-mie-tsu", (MIE_PREF, TSU)))
    forester = await api.specialist(MIE_PREF)
    refused = await api.dispatch(
        forester["id"], TSU, employer=MIE_PREF, agreement_id="agr-mie-tsu", expect=422
    )
    assert rules(refused) == [("body.receiving_code", "receiving_not_excluded")]
    assert "県庁所在地" in refused.json()["errors"][0]["message"]


async def test_without_an_agreement_refused(api: Driver) -> None:
    forester = await api.specialist()
    refused = await api.dispatch(forester["id"], agreement_id="never-signed", expect=422)
    assert rules(refused) == [("body.agreement_id", "agreement_in_force")]


async def test_before_the_agreement_is_in_force_refused(api: Driver) -> None:
    await agreement_event(api.client, signed(in_force_on=date(2025, 4, 2)))
    forester = await api.specialist()
    refused = await api.dispatch(forester["id"], expect=422)
    assert rules(refused) == [("body.agreement_id", "agreement_in_force_at_start")]
    await api.dispatch(forester["id"], period=("2025-04-02", "2026-03-31"))  # from its first day: valid


async def test_reaching_past_the_termination_refused(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, terminated(on=date(2026, 1, 1)))
    forester = await api.specialist()
    refused = await api.dispatch(forester["id"], expect=422)
    assert rules(refused) == [("body.agreement_id", "agreement_in_force_until_end")]
    await api.dispatch(forester["id"], period=("2025-04-01", "2025-12-31"))


async def test_agreement_with_another_municipality_refused(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester = await api.specialist()
    refused = await api.dispatch(forester["id"], TENKAWA, expect=422)
    assert rules(refused) == [("body.agreement_id", "agreement_between_parties")]


async def test_double_booking_is_a_conflict_and_touching_periods_are_not(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, signed("agr-tenkawa", (NARA_PREF, TENKAWA)))
    forester = await api.specialist()
    first = (await api.dispatch(forester["id"])).json()
    clash = await api.dispatch(
        forester["id"], TENKAWA, agreement_id="agr-tenkawa", period=("2026-03-31", "2026-09-30"), expect=409
    )
    assert rules(clash) == [("state", "double_booking")]
    assert clash.json()["conflicting_dispatch_ids"] == [first["id"]]
    await api.dispatch(
        forester["id"], TENKAWA, agreement_id="agr-tenkawa", period=("2026-04-01", "2026-09-30")
    )


async def test_employment_and_licence_over_the_period(api: Driver) -> None:
    await agreement_event(api.client, signed())
    short = await api.specialist(employed=("2021-04-01", "2026-03-30"))
    refused = await api.dispatch(short["id"], expect=422)
    assert rules(refused) == [("body.specialist_id", "employed_over_period")]
    lapsing = await api.specialist(expires_on="2026-03-30")
    refused = await api.dispatch(lapsing["id"], expect=422)
    assert rules(refused) == [("body.specialist_id", "licences_valid_over_period")]
    await api.dispatch((await api.specialist(expires_on="2026-03-31"))["id"])


async def test_termination_later_flags_active_dispatches_once_and_lists_them(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester, other = await api.specialist(), await api.specialist(name="佐藤 太郎")
    long = (await api.dispatch(forester["id"], period=("2025-04-01", "2027-03-31"))).json()
    short = (await api.dispatch(other["id"], period=("2025-04-01", "2025-09-30"))).json()
    await agreement_event(api.client, terminated(on=date(2026, 4, 1)))
    await agreement_event(api.client, terminated(on=date(2026, 4, 1)))  # redelivered: nothing more
    flagged = await api.call("GET", "/v1/dispatches?status=active&flagged=true", NARA_PREF)
    assert [d["id"] for d in flagged.json()["data"]] == [long["id"]]
    assert flagged.json()["data"][0]["agreement_terminated_on"] == "2026-04-01"
    assert [e["dispatch_id"] for e in await emitted(api.client, "DispatchFlagged")] == [long["id"]]
    mine = await api.call("GET", "/v1/dispatches?flagged=true", TOTSUKAWA)
    assert len(mine.json()["data"]) == 1
    unflagged = await api.call("GET", "/v1/dispatches?flagged=false", NARA_PREF)
    assert [d["id"] for d in unflagged.json()["data"]] == [short["id"]]

    # The employer acts: it ends the dispatch on the last day under the agreement, with the reason.
    etag = (await api.call("GET", f"/v1/dispatches/{long['id']}", NARA_PREF)).headers["ETag"]
    ended = await api.call(
        "POST",
        f"/v1/dispatches/{long['id']}/end",
        NARA_PREF,
        json={"ended_on": "2026-03-31", "reason": "agreement_terminated"},
        headers={"If-Match": etag},
    )
    assert ended.json()["status"] == "ended" and ended.json()["end_reason"] == "agreement_terminated"
    [event] = await emitted(api.client, "DispatchEnded")
    assert (event["reason"], event["ended_on"]) == ("agreement_terminated", "2026-03-31")
    again = await api.call(
        "POST",
        f"/v1/dispatches/{long['id']}/end",
        NARA_PREF,
        json={"ended_on": "2026-03-31", "reason": "other"},
        expect=409,
    )
    assert rules(again) == [("state", "dispatch_active")]


async def test_end_outside_the_period_and_stale_etag_refused(api: Driver) -> None:
    await agreement_event(api.client, signed())
    dispatch = (await api.dispatch((await api.specialist())["id"])).json()
    late = await api.call(
        "POST",
        f"/v1/dispatches/{dispatch['id']}/end",
        NARA_PREF,
        json={"ended_on": "2026-04-01", "reason": "completed"},
        expect=422,
    )
    assert rules(late) == [("body.ended_on", "within_dispatch")]
    stale = await api.call(
        "POST",
        f"/v1/dispatches/{dispatch['id']}/end",
        NARA_PREF,
        json={"ended_on": "2026-03-31", "reason": "completed"},
        headers={"If-Match": '"stale"'},
        expect=412,
    )
    assert stale.headers["content-type"].startswith("application/problem+json")


async def test_concurrent_dispatches_of_one_specialist_book_it_once(api: Driver) -> None:
    await agreement_event(api.client, signed())
    await agreement_event(api.client, signed("agr-tenkawa", (NARA_PREF, TENKAWA)))
    forester = await api.specialist()
    bodies = [
        {"receiving_code": TOTSUKAWA, "agreement_id": AGREEMENT},
        {"receiving_code": TENKAWA, "agreement_id": "agr-tenkawa"},
    ]
    responses = await asyncio.gather(
        *(
            api.http.post(
                "/v1/dispatches",
                json={
                    "specialist_id": forester["id"],
                    "starts_on": "2025-04-01",
                    "ends_on": "2026-03-31",
                    **body,
                },
                headers=api.as_(NARA_PREF),
            )
            for body in bodies
        )
    )
    assert sorted(r.status_code for r in responses) == [201, 409]
    assert len(await emitted(api.client, "SpecialistDispatched")) == 1


async def test_a_replayed_idempotency_key_dispatches_once(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester = await api.specialist()
    headers = {"Idempotency-Key": "dispatch-0001"}
    first = await api.dispatch(forester["id"], headers=headers)
    again = await api.dispatch(forester["id"], headers=headers)
    assert again.json() == first.json()
    assert len(await emitted(api.client, "SpecialistDispatched")) == 1


async def test_the_exclusion_follows_municipality_updates_from_the_agreements_service(api: Driver) -> None:
    await agreement_event(api.client, signed())
    forester = await api.specialist()
    # Were 十津川村 designated a core city (中核市), the registry update would reach staffing as an event.
    update = MunicipalityUpdated(
        code=TOTSUKAWA,
        name="十津川村",
        kind="village",
        prefecture_code="29",
        population=3063,
        population_year=2020,
        flags=["core_city"],
    )
    await deliver(api.client, envelope(update, aggregate_version=2, subject=TOTSUKAWA))
    refused = await api.dispatch(forester["id"], expect=422)
    assert rules(refused) == [("body.receiving_code", "receiving_not_excluded")]
    assert "中核市" in refused.json()["errors"][0]["message"]
    # An older update delivered late changes nothing; a newer one lifts the flag.
    await deliver(
        api.client, envelope(update.model_copy(update={"flags": []}), aggregate_version=1, subject=TOTSUKAWA)
    )
    await api.dispatch(forester["id"], expect=422)
    await deliver(
        api.client, envelope(update.model_copy(update={"flags": []}), aggregate_version=3, subject=TOTSUKAWA)
    )
    await api.dispatch(forester["id"])


async def test_an_amendment_that_drops_the_receiver_flags_its_dispatches(api: Driver) -> None:
    parties = (NARA_PREF, TOTSUKAWA, TENKAWA)
    await agreement_event(api.client, signed(parties=parties))
    to_totsukawa = (
        await api.dispatch((await api.specialist())["id"], period=("2025-04-01", "2027-03-31"))
    ).json()
    to_tenkawa = (
        await api.dispatch((await api.specialist())["id"], TENKAWA, period=("2025-04-01", "2027-03-31"))
    ).json()
    # Version 2 keeps 天川村 and drops 十津川村 from 2026-04-01.
    amended = AgreementAmended(
        **{**signed(parties=(NARA_PREF, TENKAWA), in_force_on=date(2026, 4, 1), version=2).model_dump()},
        previous_version=1,
    )
    await agreement_event(api.client, amended)
    flagged = (await api.call("GET", "/v1/dispatches?flagged=true", NARA_PREF)).json()["data"]
    assert [(d["id"], d["flag_reason"], d["agreement_terminated_on"]) for d in flagged] == [
        (to_totsukawa["id"], "party_left_agreement", "2026-04-01")
    ]
    [event] = await emitted(api.client, "DispatchFlagged")
    assert (event["dispatch_id"], event["reason"]) == (to_totsukawa["id"], "party_left_agreement")
    assert to_tenkawa["id"] not in {d["id"] for d in flagged}
    # New dispatches to 十津川村 under it are refused; the first in-force day still counts for 天川村.
    refused = await api.dispatch(
        (await api.specialist())["id"], period=("2027-04-01", "2028-03-31"), expect=422
    )
    assert rules(refused) == [("body.agreement_id", "agreement_between_parties")]
    await api.dispatch((await api.specialist())["id"], TENKAWA, period=("2025-04-01", "2025-06-30"))
