"""Tests of renkei_common.writes: Idempotency-Key replay, ETag / If-Match, and the audit log."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import httpx
import pytest
from fastapi import FastAPI, Header, Response
from pydantic import BaseModel
from renkei_common.auth import Actor, CurrentActor, TokenVerifier, mint_dev_token
from renkei_common.db import CommonBase, Database
from renkei_common.errors import PreconditionFailed, PreconditionRequired, install_error_handlers
from renkei_common.logging_setup import request_id_var
from renkei_common.models import IdempotencyRecord
from renkei_common.ops import RequestContextMiddleware
from renkei_common.settings import ServiceSettings
from renkei_common.writes import (
    IdempotencyMiddleware,
    check_if_match,
    etag_for,
    jsonable,
    list_audit,
    prune_idempotency_records,
    record_audit,
)
from renkei_common.writes.idempotency_store import KeyedRequest, caller_digest, claim_key, complete_key
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

SETTINGS = ServiceSettings(service_name="test")
SAPPORO, HAKODATE = "011002", "012025"


class ThingIn(BaseModel):
    name: str


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        database = Database(f"sqlite+aiosqlite:///{tmp_path / 'writes.db'}")
        async with database.engine.begin() as conn:
            await conn.run_sync(CommonBase.metadata.create_all)
        yield database
        await database.dispose()
        return
    # The same tests on real PostgreSQL (the suite-wide server of renkei_common.testing.fixtures),
    # in a database of their own that is dropped afterwards.
    server_url: str = request.getfixturevalue("postgres_admin_url")
    name = f"test_writes_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database(make_url(server_url).set(database=name).render_as_string(hide_password=False))
    async with database.engine.begin() as conn:
        await conn.run_sync(CommonBase.metadata.create_all)
    yield database
    await database.dispose()
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE "{name}"'))
    await admin.dispose()


class Harness:
    """A small service: counts handler calls, can be made to wait, fail, or answer 503."""

    def __init__(self, db: Database) -> None:
        self.calls: Counter[str] = Counter()
        self.entered, self.release = asyncio.Event(), asyncio.Event()
        self.unavailable_once = True
        self.version = 1
        app = FastAPI()
        install_error_handlers(app)
        app.state.db = db
        app.state.token_verifier = TokenVerifier(SETTINGS)

        @app.post("/v1/things", status_code=201)
        async def create(body: ThingIn, actor: CurrentActor, response: Response) -> dict[str, Any]:
            self.calls["create"] += 1
            thing_id = f"t{self.calls['create']}"
            response.headers["Location"] = f"/v1/things/{thing_id}"
            response.headers["ETag"] = etag_for(thing_id, 1)
            response.headers["X-Debug"] = "not replayed"
            return {"id": thing_id, "name": body.name, "org": actor.org}

        @app.post("/v1/slow")
        async def slow(actor: CurrentActor) -> dict[str, str]:
            self.calls["slow"] += 1
            self.entered.set()
            await self.release.wait()
            return {"done": "yes"}

        @app.post("/v1/flaky")
        async def flaky(actor: CurrentActor, response: Response) -> dict[str, int]:
            self.calls["flaky"] += 1
            if self.unavailable_once:
                self.unavailable_once = False
                response.status_code = 503
            return {"attempt": self.calls["flaky"]}

        @app.post("/v1/crash")
        async def crash(actor: CurrentActor) -> None:
            self.calls["crash"] += 1
            if self.calls["crash"] == 1:
                raise RuntimeError("first attempt crashes")

        @app.put("/v1/things/t1")
        async def update(
            body: ThingIn,
            actor: CurrentActor,
            response: Response,
            if_match: Annotated[str | None, Header()] = None,
        ) -> dict[str, Any]:
            check_if_match(if_match, resource_id="t1", version=self.version)
            self.version += 1
            response.headers["ETag"] = etag_for("t1", self.version)
            return {"id": "t1", "name": body.name, "version": self.version}

        @app.post("/v1/once/{status}", status_code=201)
        async def once(status: int, actor: CurrentActor, response: Response) -> dict[str, int]:
            # Answers `status` the first time, then succeeds: a transient refusal.
            self.calls["once"] += 1
            if self.calls["once"] == 1:
                response.status_code = status
            return {"attempt": self.calls["once"]}

        app.add_middleware(IdempotencyMiddleware, database_getter=lambda: db)
        app.add_middleware(RequestContextMiddleware, service="test-writes")
        self.app = app

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://test")


def headers(
    key: str | None = None,
    *,
    org: str = SAPPORO,
    roles: tuple[str, ...] = ("municipality",),
    sub: str = "dev-user",
    **extra: str,
) -> dict[str, str]:
    token = mint_dev_token(settings=SETTINGS, org=org, roles=list(roles), sub=sub)
    result = {"Authorization": f"Bearer {token}", **extra}
    if key is not None:
        result["Idempotency-Key"] = key
    return result


async def stored(db: Database) -> int:
    async with db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(IdempotencyRecord)) or 0)


async def test_retry_replays_the_first_response_without_rerunning(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        first = await http.post("/v1/things", json={"name": "バス共同運行"}, headers=headers("k-1"))
        again = await http.post("/v1/things", json={"name": "バス共同運行"}, headers=headers("k-1"))
    assert harness.calls["create"] == 1
    assert first.status_code == again.status_code == 201
    assert again.content == first.content
    assert again.json()["name"] == "バス共同運行"
    for name in ("etag", "location", "content-type"):
        assert again.headers[name] == first.headers[name]
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert "x-debug" not in again.headers
    assert again.headers["x-request-id"] != first.headers["x-request-id"]  # each attempt is its own request


async def test_same_key_with_another_body_is_422(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        await http.post("/v1/things", json={"name": "a"}, headers=headers("k-2"))
        reused = await http.post("/v1/things", json={"name": "b"}, headers=headers("k-2"))
    assert reused.status_code == 422
    assert reused.headers["content-type"] == "application/problem+json"
    assert reused.json()["errors"][0]["field"] == "Idempotency-Key"
    assert reused.json()["errors"][0]["rule"] == "reused_with_different_request"
    assert reused.json()["request_id"] == reused.headers["x-request-id"]
    assert harness.calls["create"] == 1


async def test_keys_are_scoped_per_org_and_ignored_without_key(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        await http.post("/v1/things", json={"name": "a"}, headers=headers("shared"))
        other_org = await http.post("/v1/things", json={"name": "a"}, headers=headers("shared", org=HAKODATE))
        await http.post("/v1/things", json={"name": "a"}, headers=headers())
        await http.post("/v1/things", json={"name": "a"}, headers=headers())
    assert other_org.status_code == 201 and "idempotent-replayed" not in other_org.headers
    assert harness.calls["create"] == 4
    assert await stored(db) == 2


async def test_bad_key_and_missing_token(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        too_long = await http.post("/v1/things", json={"name": "a"}, headers=headers("k" * 201))
        no_token = await http.post("/v1/things", json={"name": "a"}, headers={"Idempotency-Key": "k-3"})
    assert too_long.status_code == 400
    assert too_long.json()["errors"][0]["field"] == "Idempotency-Key"
    assert no_token.status_code == 401  # the middleware stepped aside and auth answered
    assert harness.calls["create"] == 0
    assert await stored(db) == 0


async def test_concurrent_duplicate_is_409_while_in_progress(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        first = asyncio.create_task(http.post("/v1/slow", headers=headers("k-4")))
        await asyncio.wait_for(harness.entered.wait(), 5)
        duplicate = await http.post("/v1/slow", headers=headers("k-4"))
        harness.release.set()
        done = await first
        replay = await http.post("/v1/slow", headers=headers("k-4"))
    assert duplicate.status_code == 409
    assert duplicate.json()["type"] == "urn:renkei:problem:idempotency-key-in-progress"
    assert duplicate.headers["retry-after"] == "1"
    assert done.status_code == 200 and replay.headers["idempotent-replayed"] == "true"
    assert harness.calls["slow"] == 1


async def test_abandoned_in_progress_record_is_taken_over(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        await http.post("/v1/things", json={"name": "a"}, headers=headers("k-5"))
        async with db.transaction() as session:
            record = await session.get(IdempotencyRecord, ("k-5", SAPPORO))
            assert record is not None and record.state == "completed"
            # As if the first attempt's process died before storing its response.
            record.state, record.status_code, record.response_body = "in_progress", None, None
            record.created_at = datetime.now(UTC) - timedelta(seconds=61)
        taken_over = await http.post("/v1/things", json={"name": "a"}, headers=headers("k-5"))
        replay = await http.post("/v1/things", json={"name": "a"}, headers=headers("k-5"))
    assert taken_over.status_code == 201 and "idempotent-replayed" not in taken_over.headers
    assert replay.headers["idempotent-replayed"] == "true" and replay.content == taken_over.content
    assert harness.calls["create"] == 2


async def test_server_errors_release_the_key(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        unavailable = await http.post("/v1/flaky", headers=headers("k-6"))
        retried = await http.post("/v1/flaky", headers=headers("k-6"))
        crashed = await http.post("/v1/crash", headers=headers("k-7"))
        after_crash = await http.post("/v1/crash", headers=headers("k-7"))
    assert unavailable.status_code == 503 and retried.status_code == 200
    assert retried.json() == {"attempt": 2}
    assert crashed.status_code == 500 and crashed.headers["content-type"] == "application/problem+json"
    assert after_crash.status_code == 200 and "idempotent-replayed" not in after_crash.headers
    assert harness.calls["flaky"] == 2 and harness.calls["crash"] == 2


async def test_a_slow_first_attempt_cannot_overwrite_the_takeover(db: Database) -> None:
    actor = Actor(sub="mayor", org=SAPPORO, roles=frozenset({"municipality"}))
    request = KeyedRequest(key="k-9", org=SAPPORO, caller=caller_digest(actor), method="POST", path="/v1/x")
    first = await claim_key(db, request, takeover_after=timedelta(seconds=0))
    second = await claim_key(db, request, takeover_after=timedelta(seconds=0))  # first looks abandoned
    assert second.created_at > first.created_at
    digest = "a" * 32
    for claim, body in ((second, b"second"), (first, b"first")):
        await complete_key(
            db,
            request,
            claimed_at=claim.created_at,
            request_digest=digest,
            status_code=201,
            body=body,
            headers={},
        )
    replay = await claim_key(db, request, takeover_after=timedelta(seconds=0))
    assert replay.state == "completed" and replay.response_body == b"second"


async def test_prune_removes_old_records(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        await http.post("/v1/things", json={"name": "a"}, headers=headers("k-8"))
    async with db.transaction() as session:
        assert await prune_idempotency_records(session, older_than=timedelta(hours=24)) == 0
    async with db.transaction() as session:
        assert await prune_idempotency_records(session, older_than=timedelta(seconds=-1)) == 1


def test_etags_and_if_match() -> None:
    current = etag_for("agreement-1", 3)
    assert current.startswith('"') and current.endswith('-3"')
    assert etag_for("agreement-2", 3) != current and etag_for("agreement-1", 4) != current
    for allowed in (None, "*", current, f'"other", {current}'):
        check_if_match(allowed, resource_id="agreement-1", version=3)
    with pytest.raises(PreconditionFailed) as stale:
        check_if_match(etag_for("agreement-1", 2), resource_id="agreement-1", version=3)
    assert stale.value.headers["ETag"] == current and current in (stale.value.detail or "")
    with pytest.raises(PreconditionFailed):
        check_if_match(f"W/{current}", resource_id="agreement-1", version=3)  # weak never matches
    with pytest.raises(PreconditionRequired):
        check_if_match(None, resource_id="agreement-1", version=3, required=True)


async def test_if_match_over_http(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        stale = await http.put(
            "/v1/things/t1", json={"name": "x"}, headers=headers(**{"If-Match": etag_for("t1", 0)})
        )
        fresh = await http.put(
            "/v1/things/t1", json={"name": "x"}, headers=headers(**{"If-Match": etag_for("t1", 1)})
        )
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["current_etag"] == etag_for("t1", 1) == stale.headers["etag"]
    assert stale.json()["errors"][0]["field"] == "If-Match"
    assert fresh.status_code == 200 and fresh.headers["etag"] == etag_for("t1", 2)


def test_jsonable() -> None:
    value = {"on": date(2025, 4, 1), "rate": Decimal("0.125"), "yen": 1200, "nested": [ThingIn(name="n")]}
    assert jsonable(value) == {"on": "2025-04-01", "rate": "0.125", "yen": 1200, "nested": [{"name": "n"}]}


async def test_audit_is_recorded_in_the_callers_transaction_and_listed(db: Database) -> None:
    actor = Actor(sub="mayor", org=SAPPORO, roles=frozenset({"municipality"}))
    token = request_id_var.set("req-audit")
    try:
        async with db.transaction() as session:
            await record_audit(
                session,
                actor=actor,
                action="agreement.sign",
                resource_type="agreement",
                resource_id="a1",
                before=None,
                after={"signed_on": date(2025, 4, 1), "cost": Decimal("1.50")},
            )
            await record_audit(
                session,
                actor=actor,
                action="agreement.amend",
                resource_type="agreement",
                resource_id="a1",
                before={"v": 1},
                after=ThingIn(name="v2"),
            )
            await record_audit(
                session,
                actor=actor,
                action="group.designate",
                resource_type="group",
                resource_id="g1",
                after={"v": 1},
            )
        with pytest.raises(RuntimeError):
            async with db.transaction() as session:
                await record_audit(
                    session,
                    actor=actor,
                    action="agreement.rollback",
                    resource_type="agreement",
                    resource_id="a1",
                )
                raise RuntimeError("the write failed, so its audit entry must vanish with it")
    finally:
        request_id_var.reset(token)

    async with db.session() as session:
        agreement = await list_audit(session, resource_type="agreement", resource_id="a1")
        everything = await list_audit(session)
        page_two = await list_audit(session, limit=1, after_id=agreement[0].id)
    assert [e.action for e in agreement] == ["agreement.sign", "agreement.amend"]
    assert agreement[0].after == {"signed_on": "2025-04-01", "cost": "1.50"}
    assert agreement[1].before == {"v": 1} and agreement[1].after == {"name": "v2"}
    assert agreement[0].actor_sub == "mayor" and agreement[0].actor_org == SAPPORO
    assert agreement[0].request_id == "req-audit"
    assert len(everything) == 3
    assert [e.action for e in page_two] == ["agreement.amend"]


async def test_unique_keys_do_not_collide(db: Database) -> None:
    harness = Harness(db)
    keys = [str(uuid.uuid4()) for _ in range(5)]
    async with harness.client() as http:
        responses = await asyncio.gather(
            *(http.post("/v1/things", json={"name": k}, headers=headers(k)) for k in keys)
        )
    assert all(r.status_code == 201 for r in responses)
    assert harness.calls["create"] == 5 and await stored(db) == 5


async def test_a_stored_answer_is_replayed_only_to_the_caller_who_wrote(db: Database) -> None:
    harness = Harness(db)
    body = {"name": "ごみ処理広域化"}
    async with harness.client() as http:
        first = await http.post("/v1/things", json=body, headers=headers("k-owner"))
        others = {
            "auditor of the same org": headers("k-owner", roles=("auditor",), sub="inspector"),
            "the same user, now an auditor": headers("k-owner", roles=("auditor",)),
            "the same user with another role too": headers("k-owner", roles=("municipality", "auditor")),
            "a colleague": headers("k-owner", sub="colleague"),
        }
        refused = {who: await http.post("/v1/things", json=body, headers=h) for who, h in others.items()}
        # Another caller learns nothing about the key, not even whether its body differs.
        other_body = await http.post("/v1/things", json={"name": "x"}, headers=others["a colleague"])
        replay = await http.post("/v1/things", json=body, headers=headers("k-owner"))
    assert first.status_code == 201
    for who, response in [*refused.items(), ("another body", other_body)]:
        assert response.status_code == 403, who
        assert response.json()["type"] == "urn:renkei:problem:idempotency-key-not-yours", who
        assert response.json()["errors"] == [
            {"field": "Idempotency-Key", "rule": "same_caller", "message": response.json()["detail"]}
        ], who
        assert first.json()["id"] not in response.text, who
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert harness.calls["create"] == 1


@pytest.mark.parametrize("status", [401, 403, 409, 412, 428, 429, 500, 503])
async def test_answers_a_retry_may_change_are_not_remembered(db: Database, status: int) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        transient = await http.post(f"/v1/once/{status}", headers=headers("k-transient"))
        retried = await http.post(f"/v1/once/{status}", headers=headers("k-transient"))
        replayed = await http.post(f"/v1/once/{status}", headers=headers("k-transient"))
    assert transient.status_code == status
    assert retried.status_code == 201 and retried.json() == {"attempt": 2}
    assert "idempotent-replayed" not in retried.headers
    assert replayed.headers["idempotent-replayed"] == "true" and replayed.json() == {"attempt": 2}
    assert harness.calls["once"] == 2


@pytest.mark.parametrize("status", [400, 404, 422])
async def test_final_refusals_are_remembered(db: Database, status: int) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        refused = await http.post(f"/v1/once/{status}", headers=headers("k-final"))
        replayed = await http.post(f"/v1/once/{status}", headers=headers("k-final"))
    assert refused.status_code == replayed.status_code == status
    assert replayed.headers["idempotent-replayed"] == "true"
    assert harness.calls["once"] == 1


async def test_a_stale_if_match_retried_with_a_fresh_etag_runs(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        stale = await http.put(
            "/v1/things/t1", json={"name": "x"}, headers=headers("k-etag", **{"If-Match": etag_for("t1", 0)})
        )
        fresh = await http.put(
            "/v1/things/t1",
            json={"name": "x"},
            headers=headers("k-etag", **{"If-Match": stale.headers["etag"]}),
        )
    assert stale.status_code == 412
    assert fresh.status_code == 200 and "idempotent-replayed" not in fresh.headers
    assert fresh.headers["etag"] == etag_for("t1", 2)


async def test_if_match_is_part_of_the_request(db: Database) -> None:
    harness = Harness(db)
    async with harness.client() as http:
        done = await http.put(
            "/v1/things/t1", json={"name": "x"}, headers=headers("k-im", **{"If-Match": etag_for("t1", 1)})
        )
        other_precondition = await http.put(
            "/v1/things/t1", json={"name": "x"}, headers=headers("k-im", **{"If-Match": etag_for("t1", 2)})
        )
        same = await http.put(
            "/v1/things/t1",
            json={"name": "x"},
            headers=headers("k-im", **{"If-Match": f" {etag_for('t1', 1)} "}),
        )
    assert done.status_code == 200
    assert other_precondition.status_code == 422
    assert other_precondition.json()["errors"][0]["rule"] == "reused_with_different_request"
    assert same.status_code == 200 and same.headers["idempotent-replayed"] == "true"
    assert harness.version == 2, "the update ran once"


def _scope(key: str, token: str) -> dict[str, Any]:
    return {
        "type": "http",
        "method": "POST",
        "path": "/v1/raw",
        "query_string": b"",
        "headers": [(b"authorization", f"Bearer {token}".encode()), (b"idempotency-key", key.encode())],
    }


def _body_messages(*chunks: bytes) -> Any:
    pulled: list[bytes] = []
    messages = [
        {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]

    async def receive() -> dict[str, Any]:
        message = messages[len(pulled)]
        pulled.append(message["body"])
        return message

    return receive, pulled


async def test_the_answer_is_stored_before_it_is_sent(db: Database) -> None:
    token = mint_dev_token(settings=SETTINGS, org=SAPPORO, roles=["municipality"])
    runs = 0

    async def app(scope: Any, receive: Any, send: Any) -> None:
        nonlocal runs
        runs += 1
        while (await receive()).get("more_body"):
            pass
        await send(
            {"type": "http.response.start", "status": 201, "headers": [(b"content-type", b"text/plain")]}
        )
        await send({"type": "http.response.body", "body": b"created"})

    middleware = IdempotencyMiddleware(
        app, database_getter=lambda: db, verifier_getter=lambda: TokenVerifier(SETTINGS)
    )
    retry: list[dict[str, Any]] = []

    async def retry_send(message: dict[str, Any]) -> None:
        retry.append(message)

    async def client_send(message: dict[str, Any]) -> None:
        # The client retries the moment the first answer reaches it, as a client whose read timed out
        # just after the server wrote it would.
        if message["type"] == "http.response.body":
            receive_again, _ = _body_messages(b"payload")
            await middleware(_scope("k-immediate", token), receive_again, retry_send)

    receive, _ = _body_messages(b"payload")
    await middleware(_scope("k-immediate", token), receive, client_send)
    assert retry[0]["status"] == 201, "a replay, not 409 idempotency-key-in-progress"
    assert (b"idempotent-replayed", b"true") in retry[0]["headers"]
    assert retry[1]["body"] == b"created" and runs == 1


async def test_the_body_streams_to_the_handler_without_being_read_ahead(db: Database) -> None:
    token = mint_dev_token(settings=SETTINGS, org=SAPPORO, roles=["municipality"])
    receive, pulled = _body_messages(b"one,", b"two,", b"three")
    seen: list[tuple[bytes, int]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            seen.append((message["body"], len(pulled)))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 201, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def send(message: dict[str, Any]) -> None:
        pass

    middleware = IdempotencyMiddleware(
        app, database_getter=lambda: db, verifier_getter=lambda: TokenVerifier(SETTINGS)
    )
    await middleware(_scope("k-stream", token), receive, send)
    # Each chunk reaches the handler as it arrives: the middleware keeps no copy of the body.
    assert seen == [(b"one,", 1), (b"two,", 2), (b"three", 3)]
    replay_receive, _ = _body_messages(b"one,two,", b"three")  # same bytes, other chunking: same request
    replayed: list[dict[str, Any]] = []

    async def collect(message: dict[str, Any]) -> None:
        replayed.append(message)

    await middleware(_scope("k-stream", token), replay_receive, collect)
    assert replayed[0]["status"] == 201 and replayed[1]["body"] == b"ok"
