"""Every timestamp leaves the API with a UTC offset, on SQLite as on PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from renkei_agreements.config import Settings
from renkei_agreements.main import create_app
from renkei_common.testing.client import ServiceClient, service_client

YAMAGATA, TENDO, KAMINOYAMA = "062014", "062103", "062073"
# RFC 3339 date-time, as OpenAPI's `format: date-time` requires: the offset is mandatory.
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


@pytest.fixture
async def agreements(database_url: str) -> AsyncIterator[ServiceClient]:
    async with service_client(create_app, Settings, database_url=database_url) as client:
        yield client


async def test_a_get_after_a_post_returns_the_same_offset_bearing_timestamp(
    agreements: ServiceClient,
) -> None:
    body = {
        "area_type": "metropolitan",
        "name": "テスト圏域",
        "declared_on": "2024-04-01",
        "centres": [{"code": YAMAGATA, "day_night_ratio": "1.05"}],
        "members": [{"code": code, "commuting_share": "0.2"} for code in (TENDO, KAMINOYAMA)],
    }
    created = await agreements.http.post("/v1/areas", json=body, headers=agreements.as_(YAMAGATA))
    assert created.status_code == 201, created.text
    read = await agreements.http.get(f"/v1/areas/{created.json()['id']}", headers=agreements.as_(YAMAGATA))
    assert read.status_code == 200
    posted, got = created.json()["created_at"], read.json()["created_at"]
    assert RFC3339.fullmatch(got), f"no offset in {got!r}"
    assert got == posted


async def test_registry_timestamps_carry_an_offset(agreements: ServiceClient) -> None:
    # Written by the seed migration, never by a request: read back from the database only.
    response = await agreements.http.get(f"/v1/municipalities/{YAMAGATA}", headers=agreements.as_(YAMAGATA))
    assert response.status_code == 200
    assert RFC3339.fullmatch(response.json()["updated_at"]), response.json()["updated_at"]
