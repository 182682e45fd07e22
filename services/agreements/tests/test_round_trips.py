"""Database round trips of the writes that emit events: the unit of work makes no more than the work needs.

Counted with SQLAlchemy's `before_cursor_execute` (every statement the service sends; the implicit BEGIN
and the COMMIT are not statements and are not counted). A locked load starts with the root's lock:
`SELECT id ... FOR UPDATE` on PostgreSQL, `BEGIN IMMEDIATE` on SQLite; then it reads the aggregate with its
children in one statement. PostgreSQL adds the outbox's advisory lock, which keeps outbox sequences in
commit order (docs/adr/0001-outbox-sequence-order.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from agreements_testkit import KAMINOYAMA, STEPS, TENDO, YAMAGATA, Driver
from sqlalchemy import event
from sqlalchemy.engine import Engine


@contextmanager
def statements(api: Driver) -> Iterator[list[str]]:
    """The SQL statements the service sends while the block runs, in order."""
    engine: Engine = api.client.db.engine.sync_engine
    sent: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement.split(None, 1)[0].upper() + " " + _table_of(statement))

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _table_of(statement: str) -> str:
    words = statement.replace("\n", " ").split()
    for keyword in ("INTO", "UPDATE", "FROM"):
        if keyword in words[:-1]:
            return words[words.index(keyword) + 1].strip('"')
    return words[1] if len(words) > 1 else ""


def _postgres(api: Driver, *statements: str) -> int:
    """How many of the PostgreSQL-only statements (the `outbox lock`) this engine sends."""
    return len(statements) if api.client.db.is_postgres else 0


async def test_a_kpi_report_with_its_event_takes_five_statements(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO, KAMINOYAMA))
    body = {
        "area_id": area["id"],
        "first_fiscal_year": 2024,
        "last_fiscal_year": 2028,
        "projects": [{"name": "p", "field": "医療", "role": "life_services"}],
        "kpis": [{"name": "k", "unit": "件", "targets": [{"fiscal_year": 2024, "value": 100}]}],
    }
    vision = (await api.call("POST", "/v1/visions", YAMAGATA, json=body, expect=201)).json()
    url = f"/v1/visions/{vision['id']}"
    await api.call("POST", f"{url}/adoption", YAMAGATA, json={"adopted_on": "2024-04-01"})
    report = {"fiscal_year": 2024, "value": 101, "reported_on": "2025-05-01"}
    actuals = f"{url}/kpis/{vision['kpis'][0]['id']}/actuals"
    with statements(api) as sent:
        await api.call("POST", actuals, YAMAGATA, json=report, expect=201)
    # The vision with its KPIs and its area's centres (locked), the report, the version, audit, outbox.
    # (Its one query locks only the vision: FOR UPDATE OF vision.)
    assert len(sent) == 5 + _postgres(api, "outbox lock"), f"{len(sent)}: {sent}"
    assert len(await api.events("KpiReported")) == 1


async def test_the_last_step_with_its_event_takes_eight_statements(api: Driver) -> None:
    agreement = await api.draft(YAMAGATA, TENDO)
    for step in STEPS[:-1]:
        for org in (YAMAGATA, TENDO) if step in ("council_resolution", "public_notice") else (YAMAGATA,):
            await api.step(agreement["id"], step, org)
    with statements(api) as sent:
        await api.step(agreement["id"], "notification", YAMAGATA)
    # The row lock, the agreement with its versions, procedures and steps in one query (it was four), the
    # agreement, version and procedure updates, the step, audit, outbox; the parties come from the cache.
    assert len(sent) == 8 + _postgres(api, "outbox lock"), f"{len(sent)}: {sent}"
    assert len(await api.events("AgreementSigned")) == 1


async def test_a_member_added_with_its_event_takes_eight_statements(api: Driver) -> None:
    area = await api.declare(YAMAGATA, (TENDO,))
    body = {"code": KAMINOYAMA, "since": "2024-10-01"}
    with statements(api) as sent:
        await api.call("POST", f"/v1/areas/{area['id']}/members", YAMAGATA, json=body, expect=201)
    # The row lock, the area with its members in one query (it was two), its version, the new member's
    # registry row and the overlap check, the member, audit, outbox.
    assert len(sent) == 8 + _postgres(api, "outbox lock"), f"{len(sent)}: {sent}"
    assert len(await api.events("AreaUpdated")) == 1


async def test_an_import_with_two_changes_takes_the_outbox_lock_once(api: Driver) -> None:
    csv = f"code,population\n{YAMAGATA},241000\n{TENDO},62166\n"
    url = "/v1/municipalities/population-imports?year=2025"
    with statements(api) as sent:
        await api.call("POST", url, "op", roles=("operator",), content=csv.encode(), expect=201)
    assert sent.count("SELECT pg_advisory_xact_lock($1)") == _postgres(api, "outbox lock"), sent
    assert [e["subject"] for e in await api.events("MunicipalityUpdated")] == [YAMAGATA, TENDO]
