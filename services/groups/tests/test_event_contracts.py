"""Every event this service emits validates against its checked-in schema and carries no personal data."""

from __future__ import annotations

import json

import jsonschema
from groups_testkit import GROUP, TENDO, GroupsDriver, application
from renkei_common.events.contracts import CATALOGUE
from renkei_common.events.schemas import CONTRACTS_DIR

PERSONAL = ("山田太郎", "佐藤花子", "鈴木一郎", "天童市老野森", "023-000-0000", "の住所", "高橋次郎")


def schema_of(type_: str) -> dict:  # type: ignore[type-arg]
    return json.loads((CONTRACTS_DIR / "schemas" / f"{type_}.json").read_text(encoding="utf-8"))


async def produce_every_event(api: GroupsDriver) -> None:
    await api.designated()
    base = f"/v1/groups/{GROUP}"
    await api.call(
        "POST",
        f"{base}/changes",
        TENDO,
        json={
            "changed_on": "2025-07-01",
            "notice_number": "告示第2号",
            "representative": {"name": "高橋次郎"},
        },
    )
    posts = (
        (
            "supports",
            TENDO,
            {
                "kind": "grant",
                "fiscal_year": 2025,
                "purpose": "p",
                "granted_on": "2025-07-01",
                "amount_yen": 1,
            },
        ),
        (
            "leases",
            TENDO,
            {
                "asset_id": "a",
                "asset_name": "n",
                "start_on": "2025-07-01",
                "end_on": "2025-07-31",
                "rent_yen": 100,
            },
        ),
        (
            "contracts",
            TENDO,
            {
                "subject": "s",
                "amount_yen": 10,
                "fiscal_year": 2025,
                "start_on": "2025-07-01",
                "end_on": "2025-08-01",
                "awarded_on": "2025-06-30",
            },
        ),
        ("supervision-acts", TENDO, {"kind": "report_request", "issued_on": "2025-08-01", "summary": "報告"}),
    )
    for path, org, body in posts:
        await api.call("POST", f"{base}/{path}", org, json=body, expect=201)
    group = {"roles": ("group",)}
    await api.call(
        "POST",
        f"{base}/annual-reports",
        GROUP,
        json={"fiscal_year": 2025, "summary": "s"},
        expect=201,
        **group,
    )  # type: ignore[arg-type]
    request = await api.call(
        "POST",
        f"{base}/coordination-requests",
        GROUP,
        json={"subject": "s", "counterparties": ["c"]},
        expect=201,
        **group,  # type: ignore[arg-type]
    )
    await api.call(
        "POST",
        f"/v1/coordination-requests/{request.json()['id']}/status",
        TENDO,
        json={"status": "in_coordination"},
    )
    await api.call(
        "POST",
        f"{base}/revocation",
        TENDO,
        json={"revoked_on": "2025-12-01", "reasons": "r", "notice_number": "n"},
    )
    await api.call("POST", "/v1/applications", "G-OTHER", roles=("group",), json=application(), expect=201)
    await api.call("POST", "/v1/applications/G-OTHER/withdrawal", "G-OTHER", roles=("group",), json={})


async def test_every_groups_event_matches_its_contract_and_names_no_member(api: GroupsDriver) -> None:
    await produce_every_event(api)
    events = await api.events()
    produced = {e["type"] for e in events}
    assert produced == {t for t in CATALOGUE if t.startswith("jp.renkei.groups.")}
    for event in events:
        jsonschema.validate(event["data"], schema_of(event["type"]), cls=jsonschema.Draft202012Validator)
        assert event["source"] == "groups"
    text = json.dumps([e["data"] for e in events], ensure_ascii=False)
    assert [p for p in PERSONAL if p in text] == []
