"""A small driver of a service's HTTP API for tests: auth headers, calls that assert their status, events."""

from __future__ import annotations

from typing import Any

import httpx

from renkei_common.testing.client import ServiceClient


def role_of(org: str) -> str:
    """The government role a 団体コード implies: a prefecture's code is xx000c (c: check digit)."""
    return "prefecture" if org[2:5] == "000" else "municipality"


class Driver:
    """Short calls for tests; each asserts the status it expects. Services subclass it with their steps."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client
        self.http = client.http

    def as_(self, org: str, *roles: str) -> dict[str, str]:
        """Auth headers of `org` with `roles` (default: the government role its code implies)."""
        return self.client.as_(org, *(roles or (role_of(org),)))

    async def call(
        self,
        method: str,
        url: str,
        org: str,
        *,
        expect: int = 200,
        roles: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> httpx.Response:
        """`method url` as `org`; fails the test unless the status is `expect`."""
        headers = {**self.as_(org, *roles), **kwargs.pop("headers", {})}
        response = await self.http.request(method, url, headers=headers, **kwargs)
        assert response.status_code == expect, f"{method} {url}: {response.status_code} {response.text}"
        return response

    async def events(self, type_suffix: str | None = None) -> list[dict[str, Any]]:
        """The service's feed as another service reads it; only types ending in `.<type_suffix>.v1`."""
        response = await self.call("GET", "/v1/events?limit=1000", "service", roles=("service",))
        events: list[dict[str, Any]] = response.json()["events"]
        return [e for e in events if type_suffix is None or e["type"].endswith(f".{type_suffix}.v1")]
