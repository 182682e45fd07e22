"""Only a lost race becomes a retryable 409; any other integrity error is a bug: a logged 500."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from fastapi import Request
from renkei_agreements.config import Settings
from renkei_agreements.main import create_app
from renkei_common.testing.client import ServiceClient, service_client
from sqlalchemy import text

# Tables of this test only, so that it does not depend on any service's schema.
DDL = (
    "CREATE TABLE race_parent (id INTEGER PRIMARY KEY)",
    "CREATE TABLE race_child (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE,"
    " parent_id INTEGER NOT NULL REFERENCES race_parent (id))",
    "INSERT INTO race_parent (id) VALUES (1)",
    "INSERT INTO race_child (id, code, parent_id) VALUES (1, 'taken', 1)",
)
# Each statement breaks one kind of constraint.
VIOLATIONS = {
    "unique": "INSERT INTO race_child (id, code, parent_id) VALUES (2, 'taken', 1)",
    "primary_key": "INSERT INTO race_child (id, code, parent_id) VALUES (1, 'other', 1)",
    "foreign_key": "INSERT INTO race_child (id, code, parent_id) VALUES (3, 'fk', 99)",
    "not_null": "INSERT INTO race_child (id, code, parent_id) VALUES (4, NULL, 1)",
}


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
async def agreements(database_url: str) -> AsyncIterator[ServiceClient]:
    async with service_client(create_app, Settings, database_url=database_url) as client:
        async with client.db.transaction() as session:
            for statement in DDL:
                await session.execute(text(statement))

        @client.app.post("/test/violate/{kind}")
        async def violate(kind: str, request: Request) -> dict[str, str]:
            async with request.app.state.db.transaction() as session:
                await session.execute(text(VIOLATIONS[kind]))
            return {"written": kind}

        yield client


@pytest.mark.parametrize("kind", ["unique", "primary_key"])
async def test_a_unique_violation_is_a_retryable_409(agreements: ServiceClient, kind: str) -> None:
    response = await agreements.http.post(f"/test/violate/{kind}", headers=agreements.as_("062014"))
    assert response.status_code == 409, response.text
    assert response.json()["type"] == "urn:renkei:problem:concurrent-update"
    assert response.headers["retry-after"] == "1"


@pytest.mark.parametrize("kind", ["foreign_key", "not_null"])
async def test_other_integrity_errors_are_logged_500s(agreements: ServiceClient, kind: str) -> None:
    collect = Collect()
    logging.getLogger().addHandler(collect)
    try:
        response = await agreements.http.post(f"/test/violate/{kind}", headers=agreements.as_("062014"))
    finally:
        logging.getLogger().removeHandler(collect)
    assert response.status_code == 500, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["type"] == "urn:renkei:problem:internal-error"
    assert "retry-after" not in response.headers
    logged = [r for r in collect.records if r.exc_info and "IntegrityError" in type(r.exc_info[1]).__name__]
    assert logged, "the bug is logged with its traceback"
