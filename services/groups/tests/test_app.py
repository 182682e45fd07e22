"""The groups service runs on the shared backbone: migrated database, feed, health, operator API."""

from __future__ import annotations

from renkei_common.testing.client import service_client
from renkei_groups.config import Settings
from renkei_groups.main import create_app


async def test_service_is_ready_and_serves_an_empty_feed(database_url: str) -> None:
    async with service_client(create_app, Settings, database_url=database_url) as app:
        ready = await app.http.get("/readyz")
        assert ready.status_code == 200 and ready.json()["checks"]["database"] == "ok"
        feed = await app.http.get("/v1/events", headers=app.as_("finance", "service"))
        assert feed.json() == {"events": [], "next_after": 0}
        outbox = await app.http.get("/v1/admin/outbox", headers=app.as_("000000", "operator"))
        assert outbox.status_code == 200 and outbox.json()["rows"] == 0
        assert app.settings.port == {"groups": 8002, "staffing": 8003}["groups"]
