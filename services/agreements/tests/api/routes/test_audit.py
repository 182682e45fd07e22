"""The audit log: every write leaves who, when, what, before and after; auditors, MIC, operators read it."""

from __future__ import annotations

from agreements_testkit import YAMAGATA, Driver


async def test_every_step_is_audited_with_before_and_after(api: Driver) -> None:
    agreement = await api.in_force()
    url = f"/v1/audit?resource_type=agreement&resource_id={agreement['id']}"
    await api.call("GET", url, YAMAGATA, expect=403)
    page = (await api.call("GET", url + "&limit=3", "audit", roles=("auditor",))).json()
    assert [e["action"] for e in page["data"]] == [
        "agreement.drafted",
        "agreement.step.consultation",
        "agreement.step.council_resolution",
    ]
    assert page["data"][1]["before"]["row_version"] == 1 and page["data"][1]["after"]["row_version"] == 2
    rest = (await api.call("GET", f"{url}&after={page['next_after']}", "mic", roles=("national",))).json()
    assert len(rest["data"]) == 5 and rest["next_after"] is None
    assert rest["data"][-1]["after"]["status"] == "in_force"


async def test_requirement_rules_are_listed_with_their_provenance(api: Driver) -> None:
    rules = (await api.call("GET", "/v1/requirement-rules", YAMAGATA)).json()["data"]
    floor = next(r for r in rules if r["id"] == "settlement.centre_population_floor")
    assert (floor["threshold"], floor["blocking"], floor["confidence"]) == ("40000", True, "public")
    assert {r["confidence"] for r in rules} == {"seed", "public", "unconfirmed"}
