"""RequestModel and the strict types: bad text and lax numbers are 422s naming the field, on both engines."""

from __future__ import annotations

import json
from typing import Annotated, Any

import httpx
import pytest
from fastapi import APIRouter, Path, Query, Request
from pydantic import Field, ValidationError
from renkei_common.auth import CurrentActor
from renkei_common.schema_types import Count, Population, RequestModel, Yen, text_problem
from sqlalchemy import text

from .conftest import CommonService


class Line(RequestModel):
    code: Annotated[str, Field(pattern=r"^[0-9]{6}$")]
    note: str | None = None
    amount: Yen


class Order(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=50)]
    lines: list[Line] = Field(default_factory=list)
    tags: dict[str, str] = Field(default_factory=dict)
    extra: Any = None
    residents: Population | None = None
    visits: Count = 0


router = APIRouter()


@router.post("/v1/orders", status_code=201)
async def create_order(body: Order, actor: CurrentActor, request: Request) -> dict[str, Any]:
    # Stored, so that a NUL that got through would show: SQLite keeps it, PostgreSQL fails with a 500.
    async with request.app.state.db.transaction() as session:
        await session.execute(text("INSERT INTO orders (name) VALUES (:name)"), {"name": body.name})
    return {"name": body.name}


@router.get("/v1/orders/{order_id}")
async def read_order(
    order_id: Annotated[str, Path(max_length=20)],
    actor: CurrentActor,
    q: Annotated[str | None, Query(max_length=20)] = None,
) -> dict[str, Any]:
    return {"id": order_id, "q": q}


def order(**changes: Any) -> dict[str, Any]:
    return {"name": "給食センター", "lines": [{"code": "062014", "amount": 1000}], **changes}


async def post(svc: Any, raw: str) -> httpx.Response:
    headers = svc.as_("062014", **{"Content-Type": "application/json"})
    return await svc.http.post("/v1/orders", content=raw.encode(), headers=headers)


def fields_and_rules(response: httpx.Response) -> list[tuple[str, str]]:
    assert response.headers["content-type"].startswith("application/problem+json"), response.text
    return [(e["field"], e["rule"]) for e in response.json()["errors"]]


@pytest.fixture
async def svc(common_service: CommonService, database_url: str) -> Any:
    async with common_service(database_url, routers=[router]) as service:
        async with service.db.transaction() as session:
            await session.execute(text("CREATE TABLE orders (name TEXT NOT NULL)"))
        yield service


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": "給食\u0000センター"}, ("body.name", "no_control_characters")),
        ({"name": "\ud83d"}, ("body.name", "valid_unicode")),
        (
            {"lines": [{"code": "062014", "amount": 1}, {"code": "06\u00002014", "amount": 1}]},
            ("body.lines[1].code", "no_control_characters"),
        ),
        (
            {"lines": [{"code": "062014", "note": "x\u001b[31m", "amount": 1}]},
            ("body.lines[0].note", "no_control_characters"),
        ),
        ({"tags": {"ok": "\udc00"}}, ("body.tags.ok", "valid_unicode")),
        ({"tags": {"k\u0000": "v"}}, ("body.tags.k\u0000.[key]", "no_control_characters")),
        ({"extra": {"deep": ["fine", "not\u0000fine"]}}, ("body.extra", "no_control_characters")),
    ],
)
async def test_bad_text_is_a_422_naming_the_field(svc: Any, changes: dict[str, Any], expected: tuple) -> None:
    response = await post(svc, json.dumps(order(**changes)))
    assert response.status_code == 422, response.text
    assert fields_and_rules(response) == [expected]


async def test_clean_text_is_stored(svc: Any) -> None:
    response = await post(svc, json.dumps(order(name="山形\t連携\n中枢都市圏 ①")))
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "山形\t連携\n中枢都市圏 ①"


@pytest.mark.parametrize("amount", ['"1000"', '"1_000"', "1000.0", "true", "false", "null"])
async def test_yen_is_a_json_integer_only(svc: Any, amount: str) -> None:
    raw = json.dumps(order()).replace('"amount": 1000', f'"amount": {amount}')
    response = await post(svc, raw)
    assert response.status_code == 422, response.text
    assert ("body.lines[0].amount", "int_type") in fields_and_rules(response)


@pytest.mark.parametrize(
    ("field", "value"), [("residents", '"40000"'), ("visits", "3.0"), ("visits", "true")]
)
async def test_populations_and_counts_are_json_integers_only(svc: Any, field: str, value: str) -> None:
    raw = json.dumps(order())[:-1] + f', "{field}": {value}}}'
    response = await post(svc, raw)
    assert response.status_code == 422, response.text
    assert fields_and_rules(response) == [(f"body.{field}", "int_type")]


async def test_integers_at_the_bounds(svc: Any) -> None:
    fine = json.dumps(order(residents=0, visits=0, lines=[{"code": "062014", "amount": 10**13}]))
    assert (await post(svc, fine)).status_code == 201
    over = await post(svc, json.dumps(order(lines=[{"code": "062014", "amount": 10**13 + 1}])))
    assert fields_and_rules(over) == [("body.lines[0].amount", "less_than_equal")]
    negative = await post(svc, json.dumps(order(lines=[{"code": "062014", "amount": -1}])))
    assert fields_and_rules(negative) == [("body.lines[0].amount", "greater_than_equal")]


async def test_query_and_path_parameters_obey_the_text_rules(svc: Any) -> None:
    headers = svc.as_("062014")
    assert (await svc.http.get("/v1/orders/abc?q=fine", headers=headers)).status_code == 200
    query = await svc.http.get("/v1/orders/abc?q=a%00b", headers=headers)
    assert query.status_code == 422 and fields_and_rules(query) == [("query.q", "no_control_characters")]
    path = await svc.http.get("/v1/orders/a%07b", headers=headers)
    assert path.status_code == 422 and fields_and_rules(path) == [("path.order_id", "no_control_characters")]


def test_the_rules_at_their_edges() -> None:
    assert text_problem("\t\n\r ~") is None  # TAB, LF, CR and the last printable ASCII are text
    assert text_problem("\u0080\u00a0\uffff") is None  # outside C0 and DEL: not our business
    assert text_problem("\u001f") == (
        "no_control_characters",
        "control character U+001F is not allowed in text",
    )
    assert text_problem("\u007f")[0] == "no_control_characters"  # type: ignore[index]
    assert text_problem("\ud7ff\ue000") is None  # either side of the surrogate block
    assert text_problem("\udbff")[0] == "valid_unicode"  # type: ignore[index]


def test_models_refuse_lax_input_outside_http_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Line.model_validate({"code": "062014", "amount": "5"})
    assert [e["type"] for e in caught.value.errors()] == ["int_type"]
    assert Line.model_validate({"code": "062014", "amount": 5}).amount == 5
