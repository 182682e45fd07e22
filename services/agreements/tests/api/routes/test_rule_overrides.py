"""The rule book as configuration, and audited overrides of the 定住自立圏 centre floor (4万人超)."""

from __future__ import annotations

import json
from pathlib import Path

from agreements_testkit import KAMINOYAMA, NAKAYAMA, YAMAGATA, Driver
from renkei_agreements.config import Settings
from renkei_agreements.domain.rules import DEFAULT_RULES_FILE
from renkei_agreements.main import create_app
from renkei_common.testing.client import service_client

FLOOR = "settlement.centre_population_floor"
# 上山市 (29,139 in the registry's census figure): a 市 below the 定住自立圏 centre floor of 40,000.
SETTLEMENT = {
    "area_type": "settlement",
    "name": "上山定住自立圏",
    "declared_on": "2024-04-01",
    "centres": [{"code": KAMINOYAMA, "day_night_ratio": "1.05"}],
    "members": [{"code": NAKAYAMA, "commuting_share": "0.2"}],
}
OVERRIDE = {
    "rule": FLOOR,
    "centre_code": KAMINOYAMA,
    "reason": "定住自立圏構想推進要綱 の例外として総務省が認めたもの",
    "approved_by": "総務省自治行政局市町村課 課長",
    "approved_on": "2024-03-15",
}
URL = "/v1/requirement-rules/overrides"


async def test_the_centre_floor_blocks_until_an_audited_override_admits_it(api: Driver) -> None:
    rules = {r["id"]: r for r in (await api.call("GET", "/v1/requirement-rules", YAMAGATA)).json()["data"]}
    assert (rules[FLOOR]["blocking"], rules[FLOOR]["overridable"]) == (True, True)
    refused = await api.call("POST", "/v1/areas", KAMINOYAMA, json=SETTLEMENT, expect=422)
    assert [(e["field"], e["rule"]) for e in refused.json()["errors"]] == [("body.centres[0].code", FLOOR)]

    for org, roles in ((KAMINOYAMA, ()), ("audit", ("auditor",)), ("060003", ())):
        await api.call("POST", URL, org, roles=roles, json=OVERRIDE, expect=403)
    not_overridable = {**OVERRIDE, "rule": "settlement.centre_is_city"}
    bad = await api.call("POST", URL, "op", roles=("operator",), json=not_overridable, expect=422)
    assert [(e["field"], e["rule"]) for e in bad.json()["errors"]] == [("body.rule", "overridable")]
    unknown = await api.call(
        "POST", URL, "op", roles=("operator",), json={**OVERRIDE, "rule": "x.y"}, expect=422
    )
    assert [(e["field"], e["rule"]) for e in unknown.json()["errors"]] == [("body.rule", "known_rule")]

    recorded = (await api.call("POST", URL, "mic", roles=("national",), json=OVERRIDE, expect=201)).json()
    assert (recorded["created_by_org"], recorded["rule"], recorded["centre_code"]) == (
        "mic",
        FLOOR,
        KAMINOYAMA,
    )
    assert recorded["recorded_by_sub"]
    listed = (await api.call("GET", URL, YAMAGATA)).json()["data"]
    assert [o["id"] for o in listed] == [recorded["id"]]
    audit = (
        await api.call("GET", f"/v1/audit?resource_id={recorded['id']}", "audit", roles=("auditor",))
    ).json()["data"]
    assert [e["action"] for e in audit] == ["rule_override.recorded"]

    area = (await api.call("POST", "/v1/areas", KAMINOYAMA, json=SETTLEMENT, expect=201)).json()
    floor = [w for w in area["warnings"] if w["rule"] == FLOOR]
    assert floor[0]["override"] == {
        "rule": FLOOR,
        "centre_code": KAMINOYAMA,
        "reason": OVERRIDE["reason"],
        "approved_by": OVERRIDE["approved_by"],
        "approved_on": "2024-03-15",
    }
    declared = (await api.events("AreaDeclared"))[0]["data"]
    assert FLOOR in [w["rule"] for w in declared["warnings"]]


async def test_a_deployment_changes_a_rule_with_its_own_rule_book_file(
    database_url: str, tmp_path: Path
) -> None:
    book = json.loads(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))
    for rule in book["rules"]:
        if rule["id"] == FLOOR:
            rule["threshold"], rule["blocking"], rule["overridable"] = "29139", False, False
    file = tmp_path / "rules.json"
    file.write_text(json.dumps(book, ensure_ascii=False), encoding="utf-8")
    async with service_client(
        create_app, Settings, database_url=database_url, requirement_rules_file=str(file)
    ) as client:
        api = Driver(client)
        rules = {
            r["id"]: r for r in (await api.call("GET", "/v1/requirement-rules", YAMAGATA)).json()["data"]
        }
        assert (rules[FLOOR]["threshold"], rules[FLOOR]["blocking"]) == ("29139", False)
        # The floor is strict (4万人超): 29,139 is not above 29,139. The file made it a warning, not a 422.
        area = (await api.call("POST", "/v1/areas", KAMINOYAMA, json=SETTLEMENT, expect=201)).json()
        floor = [w for w in area["warnings"] if w["rule"] == FLOOR]
        assert "not above 29,139" in floor[0]["message"] and floor[0]["override"] is None


def test_the_setting_is_read_from_its_environment_variable(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("RENKEI_REQUIREMENT_RULES_FILE", str(tmp_path / "rules.json"))
    assert Settings().requirement_rules_file == str(tmp_path / "rules.json")
