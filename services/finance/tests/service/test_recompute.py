"""The whole path inside finance: events → projections → dirty cells → a run with its diff → lines."""

from __future__ import annotations

from datetime import date

from finance_testkit import CENTRE, PARTNER, Feed, area_declared, signed, terminated, vision
from renkei_common.events.contracts import AllocationsRecomputed
from renkei_common.models import OutboxEvent
from renkei_common.testing.client import ServiceClient
from renkei_finance.adapters.orm import DirtyCell
from renkei_finance.service_layer.recompute import consistency
from sqlalchemy import func, select

NATIONAL = ("000000", "national")


async def run(finance: ServiceClient) -> dict | None:  # type: ignore[type-arg]
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    if not await worker.run_once():
        return None
    runs = (await finance.http.get("/v1/runs", headers=finance.as_(*NATIONAL))).json()["data"]
    return runs[0]  # type: ignore[no-any-return]


async def lines(finance: ServiceClient, **params: object) -> list[dict]:  # type: ignore[type-arg]
    response = await finance.http.get("/v1/allocations", params=params, headers=finance.as_(*NATIONAL))
    assert response.status_code == 200, response.text
    return response.json()["data"]  # type: ignore[no-any-return]


def amounts(found: list[dict]) -> dict[tuple[int, str, str], int]:  # type: ignore[type-arg]
    return {
        (line["fiscal_year"], line["recipient_code"], line["measure"]): line["amount_yen"] for line in found
    }


async def test_an_agreement_in_force_yields_lines_and_its_termination_removes_the_next_fys(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(area_declared(), version=1)
    await feed.apply(vision({(PARTNER, 2024): 21_400_000, (PARTNER, 2025): 5_000_000}), version=1)
    assert await run(finance) is not None  # area and vision alone: no agreement, so no lines
    assert await lines(finance) == []

    await feed.apply(signed(), version=1)
    first = await run(finance)
    assert first is not None and first["kind"] == "incremental"
    got = amounts(await lines(finance, measure="metropolitan_partner_special"))
    assert got == {
        (2024, PARTNER, "metropolitan_partner_special"): 18_000_000,
        (2025, PARTNER, "metropolitan_partner_special"): 5_000_000,
        (2026, PARTNER, "metropolitan_partner_special"): 0,
        (2027, PARTNER, "metropolitan_partner_special"): 0,
    }
    (line,) = await lines(finance, fiscal_year=2024, recipient=PARTNER)
    assert line["arithmetic"] == "min(21,400,000 × 1.0, cap 18,000,000) = 18,000,000"
    assert line["inputs"]["agreements"] == ["ag-1"] and line["run_id"] == first["run_id"]
    change = next(
        c
        for c in first["changes"]
        if (c["fiscal_year"], c["recipient_code"], c["measure"])
        == (2024, PARTNER, "metropolitan_partner_special")
    )
    assert (change["before_yen"], change["after_yen"], change["delta_yen"]) == (None, 18_000_000, 18_000_000)

    await feed.apply(terminated(on=date(2025, 3, 31)), version=2)
    second = await run(finance)
    assert second is not None
    got = amounts(await lines(finance, measure="metropolitan_partner_special"))
    assert got == {(2024, PARTNER, "metropolitan_partner_special"): 18_000_000}  # FY2025 on: gone
    removed = {
        (c["fiscal_year"], c["measure"]): c for c in second["changes"] if c["recipient_code"] == PARTNER
    }
    assert removed[(2025, "metropolitan_partner_special")]["delta_yen"] == -5_000_000
    assert removed[(2025, "metropolitan_partner_special")]["after_yen"] is None

    assert await consistency(finance.db, fiscal_years=finance.settings.fiscal_years) == []  # type: ignore[attr-defined]
    async with finance.db.session() as session:
        assert await session.scalar(select(func.count()).select_from(DirtyCell)) == 0
        published = (
            await session.scalars(
                select(OutboxEvent).where(OutboxEvent.type == AllocationsRecomputed.type_name())
            )
        ).all()
    assert [e.subject for e in published] == [first["run_id"], second["run_id"]]
    assert published[-1].data["fiscal_years"] == [2025, 2026, 2027]


async def test_a_run_without_a_change_emits_nothing_and_nothing_runs_when_clean(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(area_declared(), version=1)
    await feed.apply(signed(), version=1)
    await run(finance)
    assert await run(finance) is None  # no dirty cell
    await feed.apply(vision({}), version=1)  # marks nothing: no budget at all
    assert await run(finance) is None
    await feed.apply(vision({(PARTNER, 2026): 0}, vision_id="v-2"), version=1)
    quiet = await run(finance)
    assert quiet is not None and quiet["changes"] == [] and quiet["total_delta_yen"] == 0


async def test_the_consistency_endpoint_reports_a_tampered_line(finance: ServiceClient, feed: Feed) -> None:
    await feed.apply(area_declared(), version=1)
    await feed.apply(signed(), version=1)
    await run(finance)
    response = await finance.http.get("/v1/admin/consistency", headers=finance.as_(*NATIONAL))
    assert response.json() == {"consistent": True, "fiscal_years": [2024, 2025, 2026, 2027], "problems": []}

    from renkei_finance.adapters.orm import AllocationLineRecord

    async with finance.db.transaction() as session:
        record = await session.get(
            AllocationLineRecord, (2024, PARTNER, "metropolitan_partner_special", "area-1")
        )
        assert record is not None
        record.amount_yen = 1
    body = (await finance.http.get("/v1/admin/consistency", headers=finance.as_(*NATIONAL))).json()
    assert body["consistent"] is False
    assert body["problems"][0]["stored_yen"] == 1 and body["problems"][0]["full_recompute_yen"] == 0

    repaired = await finance.http.post("/v1/admin/recompute", headers=finance.as_(*NATIONAL))
    assert repaired.status_code == 200 and repaired.json()["kind"] == "full"
    assert (await finance.http.get("/v1/admin/consistency", headers=finance.as_(*NATIONAL))).json()[
        "consistent"
    ]


async def test_runs_and_admin_are_for_oversight_roles(finance: ServiceClient) -> None:
    for path in ("/v1/runs", "/v1/admin/consistency"):
        response = await finance.http.get(path, headers=finance.as_(CENTRE))
        assert response.status_code == 403 and response.json()["errors"][0]["rule"] == "oversight_only"
    assert (await finance.http.get("/v1/runs", headers=finance.as_("000000", "auditor"))).status_code == 200
    refused = await finance.http.post("/v1/admin/recompute", headers=finance.as_("000000", "auditor"))
    assert refused.status_code == 403
