"""schemathesis fuzzes every service's OpenAPI with valid tokens: no 5xx, and responses match their schema.

It reads each app's own OpenAPI document, so an endpoint added later is fuzzed without new test code, and
runs on both engines: PostgreSQL refuses what SQLite stores (NUL bytes, out-of-range integers), so a
failure may exist on one only.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from renkei_common.auth import mint_dev_token
from renkei_common.migrations import upgrade
from renkei_common.topology import SERVICE_PORTS
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

# FastAPI emits OpenAPI 3.1, which schemathesis 3.x supports behind this switch.
schemathesis.experimental.OPEN_API_3_1.enable()

# A caller with every role of one municipality gets past authorisation into validation and the use cases.
FUZZ_ORG = "062014"
FUZZ_ROLES = ["municipality", "national", "operator"]


@pytest.fixture(
    params=[(s, engine) for s in sorted(SERVICE_PORTS) for engine in ("sqlite", "postgres")],
    ids=lambda p: f"{p[0]}-{p[1]}",
    scope="module",
)
def service_schema(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[object]:
    service, engine = request.param
    main = importlib.import_module(f"renkei_{service}.main")
    settings_cls = importlib.import_module(f"renkei_{service}.config").Settings
    if engine == "postgres":
        url = request.getfixturevalue("new_postgres_database")("fuzz")
    else:
        url = f"sqlite+aiosqlite:///{Path(tmp_path_factory.mktemp(service)) / 'fuzz.db'}"
    upgrade(main.service_spec().migrations_dir, url)
    app = main.create_app(settings_cls(database_url=url, migrate_on_start=False), background=False)
    token = mint_dev_token(settings=app.state.settings, org=FUZZ_ORG, roles=FUZZ_ROLES, ttl_s=7200)
    app.state.fuzz_headers = {"Authorization": f"Bearer {token}"}
    yield schemathesis.from_asgi("/openapi.json", app=app)


schema = schemathesis.from_pytest_fixture("service_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_and_matches_its_schema(case: schemathesis.Case) -> None:
    if case.query and "wait" in case.query:
        case.query["wait"] = 0  # a long poll would only make the fuzzer wait; its bounds are still fuzzed
    headers = dict(case.headers or {})
    headers.update(case.app.state.fuzz_headers)
    response = case.call_asgi(headers=headers)
    case.validate_response(
        response,
        checks=(
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ),
    )
