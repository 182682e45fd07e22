"""Recruitment and personnel costs in integer yen, events, and the per-employer FY split by eligibility."""

from __future__ import annotations

from datetime import date

from staffing_testkit import NARA_PREF, TOTSUKAWA, Driver, agreement_event, emitted, rules, signed, terminated


async def _campaign(api: Driver, profession: str = "forester", fy: int = 2025) -> dict:  # type: ignore[type-arg]
    body = {
        "employer_code": NARA_PREF,
        "profession_code": profession,
        "fiscal_year": fy,
        "title": "奈良県フォレスター募集",
        "headcount_sought": 5,
    }
    return (await api.call("POST", "/v1/recruitments", NARA_PREF, json=body, expect=201)).json()


async def test_recruitment_costs_by_item_then_eligible_once_someone_is_dispatched(api: Driver) -> None:
    campaign = await _campaign(api)
    await api.call(
        "POST",
        f"/v1/recruitments/{campaign['id']}/costs",
        NARA_PREF,
        json={"item": "advertising", "amount_yen": 1_200_000},
        expect=201,
    )
    await api.call(
        "POST",
        f"/v1/recruitments/{campaign['id']}/costs",
        NARA_PREF,
        json={"item": "examination", "amount_yen": 800_000},
        expect=201,
    )
    events = await emitted(api.client, "StaffingCostRecorded")
    assert [(e["kind"], e["item"], e["amount_yen"]) for e in events] == [
        ("recruitment", "advertising", 1_200_000),
        ("recruitment", "examination", 800_000),
    ]
    assert events[0]["ineligible_reason"] == "no_dispatch_in_fiscal_year"  # nobody dispatched yet
    report = (
        await api.call("GET", f"/v1/views/costs?employer_code={NARA_PREF}&fiscal_year=2025", NARA_PREF)
    ).json()
    assert (report["eligible_yen"], report["ineligible_yen"]) == (0, 2_000_000)

    await agreement_event(api.client, signed())
    await api.dispatch((await api.specialist())["id"])
    report = (
        await api.call("GET", f"/v1/views/costs?employer_code={NARA_PREF}&fiscal_year=2025", NARA_PREF)
    ).json()
    assert (report["eligible_yen"], report["ineligible_yen"], report["ineligible_by_reason"]) == (
        2_000_000,
        0,
        {},
    )
    hired = await api.call(
        "PATCH", f"/v1/recruitments/{campaign['id']}", NARA_PREF, json={"headcount_hired": 6}, expect=422
    )
    assert rules(hired) == [("body.headcount_hired", "hired_at_most_sought")]
    await api.call("PATCH", f"/v1/recruitments/{campaign['id']}", NARA_PREF, json={"headcount_hired": 5})
    assert [e["headcount_hired"] for e in await emitted(api.client, "RecruitmentUpdated")] == [0, 5]


async def test_personnel_costs_per_month_split_with_reasons(api: Driver) -> None:
    await agreement_event(api.client, signed())
    dispatch = (
        await api.dispatch((await api.specialist())["id"], period=("2025-04-01", "2027-03-31"))
    ).json()
    url = f"/v1/dispatches/{dispatch['id']}/costs"
    month = {
        "fiscal_year": 2025,
        "salary_yen": 300_000,
        "allowances_yen": 50_000,
        "social_insurance_yen": 45_000,
    }
    await api.call("POST", url, NARA_PREF, json={**month, "month": 4}, expect=201)
    await api.call("POST", url, NARA_PREF, json={**month, "month": 3}, expect=201)  # March 2026, same FY
    # The agreement ends on 2026-06-01: June 2026 onwards is ineligible, with the reason.
    await agreement_event(api.client, terminated(on=date(2026, 6, 1)))
    await api.call("POST", url, NARA_PREF, json={**month, "fiscal_year": 2026, "month": 5}, expect=201)
    await api.call("POST", url, NARA_PREF, json={**month, "fiscal_year": 2026, "month": 6}, expect=201)
    [*_, june] = await emitted(api.client, "StaffingCostRecorded")
    assert (june["month"], june["eligible_yen"], june["ineligible_reason"]) == (6, 0, "no_agreement_in_force")
    assert june["amount_yen"] == 395_000 and june["receiving_code"] == TOTSUKAWA

    fy2025 = (
        await api.call("GET", f"/v1/views/costs?employer_code={NARA_PREF}&fiscal_year=2025", NARA_PREF)
    ).json()
    assert (fy2025["eligible_yen"], fy2025["ineligible_yen"]) == (790_000, 0)
    fy2026 = (
        await api.call(
            "GET",
            f"/v1/views/costs?employer_code={NARA_PREF}&fiscal_year=2026",
            "000000",
            roles=("national",),
        )
    ).json()
    assert (fy2026["eligible_yen"], fy2026["ineligible_yen"]) == (395_000, 395_000)
    assert fy2026["ineligible_by_reason"] == {"no_agreement_in_force": 395_000}
    listed = (await api.call("GET", url, TOTSUKAWA)).json()["data"]
    assert [c["breakdown"]["salary_yen"] for c in listed] == [300_000] * 4


async def test_cost_input_is_integer_yen_within_the_dispatch(api: Driver) -> None:
    await agreement_event(api.client, signed())
    dispatch = (await api.dispatch((await api.specialist())["id"])).json()
    url = f"/v1/dispatches/{dispatch['id']}/costs"
    base = {"fiscal_year": 2025, "month": 4, "salary_yen": 1}
    cases = [
        ({"salary_yen": 1.5}, "body.salary_yen"),
        ({"salary_yen": "100"}, "body.salary_yen"),
        ({"salary_yen": -1}, "body.salary_yen"),
        ({"salary_yen": 10**13 + 1}, "body.salary_yen"),
        ({"month": 13}, "body.month"),
        ({"month": 0}, "body.month"),
    ]
    for change, field in cases:
        response = await api.call("POST", url, NARA_PREF, json={**base, **change}, expect=422)
        assert rules(response)[0][0] == field, change
    await api.call("POST", url, NARA_PREF, json={**base, "salary_yen": 10**13}, expect=201)  # the upper edge
    outside = await api.call("POST", url, NARA_PREF, json={**base, "fiscal_year": 2026}, expect=422)
    assert rules(outside) == [("body.month", "within_dispatch")]
    zero = await api.call("POST", url, NARA_PREF, json={**base, "salary_yen": 0}, expect=422)
    assert rules(zero) == [("body.salary_yen", "total_positive")]
    assert len(await emitted(api.client, "StaffingCostRecorded")) == 1


async def test_costs_are_the_employers(api: Driver) -> None:
    campaign = await _campaign(api)
    body = {"item": "advertising", "amount_yen": 1}
    denied = await api.call(
        "POST", f"/v1/recruitments/{campaign['id']}/costs", TOTSUKAWA, json=body, expect=403
    )
    assert rules(denied) == [("path.recruitment_id", "acts_for_own_org")]
    await api.call("GET", f"/v1/recruitments/{campaign['id']}", TOTSUKAWA, expect=403)
    await api.call(
        "GET", f"/v1/views/costs?employer_code={NARA_PREF}&fiscal_year=2025", TOTSUKAWA, expect=403
    )
    await api.call(
        "GET", f"/v1/views/costs?employer_code={NARA_PREF}&fiscal_year=2025", "0", roles=("auditor",)
    )
    await api.call(
        "POST",
        "/v1/recruitments",
        "000000",
        roles=("national",),
        json={
            "employer_code": NARA_PREF,
            "profession_code": "forester",
            "fiscal_year": 2025,
            "title": "x",
            "headcount_sought": 1,
        },
        expect=403,
    )
    assert (await api.call("GET", "/v1/recruitments", TOTSUKAWA)).json()["data"] == []
    assert len((await api.call("GET", "/v1/recruitments", NARA_PREF)).json()["data"]) == 1


async def test_digital_staff_costs_are_recorded_but_ineligible(api: Driver) -> None:
    await agreement_event(api.client, signed())
    campaign = await _campaign(api, "digital")
    await api.call(
        "POST",
        f"/v1/recruitments/{campaign['id']}/costs",
        NARA_PREF,
        json={"item": "agency", "amount_yen": 500},
        expect=201,
    )
    [event] = await emitted(api.client, "StaffingCostRecorded")
    assert (event["eligible_yen"], event["ineligible_reason"]) == (0, "profession_separate_measure")
