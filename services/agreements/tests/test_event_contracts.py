"""Every event this service emits is a CloudEvent whose data validates against the checked-in JSON Schema."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
from agreements_testkit import KAMINOYAMA, TENDO, YAMAGATA, Driver
from renkei_common.events.contracts import CATALOGUE
from renkei_common.events.schemas import CONTRACTS_DIR


def schema_of(type_: str) -> dict:  # type: ignore[type-arg]
    return json.loads((CONTRACTS_DIR / "schemas" / f"{type_}.json").read_text(encoding="utf-8"))


async def produce_every_event(api: Driver) -> None:
    await api.call(
        "POST",
        "/v1/municipalities/population-imports?year=2025",
        "op",
        roles=("operator",),
        content=f"code,population\n{TENDO},61000\n",
        expect=201,
    )
    area = await api.declare(YAMAGATA, (TENDO,))
    await api.call(
        "POST",
        f"/v1/areas/{area['id']}/members",
        YAMAGATA,
        json={"code": KAMINOYAMA, "since": "2025-04-01"},
        expect=201,
    )
    agreement = await api.in_force(area_id=area["id"])
    amendment = await api.call(
        "POST", f"/v1/agreements/{agreement['id']}/amendments", YAMAGATA, json={}, expect=201
    )
    await api.complete(amendment.json(), on=date(2024, 7, 1))
    termination = await api.call(
        "POST", f"/v1/agreements/{agreement['id']}/termination", YAMAGATA, json={"reason": "x"}, expect=201
    )
    await api.complete(termination.json(), on=date(2024, 8, 1))
    vision = (
        await api.call(
            "POST",
            "/v1/visions",
            YAMAGATA,
            expect=201,
            json={
                "area_id": area["id"],
                "first_fiscal_year": 2024,
                "last_fiscal_year": 2026,
                "projects": [
                    {
                        "name": "p",
                        "field": "医療",
                        "role": "life_services",
                        "budgets": [{"fiscal_year": 2024, "municipality_code": TENDO, "amount_yen": 5}],
                    }
                ],
                "kpis": [{"name": "k", "unit": "件"}],
            },
        )
    ).json()
    await api.call(
        "POST", f"/v1/visions/{vision['id']}/adoption", YAMAGATA, json={"adopted_on": "2024-04-01"}
    )
    await api.call(
        "POST",
        f"/v1/visions/{vision['id']}/kpis/{vision['kpis'][0]['id']}/actuals",
        YAMAGATA,
        json={"fiscal_year": 2024, "value": 3.5, "reported_on": "2025-05-01"},
        expect=201,
    )
    service = (
        await api.call(
            "POST",
            "/v1/shared-services",
            YAMAGATA,
            expect=201,
            json={"name": "s", "category": "joint_task", "lead_code": YAMAGATA, "members": [YAMAGATA, TENDO]},
        )
    ).json()
    consents = f"/v1/shared-services/{service['id']}/consents"
    await api.call("POST", consents, TENDO, json={"consented_on": "2025-02-01"})
    await api.call(
        "PUT",
        f"/v1/shared-services/{service['id']}/cost-sharings/2025",
        YAMAGATA,
        json={
            "cost_yen": 1001,
            "weights": {"equal": "0.5", "population": "0.25", "usage": "0.25"},
            "members": [{"code": YAMAGATA, "usage": "1.5"}, {"code": TENDO, "usage": "0.5"}],
            "remainder_to": TENDO,
            "agreed_on": "2025-03-01",
        },
    )


async def test_emitted_events_validate_against_the_published_schemas(api: Driver) -> None:
    await produce_every_event(api)
    events = await api.events()
    own = {t for t, cls in CATALOGUE.items() if cls.service == "agreements"}
    assert {e["type"] for e in events} == own, "every agreements event type is produced at least once"
    for event in events:
        assert event["specversion"] == "1.0" and event["source"] == "agreements"
        assert event["datacontenttype"] == "application/json" and event["subject"] and event["id"]
        jsonschema.validate(event["data"], schema_of(event["type"]), cls=jsonschema.Draft202012Validator)
