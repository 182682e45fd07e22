"""Every role reads the event feed; governments and groups see only their own events (ADR 0011)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import CommonService

ALLOWED = ("service", "operator", "auditor")
FILTERED = ("municipality", "prefecture", "group", "national")


@pytest.mark.parametrize("role", FILTERED)
async def test_government_and_group_tokens_read_a_filtered_feed(
    common_service: CommonService, tmp_path: Path, role: str
) -> None:
    async with common_service(f"sqlite+aiosqlite:///{tmp_path / 'feed.db'}") as svc:
        response = await svc.http.get("/v1/events", headers=svc.as_("062014", role))
        assert response.status_code == 200, response.text
        assert response.json() == {"events": [], "next_after": 0}


async def test_the_feed_needs_a_token(common_service: CommonService, tmp_path: Path) -> None:
    async with common_service(f"sqlite+aiosqlite:///{tmp_path / 'feed.db'}") as svc:
        response = await svc.http.get("/v1/events")
        assert response.status_code == 401
        assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("role", ALLOWED)
async def test_platform_roles_read_the_feed(common_service: CommonService, tmp_path: Path, role: str) -> None:
    async with common_service(f"sqlite+aiosqlite:///{tmp_path / 'feed.db'}") as svc:
        response = await svc.http.get("/v1/events", headers=svc.as_("000000", role))
        assert response.status_code == 200, response.text
        assert response.json() == {"events": [], "next_after": 0}


async def test_a_platform_role_beside_a_government_role_is_enough(
    common_service: CommonService, tmp_path: Path
) -> None:
    async with common_service(f"sqlite+aiosqlite:///{tmp_path / 'feed.db'}") as svc:
        response = await svc.http.get("/v1/events", headers=svc.as_("062014", "municipality", "auditor"))
        assert response.status_code == 200
