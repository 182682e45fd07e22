"""Every staffing event validates against its checked-in schema and carries no personal data.

Every write is audited too, without personal data."""

from __future__ import annotations

import json
from datetime import date

import jsonschema
from renkei_common.events.contracts import CATALOGUE
from renkei_common.events.schemas import CONTRACTS_DIR
from renkei_common.models import AuditEntry, OutboxEvent
from sqlalchemy import select
from staffing_testkit import NARA_PREF, TOTSUKAWA, Driver, agreement_event, signed, terminated

PERSONAL = ("山田 花子", "LIC-0001", "0742-00-0000")


def schema_of(type_: str) -> dict:  # type: ignore[type-arg]
    return json.loads((CONTRACTS_DIR / "schemas" / f"{type_}.json").read_text(encoding="utf-8"))


async def test_every_staffing_event_is_emitted_valid_and_free_of_personal_data(api: Driver) -> None:
    await api.call(
        "POST",
        "/v1/professions",
        "op",
        roles=("operator",),
        json={"code": "librarian", "name": "司書"},
        expect=201,
    )
    await agreement_event(api.client, signed())
    campaign = (
        await api.call(
            "POST",
            "/v1/recruitments",
            NARA_PREF,
            expect=201,
            json={
                "employer_code": NARA_PREF,
                "profession_code": "forester",
                "fiscal_year": 2025,
                "title": "募集",
                "headcount_sought": 2,
            },
        )
    ).json()
    await api.call(
        "POST",
        f"/v1/recruitments/{campaign['id']}/costs",
        NARA_PREF,
        json={"item": "advertising", "amount_yen": 1},
        expect=201,
    )
    forester = await api.specialist()
    need = await api.need()
    dispatch = (
        await api.dispatch(forester["id"], need_id=need["id"], period=("2025-04-01", "2027-03-31"))
    ).json()
    await api.call(
        "POST",
        f"/v1/dispatches/{dispatch['id']}/costs",
        NARA_PREF,
        json={"fiscal_year": 2025, "month": 4, "salary_yen": 300_000},
        expect=201,
    )
    await agreement_event(api.client, terminated(on=date(2026, 4, 1)))
    await api.call(
        "POST",
        f"/v1/dispatches/{dispatch['id']}/end",
        TOTSUKAWA,
        json={"ended_on": "2026-03-31", "reason": "completed"},
        expect=403,
    )
    await api.call(
        "POST",
        f"/v1/dispatches/{dispatch['id']}/end",
        NARA_PREF,
        json={"ended_on": "2026-03-31", "reason": "agreement_terminated"},
    )

    async with api.client.db.session() as session:
        rows = list((await session.scalars(select(OutboxEvent).order_by(OutboxEvent.sequence))).all())
        audit = list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())
    staffing_types = {t for t in CATALOGUE if t.startswith("jp.renkei.staffing.")}
    assert {row.type for row in rows} == staffing_types
    for row in rows:
        jsonschema.validate(row.data, schema_of(row.type))
        assert row.source == "staffing" and row.subject and row.aggregate_version >= 1
        assert not any(value in json.dumps(row.data, ensure_ascii=False) for value in PERSONAL), row.type
    assert [entry.action for entry in audit] == [
        "profession.defined",
        "recruitment.opened",
        "recruitment.cost_recorded",
        "specialist.registered",
        "need.stated",
        "dispatch.created",
        "need.filled",
        "dispatch.cost_recorded",
        "dispatch.flagged",
        "dispatch.ended",
    ]
    assert not any(
        value in json.dumps(entry.after, ensure_ascii=False) for entry in audit for value in PERSONAL
    )
