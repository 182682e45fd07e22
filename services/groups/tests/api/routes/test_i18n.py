"""Japanese problems of the groups service with Accept-Language: ja; type, rule and field stay the same."""

from __future__ import annotations

from typing import Any

from groups_testkit import GROUP, HIROSHIMA, GroupsDriver, application

JA = {"Accept-Language": "ja"}


def machine_parts(problem: dict[str, Any]) -> tuple[Any, ...]:
    return problem["type"], problem["status"], [(e["field"], e["rule"]) for e in problem.get("errors") or []]


async def both(api: GroupsDriver, method: str, url: str, org: str, **kwargs: Any) -> tuple[Any, Any]:
    english = await api.call(method, url, org, **kwargs)
    japanese = await api.call(method, url, org, headers=JA, **kwargs)
    assert japanese.headers["content-language"] == "ja" and english.headers["content-language"] == "en"
    assert machine_parts(english.json()) == machine_parts(japanese.json())
    return english.json(), japanese.json()


async def test_a_409_for_a_submission_before_the_ordinance_is_japanese(api: GroupsDriver) -> None:
    await api.enact()
    await api.draft()
    url = f"/v1/applications/{GROUP}/submission"
    body = {"submitted_on": "2025-03-31"}
    english, japanese = await both(api, "POST", url, GROUP, roles=("group",), json=body, expect=409)
    assert english["detail"] == "no ordinance on 指定地域共同活動団体 is in force on 2025-03-31"
    assert japanese["detail"] == "2025-03-31 に施行されている指定地域共同活動団体の条例はありません"
    assert japanese["title"] == "現在の状態と競合します"


async def test_a_422_rule_and_a_403_are_japanese(api: GroupsDriver) -> None:
    await api.enact()
    bad = application(
        members=[{"kind": "organisation", "name": "NPO", "organisation_kind": "npo", "resident_share": "1.5"}]
    )
    english, japanese = await both(
        api, "POST", "/v1/applications", GROUP, roles=("group",), json=bad, expect=422
    )
    assert ("body.members[0].resident_share", "share_in_range") in machine_parts(japanese)[2]
    messages = {e["rule"]: e["message"] for e in japanese["errors"]}
    assert messages["share_in_range"] == "割合は0以上1以下です"
    await api.draft()
    await api.submit()
    english, japanese = await both(api, "POST", f"/v1/applications/{GROUP}/review", HIROSHIMA, expect=403)
    assert japanese["title"] == "権限がありません" and english["title"] == "Forbidden"
    assert japanese["detail"] != english["detail"]


async def test_a_404_and_a_validation_error_are_japanese(api: GroupsDriver) -> None:
    english, japanese = await both(api, "GET", "/v1/applications/999999", GROUP, roles=("group",), expect=404)
    assert japanese["title"] == "見つかりません"
    typo = {**application(), "nmae": "x"}
    english, japanese = await both(
        api, "POST", "/v1/applications", GROUP, roles=("group",), json=typo, expect=422
    )
    assert japanese["errors"][0]["message"] == "この項目は受け付けられません"
    assert english["errors"][0]["message"] == "Extra inputs are not permitted"
