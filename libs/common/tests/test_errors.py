"""Tests of renkei_common.errors: every error is RFC 9457 problem+json, and OpenAPI documents it as such."""

from __future__ import annotations

from typing import Annotated

import httpx
import pytest
from fastapi import FastAPI, Query
from pydantic import BaseModel, Field, field_validator
from renkei_common.errors import (
    PROBLEM_RESPONSES,
    Conflict,
    FieldError,
    NotFound,
    Problem,
    ProblemError,
    Unprocessable,
    field_path,
    install_error_handlers,
)
from renkei_common.ops import RequestContextMiddleware

PROBLEM = "application/problem+json"


class Party(BaseModel):
    code: str = Field(pattern=r"^\d{6}$")
    role: str


class AgreementIn(BaseModel):
    title: str = Field(min_length=1)
    parties: list[Party]

    @field_validator("title")
    @classmethod
    def no_placeholder(cls, value: str) -> str:
        if value == "TBD":
            raise ValueError("give the agreement its real title")
        return value


def make_app(*, with_context: bool = False) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/v1/agreements", responses=PROBLEM_RESPONSES, status_code=201)
    async def create(body: AgreementIn, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> AgreementIn:
        return body

    @app.get("/v1/agreements/{agreement_id}", responses=PROBLEM_RESPONSES)
    async def read(agreement_id: str) -> dict[str, str]:
        if agreement_id == "conflict":
            raise Conflict("the agreement is already signed", slug="already-signed", current_status="signed")
        raise NotFound(f"agreement {agreement_id} not found")

    @app.get("/v1/plain")
    async def plain(q: int) -> int:
        return q

    @app.get("/v1/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    if with_context:
        app.add_middleware(RequestContextMiddleware, service="test-errors")
    return app


def client(app: FastAPI) -> httpx.AsyncClient:
    # raise_app_exceptions=False: Starlette re-raises after answering 500; a real server would only log it.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://test")


def test_field_path() -> None:
    assert field_path(("body", "parties", 1, "code")) == "body.parties[1].code"
    assert field_path(("query", "limit")) == "query.limit"
    assert field_path((0, "x")) == "[0].x"


async def test_validation_errors_name_field_path_and_rule() -> None:
    body = {"title": "", "parties": [{"code": "011002", "role": "a"}, {"code": "12", "role": "b"}, {}]}
    async with client(make_app()) as http:
        response = await http.post("/v1/agreements?limit=0", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"] == "urn:renkei:problem:validation-failed"
    assert problem["instance"] == "/v1/agreements"
    by_field = {e["field"]: e for e in problem["errors"]}
    assert by_field["body.parties[1].code"]["rule"] == "string_pattern_mismatch"
    assert by_field["body.parties[2].code"]["rule"] == "missing"
    assert by_field["body.title"]["rule"] == "string_too_short"
    assert by_field["query.limit"]["rule"] == "greater_than_equal"
    assert "input" not in by_field["body.title"]  # the caller's data is not echoed back
    assert all(e["message"] for e in problem["errors"])


async def test_custom_validator_message_is_clean() -> None:
    async with client(make_app()) as http:
        response = await http.post("/v1/agreements", json={"title": "TBD", "parties": []})
    assert response.json()["errors"] == [
        {"field": "body.title", "rule": "value_error", "message": "give the agreement its real title"}
    ]


async def test_malformed_json_is_400() -> None:
    async with client(make_app()) as http:
        response = await http.post(
            "/v1/agreements", content=b'{"title": ', headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == "urn:renkei:problem:malformed-json"
    assert response.json()["errors"][0]["rule"] == "json_invalid"


async def test_problem_errors_keep_their_members() -> None:
    async with client(make_app()) as http:
        missing = await http.get("/v1/agreements/a-1")
        conflict = await http.get("/v1/agreements/conflict")
    assert missing.status_code == 404
    assert missing.json() == {
        "type": "urn:renkei:problem:not-found",
        "title": "Not Found",
        "status": 404,
        "detail": "agreement a-1 not found",
        "instance": "/v1/agreements/a-1",
    }
    assert conflict.status_code == 409
    assert conflict.json()["type"] == "urn:renkei:problem:already-signed"
    assert conflict.json()["current_status"] == "signed"


async def test_unknown_route_and_wrong_method_are_problems() -> None:
    async with client(make_app()) as http:
        unknown = await http.get("/v1/nothing-here")
        wrong_method = await http.delete("/v1/agreements")
    assert unknown.status_code == 404 and unknown.headers["content-type"] == PROBLEM
    assert unknown.json()["type"] == "urn:renkei:problem:not-found"
    assert wrong_method.status_code == 405 and wrong_method.headers["content-type"] == PROBLEM
    assert wrong_method.json()["type"] == "urn:renkei:problem:method-not-allowed"
    assert wrong_method.headers["allow"] == "POST"


@pytest.mark.parametrize("with_context", [False, True])
async def test_unhandled_exception_is_a_500_problem_without_internals(
    with_context: bool, caplog: pytest.LogCaptureFixture
) -> None:
    async with client(make_app(with_context=with_context)) as http:
        response = await http.get("/v1/boom", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["type"] == "urn:renkei:problem:internal-error"
    assert "hunter2" not in response.text and "Traceback" not in response.text
    if with_context:
        assert problem["request_id"] == "req-42"
        assert "req-42" in problem["detail"]
        assert response.headers["x-request-id"] == "req-42"
    # The traceback goes to the log, where the operator finds it by request id.
    assert any(r.exc_info and "hunter2" in str(r.exc_info[1]) for r in caplog.records)


def test_unprocessable_conveniences() -> None:
    one = Unprocessable("body.end_on", "after_start", "end_on must be after start_on")
    assert one.status == 422
    assert one.to_problem()["detail"] == "end_on must be after start_on"
    assert one.to_problem()["errors"] == [
        {"field": "body.end_on", "rule": "after_start", "message": "end_on must be after start_on"}
    ]
    many = Unprocessable(
        errors=[FieldError(field="a", rule="r", message="m"), FieldError(field="b", rule="r", message="m")]
    )
    assert len(many.to_problem()["errors"]) == 2


def test_extension_members_never_override_standard_ones() -> None:
    error = ProblemError("d", status=418, slug="teapot", title="T", type="evil", balance=3)
    problem = error.to_problem(instance="/x", request_id="r")
    assert problem["type"] == "urn:renkei:problem:teapot" and problem["balance"] == 3
    Problem.model_validate(problem)


def test_openapi_documents_problems_under_problem_json() -> None:
    schema = make_app().openapi()
    create = schema["paths"]["/v1/agreements"]["post"]["responses"]
    for status in ("400", "401", "403", "404", "409", "412", "422"):
        assert create[status]["content"] == {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    components = schema["components"]["schemas"]
    assert {"Problem", "FieldError"} <= components.keys()
    assert "HTTPValidationError" not in components
    # Routes without PROBLEM_RESPONSES get their 422 rewritten too: the handler answers it as a problem.
    plain = schema["paths"]["/v1/plain"]["get"]["responses"]["422"]
    assert plain["content"] == {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
