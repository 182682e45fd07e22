"""Request-body limit: a 413 problem from the declared length before reading, or while a body streams."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, Request
from renkei_common.auth import CurrentActor
from renkei_common.limits import BodyLimitMiddleware, body_limit
from renkei_common.schema_types import RequestModel
from renkei_common.settings import ServiceSettings
from starlette.types import Message

from .conftest import CommonService

LIMIT, IMPORT_LIMIT = 1_000, 5_000
calls: Counter[str] = Counter()


class Note(RequestModel):
    text: str


router = APIRouter()


@router.post("/v1/notes", status_code=201)
async def create_note(body: Note, actor: CurrentActor) -> dict[str, int]:
    calls["notes"] += 1
    return {"length": len(body.text)}


@router.post("/v1/imports", status_code=201, openapi_extra=body_limit(IMPORT_LIMIT))
async def import_file(request: Request, actor: CurrentActor) -> dict[str, int]:
    calls["imports"] += 1
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
    return {"size": size}


@pytest.fixture
async def svc(common_service: CommonService, tmp_path: Any) -> AsyncIterator[Any]:
    calls.clear()
    url = f"sqlite+aiosqlite:///{tmp_path / 'limits.db'}"
    async with common_service(url, routers=[router], max_body_bytes=LIMIT) as service:
        yield service


def note_of_size(size: int) -> bytes:
    body = b'{"text": "' + b"x" * (size - 12) + b'"}'
    assert len(body) == size
    return body


async def chunks(total: int, size: int = 300) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        piece = min(size, total - sent)
        sent += piece
        yield b"a" * piece


def assert_413(response: httpx.Response, limit: int) -> None:
    assert response.status_code == 413, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["type"] == "urn:renkei:problem:payload-too-large"
    assert problem["max_bytes"] == limit
    assert [(e["field"], e["rule"]) for e in problem["errors"]] == [("body", "max_bytes")]


def test_the_default_limit_is_one_mebibyte() -> None:
    assert ServiceSettings().max_body_bytes == 1024 * 1024


async def test_a_body_at_the_limit_passes_and_one_byte_more_is_refused(svc: Any) -> None:
    headers = svc.as_("062014", **{"Content-Type": "application/json"})
    fits = await svc.http.post("/v1/notes", content=note_of_size(LIMIT), headers=headers)
    assert fits.status_code == 201, fits.text
    too_big = await svc.http.post("/v1/notes", content=note_of_size(LIMIT + 1), headers=headers)
    assert_413(too_big, LIMIT)
    assert calls["notes"] == 1, "the handler never saw the oversized body"
    assert too_big.headers["x-request-id"], "the 413 carries the request id like every response"


async def test_a_big_json_body_is_refused_without_being_parsed(svc: Any) -> None:
    headers = svc.as_("062014", **{"Content-Type": "application/json"})
    huge = note_of_size(3 * 1024 * 1024)
    response = await svc.http.post("/v1/notes", content=huge, headers=headers)
    assert_413(response, LIMIT)
    assert calls["notes"] == 0


async def test_a_chunked_body_is_cut_off_while_streaming(svc: Any) -> None:
    headers = svc.as_("062014")
    response = await svc.http.post("/v1/imports", content=chunks(IMPORT_LIMIT + 1), headers=headers)
    assert "content-length" not in response.request.headers  # really chunked
    assert_413(response, IMPORT_LIMIT)
    fits = await svc.http.post("/v1/imports", content=chunks(IMPORT_LIMIT), headers=headers)
    assert fits.status_code == 201 and fits.json() == {"size": IMPORT_LIMIT}


async def test_a_route_declares_its_own_limit(svc: Any) -> None:
    headers = svc.as_("062014")
    above_default = await svc.http.post("/v1/imports", content=b"a" * (LIMIT * 3), headers=headers)
    assert above_default.status_code == 201 and above_default.json() == {"size": LIMIT * 3}
    assert_413(
        await svc.http.post("/v1/imports", content=b"a" * (IMPORT_LIMIT + 1), headers=headers), IMPORT_LIMIT
    )
    chunked_note = await svc.http.post("/v1/notes", content=chunks(LIMIT + 1), headers=headers)
    assert_413(chunked_note, LIMIT)
    operation = svc.app.openapi()["paths"]["/v1/imports"]["post"]
    assert operation["x-max-body-bytes"] == IMPORT_LIMIT, "the limit is documented"
    assert (
        "413" in operation["responses"]
        and "413" in svc.app.openapi()["paths"]["/v1/notes"]["post"]["responses"]
    )


async def test_an_oversized_write_with_an_idempotency_key_is_not_remembered(svc: Any) -> None:
    headers = svc.as_("062014", **{"Idempotency-Key": "k-413", "Content-Type": "application/json"})
    refused = await svc.http.post("/v1/notes", content=chunks(LIMIT + 1), headers=headers)
    assert_413(refused, LIMIT)
    retry = await svc.http.post("/v1/notes", content=note_of_size(100), headers=headers)
    assert retry.status_code == 201 and "idempotent-replayed" not in retry.headers


async def test_the_declared_length_is_refused_before_any_byte_is_read() -> None:
    received: list[Message] = []
    sent: list[Message] = []
    app_called = False

    async def app(scope: Any, receive: Any, send: Any) -> None:
        nonlocal app_called
        app_called = True

    async def receive() -> Message:
        message: Message = {"type": "http.request", "body": b"x" * 100, "more_body": True}
        received.append(message)
        return message

    async def send(message: Message) -> None:
        sent.append(message)

    middleware = BodyLimitMiddleware(app, default_max_bytes=10)
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/anything",
        "headers": [(b"content-length", b"50000000")],
        "app": None,
    }
    await middleware(scope, receive, send)
    assert not app_called and received == []
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413
