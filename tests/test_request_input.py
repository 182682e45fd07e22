"""What the agreements API refuses at the door: control characters and broken Unicode in any text field,
and money or counts that are not JSON integers. Each refusal is a 422 naming the field and the rule, on
SQLite (which would store a NUL) and PostgreSQL (which would fail with a 500)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from renkei_agreements.config import Settings
from renkei_agreements.main import create_app
from renkei_common.testing.client import ServiceClient, service_client

YAMAGATA, TENDO, KAMINOYAMA = "062014", "062103", "062073"


@pytest.fixture
async def agreements(database_url: str) -> AsyncIterator[ServiceClient]:
    async with service_client(create_app, Settings, database_url=database_url) as client:
        yield client


def area(name: str = "テスト圏域", member: str = TENDO) -> dict[str, Any]:
    return {
        "area_type": "metropolitan",
        "name": name,
        "declared_on": "2024-04-01",
        "centres": [{"code": YAMAGATA, "day_night_ratio": "1.05"}],
        "members": [
            {"code": KAMINOYAMA, "commuting_share": "0.2"},
            {"code": member, "commuting_share": "0.2"},
        ],
    }


def errors_of(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return [(e["field"], e["rule"]) for e in response.json().get("errors") or []]


async def post_raw(client: ServiceClient, url: str, raw: str) -> httpx.Response:
    # Raw JSON text: a lone surrogate can only be sent as a \\ud800 escape, which httpx's json= cannot write.
    headers = client.as_(YAMAGATA, **{"Content-Type": "application/json"})
    return await client.http.post(url, content=raw.encode(), headers=headers)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("山形\u0000連携", "no_control_characters"),
        ("\u0000", "no_control_characters"),
        ("bell\u0007", "no_control_characters"),
        ("del\u007f", "no_control_characters"),
        ("lone \ud800 surrogate", "valid_unicode"),
        ("\udfff", "valid_unicode"),
    ],
)
async def test_bad_text_in_a_body_field_is_a_422_naming_it(
    agreements: ServiceClient, text: str, rule: str
) -> None:
    raw = json.dumps(area(name=text))  # ensure_ascii: NUL becomes \\u0000, a surrogate \\ud800
    response = await post_raw(agreements, "/v1/areas", raw)
    assert response.status_code == 422, response.text
    assert errors_of(response) == [("body.name", rule)]


async def test_bad_text_deep_in_a_list_is_named_by_its_path(agreements: ServiceClient) -> None:
    raw = json.dumps(area(member="0621\u000003"))
    response = await post_raw(agreements, "/v1/areas", raw)
    assert response.status_code == 422
    assert errors_of(response) == [("body.members[1].code", "no_control_characters")]


async def test_tabs_and_line_breaks_are_text(agreements: ServiceClient) -> None:
    response = await post_raw(agreements, "/v1/areas", json.dumps(area(name="山形\t連携\r\n中枢都市圏")))
    # Whatever the use case answers, the name itself is not refused.
    assert response.status_code == 201 or "body.name" not in dict(errors_of(response))


async def test_bad_text_in_query_and_path_parameters(agreements: ServiceClient) -> None:
    headers = agreements.as_(YAMAGATA)
    query = await agreements.http.get("/v1/municipalities?prefecture=0%006", headers=headers)
    assert query.status_code == 422
    assert errors_of(query) == [("query.prefecture", "no_control_characters")]
    path = await agreements.http.get("/v1/municipalities/0620%0014", headers=headers)
    assert path.status_code == 422
    assert errors_of(path) == [("path.code", "no_control_characters")]


BUDGET_FIELD = "body.projects[0].budgets[0].amount_yen"


def vision(amount: Any) -> str:
    body = {
        "area_id": "no-such-area",
        "first_fiscal_year": 2025,
        "last_fiscal_year": 2029,
        "projects": [
            {
                "name": "救急医療",
                "field": "医療",
                "role": "life_services",
                "budgets": [{"fiscal_year": 2025, "municipality_code": YAMAGATA, "amount_yen": amount}],
            }
        ],
    }
    return json.dumps(body).replace('"AMOUNT"', "1000.0")


@pytest.mark.parametrize("amount", ["1000", "1_000", "AMOUNT", True, "¥1000"])
async def test_yen_must_be_a_json_integer(agreements: ServiceClient, amount: Any) -> None:
    raw = vision(amount)  # "AMOUNT" becomes the JSON number 1000.0
    response = await post_raw(agreements, "/v1/visions", raw)
    assert response.status_code == 422, response.text
    assert (BUDGET_FIELD, "int_type") in errors_of(response)


async def test_an_integer_yen_passes_validation(agreements: ServiceClient) -> None:
    response = await post_raw(agreements, "/v1/visions", vision(1000))
    # The area does not exist, so the use case refuses; the amount itself is accepted.
    assert response.status_code != 422 or BUDGET_FIELD not in dict(errors_of(response))
    assert response.status_code < 500


@pytest.mark.parametrize("cost", ['"1000"', "1000.0", "true", '"1_000"'])
async def test_a_cost_sharing_needs_an_integer_cost(agreements: ServiceClient, cost: str) -> None:
    body = (
        '{"cost_yen": COST, "weights": {"equal": "1", "population": "0", "usage": "0"},'
        ' "members": [{"code": "062014"}], "remainder_to": "062014", "agreed_on": "2025-04-01"}'
    ).replace("COST", cost)
    headers = agreements.as_(YAMAGATA, **{"Content-Type": "application/json"})
    response = await agreements.http.put(
        "/v1/shared-services/no-such-service/cost-sharings/2025", content=body.encode(), headers=headers
    )
    assert response.status_code == 422, response.text
    assert ("body.cost_yen", "int_type") in errors_of(response)
