"""`/v1/webhooks` as a client uses it: registration rules, each refusal by field and rule, owner only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from renkei_common.events.contracts import AgreementTerminated, MunicipalityUpdated
from renkei_common.testing.client import ServiceClient
from renkei_common.webhooks.dispatcher import retry_delay, signing_secrets
from renkei_common.webhooks.models import WebhookEndpoint
from renkei_common.webhooks.signing import signature_headers
from renkei_common.webhooks.ssrf import UrlRefused, check_url
from standardwebhooks import Webhook, WebhookVerificationError

from .conftest import CommonService

SAPPORO, HAKODATE = "011002", "012025"
URL = "http://127.0.0.1:9/hook"


def sqlite(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'webhooks.db'}"


async def create(svc: ServiceClient, body: dict[str, Any], *roles: str, org: str = SAPPORO) -> Any:
    return await svc.http.post("/v1/webhooks", json=body, headers=svc.as_(org, *(roles or ("municipality",))))


def only_error(response: Any) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    (error,) = response.json()["errors"]
    return dict(error)


@pytest.fixture
def settings() -> dict[str, Any]:
    return {"service_name": "agreements", "webhook_allowed_hosts": ["127.0.0.1"]}


async def test_register_shows_the_secret_once_and_the_owner_manages_it(
    common_service: CommonService, tmp_path: Path, settings: dict[str, Any]
) -> None:
    async with common_service(sqlite(tmp_path), **settings) as svc:
        types = (await svc.http.get("/v1/webhooks/event-types", headers=svc.as_(SAPPORO))).json()["data"]
        assert AgreementTerminated.type_name() in types and all(".agreements." in t for t in types)
        response = await create(svc, {"url": URL, "event_types": [AgreementTerminated.type_name()]})
        assert response.status_code == 201, response.text
        created = response.json()
        assert created["secret"].startswith("whsec_") and len(Webhook(created["secret"])._whsecret) == 32
        assert response.headers["Location"] == f"/v1/webhooks/{created['id']}"
        mine = svc.as_(SAPPORO, "municipality")
        read = (await svc.http.get(f"/v1/webhooks/{created['id']}", headers=mine)).json()
        assert "secret" not in read and read["enabled"] is True and read["org"] == SAPPORO
        listed = (await svc.http.get("/v1/webhooks", headers=mine)).json()["data"]
        assert [e["id"] for e in listed] == [created["id"]]

        patched = await svc.http.patch(
            f"/v1/webhooks/{created['id']}", json={"description": "県システム"}, headers=mine
        )
        assert patched.status_code == 200 and patched.json()["description"] == "県システム"
        deleted = await svc.http.delete(f"/v1/webhooks/{created['id']}", headers=mine)
        assert deleted.status_code == 204
        assert (await svc.http.get(f"/v1/webhooks/{created['id']}", headers=mine)).status_code == 404


async def test_another_org_cannot_see_or_touch_an_endpoint(
    common_service: CommonService, tmp_path: Path, settings: dict[str, Any]
) -> None:
    async with common_service(sqlite(tmp_path), **settings) as svc:
        created = (await create(svc, {"url": URL, "event_types": [AgreementTerminated.type_name()]})).json()
        other = svc.as_(HAKODATE, "municipality")
        path = f"/v1/webhooks/{created['id']}"
        assert (await svc.http.get("/v1/webhooks", headers=other)).json()["data"] == []
        for method, suffix in [
            ("GET", ""),
            ("PATCH", ""),
            ("DELETE", ""),
            ("GET", "/deliveries"),
            ("POST", "/rotate-secret"),
            ("POST", "/enable"),
            ("POST", "/deliveries/1/redeliver"),
        ]:
            body = {"description": "x"} if method == "PATCH" else None
            response = await svc.http.request(method, path + suffix, json=body, headers=other)
            assert response.status_code == 404, (method, suffix, response.text)
        # The endpoint is untouched.
        mine = svc.as_(SAPPORO, "municipality")
        assert (await svc.http.get(path, headers=mine)).json()["description"] == ""


async def test_an_auditor_reads_but_never_registers(
    common_service: CommonService, tmp_path: Path, settings: dict[str, Any]
) -> None:
    async with common_service(sqlite(tmp_path), **settings) as svc:
        response = await create(
            svc, {"url": URL, "event_types": [AgreementTerminated.type_name()]}, "auditor"
        )
        assert response.status_code == 403, response.text


@pytest.mark.parametrize(
    ("url", "rule"),
    [
        ("http://example.jp/hook", "https_url"),  # plain http to a host no operator allowed
        ("ftp://127.0.0.1/hook", "https_url"),
        ("https://user:pw@example.jp/hook", "no_credentials_in_url"),
        ("https://10.0.0.1/hook", "public_address"),  # private
        ("https://169.254.169.254/latest/meta-data", "public_address"),  # link-local (cloud metadata)
        ("https://224.0.0.1/hook", "public_address"),  # multicast
        ("https://[::1]/hook", "public_address"),  # loopback, not the allowed 127.0.0.1
        ("https://localhost/hook", "public_address"),  # a name that resolves to loopback
        ("https://no-such-host.invalid/hook", "resolvable_host"),
    ],
)
async def test_ssrf_guard_refuses_at_registration(
    common_service: CommonService, tmp_path: Path, settings: dict[str, Any], url: str, rule: str
) -> None:
    async with common_service(sqlite(tmp_path), **settings) as svc:
        error = only_error(await create(svc, {"url": url, "event_types": [AgreementTerminated.type_name()]}))
        assert (error["field"], error["rule"]) == ("body.url", rule)


async def test_unpublished_event_types_are_refused_by_index(
    common_service: CommonService, tmp_path: Path, settings: dict[str, Any]
) -> None:
    async with common_service(sqlite(tmp_path), **settings) as svc:
        body = {
            "url": URL,
            "event_types": [MunicipalityUpdated.type_name(), "jp.renkei.groups.GroupDesignated.v1"],
        }
        error = only_error(await create(svc, body))
        assert (error["field"], error["rule"]) == ("body.event_types[1]", "published_event_type")
        empty = await create(svc, {"url": URL, "event_types": []})
        assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "body.event_types"


async def test_check_url_allows_an_operator_allowed_host_only() -> None:
    await check_url("http://127.0.0.1:8080/x", allowed_hosts=["127.0.0.1"])
    with pytest.raises(UrlRefused) as refused:
        await check_url("http://127.0.0.1:8080/x", allowed_hosts=[])
    assert refused.value.rule == "https_url"
    with pytest.raises(UrlRefused) as refused:
        await check_url("https://127.0.0.1:8080/x", allowed_hosts=[])
    assert refused.value.rule == "public_address"


def test_signatures_verify_with_the_reference_verifier_and_only_with_the_right_secret() -> None:
    from datetime import UTC, datetime

    old, new = (
        "whsec_" + "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "whsec_" + "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4MTIzNDU2Nzg=",
    )
    body = '{"id":"e1","type":"t"}'
    headers = signature_headers(
        signing_secrets=[new, old], msg_id="e1", timestamp=datetime.now(UTC), body=body
    )
    assert headers["webhook-signature"].count("v1,") == 2
    assert Webhook(new).verify(body, headers) == {"id": "e1", "type": "t"}
    assert Webhook(old).verify(body, headers) == {"id": "e1", "type": "t"}
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=").verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new).verify(body.replace("t", "u"), headers)  # a tampered body


def test_the_previous_secret_signs_until_the_overlap_ends() -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    endpoint = WebhookEndpoint(
        secret="new", previous_secret="old", previous_secret_until=now + timedelta(seconds=1)
    )
    assert signing_secrets(endpoint, now) == ["new", "old"]
    assert signing_secrets(endpoint, now + timedelta(seconds=1)) == ["new"]  # the edge: no longer


def test_retries_back_off_exponentially_with_jitter_over_about_a_day() -> None:
    delays = [retry_delay(n, base_s=5.0, max_s=36000.0) for n in range(1, 11)]
    assert 4.0 <= delays[0] <= 6.0 and 12.0 <= delays[1] <= 18.0
    assert all(d <= 36000 * 1.2 for d in delays)
    total_hours = sum(delays) / 3600
    assert 18 <= total_hours <= 32, total_hours  # 11 attempts: the 10 waits between them span about a day


@pytest.mark.parametrize("transport", ["feed", "kafka"])
def test_the_runtime_runs_the_dispatcher_on_both_transports(tmp_path: Path, transport: str) -> None:
    from renkei_common.db import Database
    from renkei_common.runtime import Runtime
    from renkei_common.settings import ServiceSettings
    from renkei_common.webhooks.dispatcher import WebhookDispatcher

    url = sqlite(tmp_path)
    runtime = Runtime(settings=ServiceSettings(database_url=url, transport=transport), db=Database(url))
    runtime.build()
    assert isinstance(runtime.webhooks, WebhookDispatcher)
    off = Runtime(settings=ServiceSettings(database_url=url, webhooks_enabled=False), db=Database(url))
    off.build()
    assert off.webhooks is None
