"""End to end: the 山形連携中枢都市圏 from declaration to cost sharing, as a consumer of the feed sees it."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from agreements_testkit import (
    HIGASHINE,
    KAMINOYAMA,
    MURAYAMA,
    NAKAYAMA,
    SAGAE,
    TENDO,
    YAMAGATA,
    YAMANOBE,
    Driver,
)

# 山形市 is a core city (中核市) outside the three metropolitan areas; the seven are its real partners.
PARTNERS = (TENDO, KAMINOYAMA, SAGAE, MURAYAMA, HIGASHINE, YAMANOBE, NAKAYAMA)
COMMUTING = {MURAYAMA: "0.08"}  # a test figure below the 10% guideline: the declaration must warn


async def test_metropolitan_area_from_declaration_to_cost_sharing(api: Driver) -> None:
    area = (
        await api.call(
            "POST",
            "/v1/areas",
            YAMAGATA,
            expect=201,
            json={
                "area_type": "metropolitan",
                "name": "山形連携中枢都市圏",
                "declared_on": "2019-04-01",
                "centres": [{"code": YAMAGATA, "day_night_ratio": "1.04"}],
                "members": [
                    {"code": code, "commuting_share": COMMUTING.get(code, "0.15")} for code in PARTNERS[:5]
                ],
                "consensus_rules": {
                    "text": "連携事業は連携市町の協議を経て全会一致で決定する",
                    "decision_method": "unanimity",
                },
            },
        )
    ).json()
    assert [(w["rule"], w["field"], w["confidence"]) for w in area["warnings"]] == [
        ("metropolitan.partner_commuting_share", "members[3].commuting_share", "seed"),
    ]
    for code in PARTNERS[5:]:
        etag = (await api.call("GET", f"/v1/areas/{area['id']}", YAMAGATA)).headers["ETag"]
        await api.call(
            "POST",
            f"/v1/areas/{area['id']}/members",
            YAMAGATA,
            expect=201,
            json={"code": code, "since": "2019-10-01"},
            headers={"If-Match": etag},
        )

    agreements = {}
    for code in PARTNERS[:5]:
        subjects = [
            {"type": "shared_facility", "description": "広域炊飯施設"},
            {"type": "policy_field", "field": "医療"},
        ]
        draft = await api.draft(
            YAMAGATA,
            code,
            area_id=area["id"],
            title=f"山形連携中枢都市圏形成に係る連携協約（{code}）",
            subjects=subjects,
            policy="圏域全体の生活関連機能サービスの向上を図る",
        )
        assert draft["parties"] == [{"code": YAMAGATA, "role": "centre"}, {"code": code, "role": "partner"}]
        agreements[code] = await api.complete(draft, on=date(2019, 10, 1))
    assert {a["status"] for a in agreements.values()} == {"in_force"}

    amended = agreements[TENDO]["id"]
    opened = await api.call(
        "POST",
        f"/v1/agreements/{amended}/amendments",
        TENDO,
        expect=201,
        json={"policy": "デジタル技術を活用した連携を加える", "reason": "DX推進"},
    )
    await api.complete(opened.json(), on=date(2022, 3, 1))
    terminated = agreements[MURAYAMA]["id"]
    opened = await api.call(
        "POST",
        f"/v1/agreements/{terminated}/termination",
        MURAYAMA,
        expect=201,
        json={"reason": "定住自立圏への移行", "effective_on": "2024-03-31"},
    )
    await api.complete(opened.json(), on=date(2024, 2, 1))

    budgets = [
        {"fiscal_year": fy, "municipality_code": code, "amount_yen": amount}
        for fy in (2024, 2025)
        for code, amount in ((YAMAGATA, 80_000_000), (TENDO, 20_000_000))
    ]
    vision = (
        await api.call(
            "POST",
            "/v1/visions",
            YAMAGATA,
            expect=201,
            json={
                "area_id": area["id"],
                "first_fiscal_year": 2024,
                "last_fiscal_year": 2028,
                "projects": [
                    {
                        "name": "広域炊飯施設の整備",
                        "field": "教育",
                        "role": "life_services",
                        "budgets": budgets,
                    }
                ],
                "kpis": [
                    {
                        "name": "提供食数",
                        "unit": "食/日",
                        "targets": [{"fiscal_year": 2024, "value": 10000}],
                        "project_index": 0,
                    }
                ],
            },
        )
    ).json()
    await api.call(
        "POST", f"/v1/visions/{vision['id']}/adoption", YAMAGATA, json={"adopted_on": "2024-03-25"}
    )
    kpi = vision["kpis"][0]["id"]
    for value in (9800, 10100):
        await api.call(
            "POST",
            f"/v1/visions/{vision['id']}/kpis/{kpi}/actuals",
            YAMAGATA,
            expect=201,
            json={"fiscal_year": 2024, "value": value, "reported_on": "2025-05-31"},
        )

    members = [YAMAGATA, TENDO, KAMINOYAMA, SAGAE, HIGASHINE, YAMANOBE]
    facility = (
        await api.call(
            "POST",
            "/v1/shared-services",
            YAMAGATA,
            expect=201,
            json={
                "name": "広域炊飯施設",
                "category": "facility",
                "area_id": area["id"],
                "lead_code": YAMAGATA,
                "members": members,
            },
        )
    ).json()
    # Each member consents before it is billed (the area alone is not its consent).
    for code in members[1:]:
        consent = {"consented_on": "2025-02-01"}
        await api.call("POST", f"/v1/shared-services/{facility['id']}/consents", code, json=consent)
    sharing = (
        await api.call(
            "PUT",
            f"/v1/shared-services/{facility['id']}/cost-sharings/2025",
            YAMAGATA,
            json={
                "cost_yen": 250_000_000,
                "weights": {"equal": "0.1", "population": "0.9", "usage": "0"},
                "members": [{"code": code} for code in members],
                "remainder_to": YAMAGATA,
                "agreed_on": "2025-03-20",
            },
        )
    ).json()
    assert sum(m["share_yen"] for m in sharing["members"]) == 250_000_000

    # What a consumer of the feed sees, in order per aggregate.
    events = await api.events()
    assert [e["sequence"] for e in events] == sorted(e["sequence"] for e in events)
    by_subject: dict[str, list[str]] = defaultdict(list)
    versions: dict[str, list[int]] = defaultdict(list)
    for event in events:
        by_subject[event["subject"]].append(event["type"].split(".")[3])
        versions[event["subject"]].append(event["aggregateversion"])
    assert by_subject[area["id"]] == ["AreaDeclared", "AreaUpdated", "AreaUpdated"]
    for code, agreement in agreements.items():
        expected = {
            TENDO: ["AgreementSigned", "AgreementAmended"],
            MURAYAMA: ["AgreementSigned", "AgreementTerminated"],
        }.get(code, ["AgreementSigned"])
        assert by_subject[agreement["id"]] == expected, code
    assert by_subject[vision["id"]] == ["VisionAdopted", "KpiReported", "KpiReported"]
    assert by_subject[facility["id"]] == ["CostSharingAgreed"]
    assert len(by_subject) == 8 and len(events) == 14
    assert all(v == sorted(set(v)) for v in versions.values()), "aggregate versions must increase per subject"
    amended_event = next(e for e in events if e["type"].endswith("AgreementAmended.v1"))
    assert (amended_event["data"]["agreement_version"], amended_event["data"]["previous_version"]) == (2, 1)
    assert amended_event["data"]["area_type"] == "metropolitan"
