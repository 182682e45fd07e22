"""Cost sharing per cost class via the API: FY schedules, truncation to ¥1,000, recompute on imports."""

from __future__ import annotations

from typing import Any

from agreements_testkit import TENDO, YAMAGATA, Driver
from renkei_agreements.adapters.orm import CostSharingRow
from renkei_common.testing.client import problem_fields
from sqlalchemy import select

# 山形市 247,747 and 天童市 62,166 people (令和2年国勢調査, the seeded figures): 309,913 in all.
FORMULA: dict[str, Any] = {
    "classes": [
        {
            "cost_class": "construction",
            "cost_yen": 300_000_000,
            "schedule": [
                {"to_fy": 2026, "weights": {"equal": "0.1", "population": "0.9"}},
                {"from_fy": 2027, "weights": {"equal": "0.2", "population": "0.8"}},
            ],
        },
        {
            "cost_class": "operation",
            "cost_yen": 50_000_000,
            "schedule": [{"weights": {"equal": "0.5", "tonnage": "0.5"}}],
        },
    ],
    "members": [{"code": YAMAGATA, "tonnage": "3000"}, {"code": TENDO, "tonnage": "1000"}],
    "remainder_to": YAMAGATA,
    "rounding": "truncate_under_1000",
    "agreed_on": "2025-03-20",
}
EQUAL_ONLY = {
    "cost_yen": 1_000_001,
    "weights": {"equal": "1", "population": "0", "usage": "0"},
    "members": [{"code": YAMAGATA}, {"code": TENDO}],
    "remainder_to": YAMAGATA,
    "agreed_on": "2025-03-20",
}


async def register(api: Driver, name: str = "広域ごみ処理施設") -> str:
    body = {"name": name, "category": "facility", "lead_code": YAMAGATA, "members": [YAMAGATA, TENDO]}
    service = (await api.call("POST", "/v1/shared-services", YAMAGATA, json=body, expect=201)).json()
    await api.call(
        "POST", f"/v1/shared-services/{service['id']}/consents", TENDO, json={"consented_on": "2025-01-10"}
    )
    return str(service["id"])


def by_class(member: dict[str, Any]) -> dict[str, int]:
    return {c["cost_class"]: c["share_yen"] for c in member["classes"]}


async def test_each_class_is_shared_by_its_weights_for_the_year_and_truncated_to_1000_yen(
    api: Driver,
) -> None:
    service = await register(api)
    url = f"/v1/shared-services/{service}/cost-sharings"
    agreed = (await api.call("PUT", f"{url}/2026", YAMAGATA, json=FORMULA)).json()
    later = (await api.call("PUT", f"{url}/2027", YAMAGATA, json=FORMULA)).json()
    # FY2026, 10/90: 天童市 15,000,000 + 270,000,000 × 62,166 ÷ 309,913 = 69,159,780.33 → 69,159,000;
    # operation 25,000,000 ÷ 2 + 25,000,000 × 1,000 ÷ 4,000 = 18,750,000. 山形市 takes the rest.
    assert [by_class(m) for m in agreed["members"]] == [
        {"construction": 230_841_000, "operation": 31_250_000},
        {"construction": 69_159_000, "operation": 18_750_000},
    ]
    assert [m["share_yen"] for m in agreed["members"]] == [262_091_000, 87_909_000]
    assert agreed["cost_yen"] == 350_000_000 and agreed["rounding"] == "truncate_under_1000"
    assert [c["weights"] for c in agreed["classes"]] == [
        {"equal": "0.1", "population": "0.9", "usage": "0", "fiscal_need": "0", "tonnage": "0"},
        {"equal": "0.5", "population": "0", "usage": "0", "fiscal_need": "0", "tonnage": "0.5"},
    ]
    # FY2027, 20/80: 30,000,000 + 240,000,000 × 62,166 ÷ 309,913 = 78,142,026.96 → 78,142,000
    assert by_class(later["members"][1]) == {"construction": 78_142_000, "operation": 18_750_000}

    shown = (await api.call("GET", f"{url}/2026", TENDO)).json()
    tendo = shown["members"][1]["classes"][0]
    assert tendo["arithmetic"] == (
        "均等割 0.1 × 300,000,000 ÷ 2 = 15,000,000"
        " + 人口割 0.9 × 300,000,000 × 62,166 ÷ 309,913 = 54,159,780.33"
        " = 69,159,780.33 → 69,159,000 (amounts under ¥1,000 truncated)"
    )
    assert shown["members"][0]["classes"][0]["arithmetic"].endswith(
        "→ 230,841,000 (the remainder: the cost less the other members' shares)"
    )
    await api.call("GET", f"{url}/2028", TENDO, expect=404)

    events = await api.events("CostSharingAgreed")
    first = events[0]["data"]
    assert (first["fiscal_year"], first["cost_yen"], first["rounding"], first["cause"]) == (
        2026,
        350_000_000,
        "truncate_under_1000",
        "agreed",
    )
    assert [m["share_yen"] for m in first["members"]] == [262_091_000, 87_909_000]
    assert first["members"][1]["classes"] == [
        {"cost_class": "construction", "share_yen": 69_159_000},
        {"cost_class": "operation", "share_yen": 18_750_000},
    ]
    assert first["members"][1]["tonnage"] == "1000"
    assert [p["from_fy"] for p in first["classes"][0]["schedule"]] == [None, 2027]
    # The three weights of the original contract carry the first class's.
    assert (first["equal_weight"], first["population_weight"], first["usage_weight"]) == ("0.1", "0.9", "0")


async def test_the_single_cost_shape_still_works_and_reads_as_one_operation_class(api: Driver) -> None:
    service = await register(api)
    sharing = (
        await api.call("PUT", f"/v1/shared-services/{service}/cost-sharings/2025", YAMAGATA, json=EQUAL_ONLY)
    ).json()
    assert [m["share_yen"] for m in sharing["members"]] == [500_001, 500_000]
    assert sharing["weights"] == {"equal": "1", "population": "0", "usage": "0"}
    assert sharing["rounding"] == "floor_to_yen"
    assert [(c["cost_class"], c["cost_yen"]) for c in sharing["classes"]] == [("operation", 1_000_001)]
    assert sharing["members"][1]["classes"][0]["arithmetic"] == (
        "均等割 1 × 1,000,001 ÷ 2 = 500,000.50 → 500,000 (fractions of a yen truncated)"
    )


async def test_every_bad_formula_is_a_422_naming_its_field_and_rule(api: Driver) -> None:
    service = await register(api)
    url = f"/v1/shared-services/{service}/cost-sharings/2025"

    async def refused(body: dict[str, Any]) -> list[tuple[str, str]]:
        response = await api.call("PUT", url, YAMAGATA, json=body, expect=422)
        return [(e["field"], e["rule"]) for e in response.json()["errors"]]

    both = {**FORMULA, "cost_yen": 1000, "weights": EQUAL_ONLY["weights"]}
    assert await refused(both) == [("body.classes", "one_formula")]
    neither = {k: v for k, v in FORMULA.items() if k != "classes"}
    assert await refused(neither) == [("body.cost_yen", "required"), ("body.weights", "required")]
    gap = [
        {"to_fy": 2024, "weights": {"equal": "1"}},
        {"from_fy": 2026, "weights": {"equal": "1"}},
    ]
    construction = FORMULA["classes"][0]
    assert await refused({**FORMULA, "classes": [{**construction, "schedule": gap}]}) == [
        ("body.classes[0].schedule[1].from_fy", "schedule_no_gap")
    ]
    uneven = [{"weights": {"equal": "0.5", "fiscal_need": "0.4"}}]
    assert await refused({**FORMULA, "classes": [{**construction, "schedule": uneven}]}) == [
        ("body.classes[0].schedule[0].weights", "weights_sum_to_one")
    ]
    need = [{"weights": {"fiscal_need": "1"}}]
    members = [{"code": YAMAGATA, "fiscal_need_yen": 40_000_000_000}, {"code": TENDO}]
    assert await refused(
        {**FORMULA, "classes": [{**construction, "schedule": need}], "members": members}
    ) == [("body.members[1].fiscal_need_yen", "fiscal_need_required")]
    later = [{"from_fy": 2026, "weights": {"equal": "1"}}]
    assert await refused({**FORMULA, "classes": [{**construction, "schedule": later}]}) == [
        ("body.classes[0].schedule", "fy_covered")
    ]
    twice = [FORMULA["classes"][1], FORMULA["classes"][1]]
    assert await refused({**FORMULA, "classes": twice}) == [("body.classes[1].cost_class", "distinct")]
    # Shapes the schema refuses: still 422s naming the field, never a 500.
    for body, field in (
        ({**FORMULA, "rounding": "round_half_up"}, "body.rounding"),
        ({**FORMULA, "classes": [{**construction, "cost_class": "debt"}]}, "body.classes[0].cost_class"),
        ({**FORMULA, "classes": [{**construction, "schedule": []}]}, "body.classes[0].schedule"),
        ({**FORMULA, "classes": []}, "body.classes"),
        (
            {**FORMULA, "members": [{"code": YAMAGATA, "tonnage": "-1"}, {"code": TENDO}]},
            "body.members[0].tonnage",
        ),
        (
            {**FORMULA, "members": [{"code": YAMAGATA, "fiscal_need_yen": 1.5}, {"code": TENDO}]},
            "body.members[0].fiscal_need_yen",
        ),
    ):
        response = await api.call("PUT", url, YAMAGATA, json=body, expect=422)
        assert problem_fields(response) == [field]
    assert await api.events("CostSharingAgreed") == []


async def import_populations(api: Driver, csv: str, expect: int = 201) -> Any:
    return await api.call(
        "POST",
        "/v1/municipalities/population-imports?year=2025&source=住民基本台帳",
        "operator",
        roles=("operator",),
        content=csv.encode(),
        headers={"Content-Type": "text/csv"},
        expect=expect,
    )


async def test_a_population_import_recomputes_the_agreed_shares_it_changes_in_the_same_transaction(
    api: Driver,
) -> None:
    weighted = await register(api)
    equal_only = await register(api, "共同電算")
    for fiscal_year in (2024, 2025):
        await api.call(
            "PUT", f"/v1/shared-services/{weighted}/cost-sharings/{fiscal_year}", YAMAGATA, json=FORMULA
        )
    await api.call("PUT", f"/v1/shared-services/{equal_only}/cost-sharings/2025", YAMAGATA, json=EQUAL_ONLY)
    before = await api.events("CostSharingAgreed")

    await import_populations(api, f"code,population\n{TENDO},60000\n")

    events = (await api.events("CostSharingAgreed"))[len(before) :]
    # Only the population-weighted sharing of FY2025 changes: FY2024 is closed, the equal-only shares stay.
    assert [(e["subject"], e["data"]["fiscal_year"], e["data"]["revision"]) for e in events] == [
        (weighted, 2025, 2)
    ]
    recomputed = events[0]["data"]
    assert recomputed["cause"] == "population_import"
    # 15,000,000 + 270,000,000 × 60,000 ÷ 307,747 = 67,640,643.13 → 67,640,000
    assert recomputed["members"][1]["classes"][0] == {"cost_class": "construction", "share_yen": 67_640_000}
    assert sum(m["share_yen"] for m in recomputed["members"]) == 350_000_000
    assert (recomputed["members"][1]["population"], recomputed["members"][1]["population_year"]) == (
        60000,
        2025,
    )
    shown = (await api.call("GET", f"/v1/shared-services/{weighted}/cost-sharings/2025", TENDO)).json()
    assert shown["revision"] == 2 and shown["population_sources"] == [
        "住民基本台帳",
        "出典：総務省統計局『令和2年国勢調査』",
    ]
    old = (await api.call("GET", f"/v1/shared-services/{weighted}/cost-sharings/2024", TENDO)).json()
    assert old["revision"] == 1 and old["members"][1]["population"] == 62166

    # The same figures again change nothing and announce nothing.
    await import_populations(api, f"code,population\n{TENDO},60000\n")
    assert len(await api.events("CostSharingAgreed")) == len(before) + 1


async def test_an_import_that_leaves_a_sharing_without_a_population_total_is_refused_whole(
    api: Driver,
) -> None:
    service = await register(api)
    only_population = {
        **EQUAL_ONLY,
        "weights": {"equal": "0", "population": "1", "usage": "0"},
    }
    await api.call("PUT", f"/v1/shared-services/{service}/cost-sharings/2025", YAMAGATA, json=only_population)
    response = await import_populations(api, f"code,population\n{YAMAGATA},0\n{TENDO},0\n", expect=422)
    assert [(e["field"], e["rule"]) for e in response.json()["errors"]] == [
        ("body", "cost_sharing_recomputable")
    ]
    row = (await api.call("GET", f"/v1/municipalities/{TENDO}", TENDO)).json()
    assert row["population"] == 62166  # all or nothing
    assert len(await api.events("CostSharingAgreed")) == 1


async def test_a_sharing_agreed_before_formulas_reads_and_recomputes_as_one_class(api: Driver) -> None:
    service = await register(api)
    url = f"/v1/shared-services/{service}/cost-sharings/2025"
    by_population = {**EQUAL_ONLY, "weights": {"equal": "0.1", "population": "0.9", "usage": "0"}}
    await api.call("PUT", url, YAMAGATA, json=by_population)
    async with api.client.db.transaction() as session:  # as the migration left rows agreed before it
        row = (await session.scalars(select(CostSharingRow))).one()
        row.formula = None
        row.members = [{k: v for k, v in m.items() if k not in ("classes", "tonnage")} for m in row.members]
    before = (await api.call("GET", url, TENDO)).json()
    assert before["rounding"] == "floor_to_yen" and before["members"][1]["classes"] == []
    assert before["classes"] == [
        {
            "cost_class": "operation",
            "cost_yen": 1_000_001,
            "weights": by_population["weights"],
            "schedule": [{"from_fy": None, "to_fy": None, "weights": by_population["weights"]}],
        }
    ]

    await import_populations(api, f"code,population\n{TENDO},60000\n")

    recomputed = (await api.call("GET", url, TENDO)).json()
    # 50,000.05 + 900,000.9 × 60,000 ÷ 307,747 = 225,469.04 → 225,469 (to the yen); 山形市 the rest
    assert recomputed["revision"] == 2
    assert [m["share_yen"] for m in recomputed["members"]] == [774_532, 225_469]
    assert recomputed["classes"][0]["cost_class"] == "operation"
