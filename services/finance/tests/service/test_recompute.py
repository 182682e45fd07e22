"""The whole path inside finance: events → projections → dirty cells → a run with its diff → lines."""

from __future__ import annotations

from datetime import date

import pytest
from finance_testkit import CENTRE, PARTNER, Feed, area_declared, signed, terminated, vision
from renkei_common.events.contracts import AllocationsRecomputed, MunicipalityUpdated
from renkei_common.models import OutboxEvent
from renkei_common.testing.client import ServiceClient, problem_fields
from renkei_finance.adapters.orm import DirtyCell
from renkei_finance.domain.engine import Line
from renkei_finance.service_layer.recompute import EVERY_RECIPIENT, _total_in_memory, consistency
from renkei_finance.service_layer.snapshot import load_snapshot
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
    # The event's total is that of the stored lines of its FYs and governments (summed in memory here).
    codes, fys = set(published[-1].data["municipality_codes"]), set(published[-1].data["fiscal_years"])
    assert published[-1].data["total_yen"] == sum(
        line["amount_yen"]
        for line in await lines(finance)
        if line["recipient_code"] in codes and line["fiscal_year"] in fys
    )


def _line(fy: int, code: str, amount: int) -> Line:
    return Line(fy, code, "specialists", amount, "r", "", {}, unconfirmed=False)


def test_the_total_is_summed_in_memory_only_when_every_cell_it_sums_was_recomputed() -> None:
    fresh = {2024: [_line(2024, "A", 5), _line(2024, "B", 7)], 2025: [_line(2025, "A", 11)]}
    assert _total_in_memory({2024: {"A", "B"}, 2025: {"A", "B"}}, fresh, [2024, 2025], ["A", "B"]) == 23
    assert _total_in_memory({2024: {"A", "B"}}, fresh, [2024], ["A"]) == 5
    assert _total_in_memory({2024: {EVERY_RECIPIENT}, 2025: {"A"}}, fresh, [2024, 2025], ["A"]) == 16
    # (2025, B) was not recomputed: its stored lines are not in memory, so the database sums.
    assert _total_in_memory({2024: {"A", "B"}, 2025: {"A"}}, fresh, [2024, 2025], ["A", "B"]) is None


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


async def test_the_narrowed_snapshot_finds_an_area_by_a_centre_that_is_not_among_its_members(
    finance: ServiceClient, feed: Feed
) -> None:
    # Two joint centres, neither listed as a member: the narrowing matches the JSON list of centres.
    area = area_declared(members=(PARTNER,))
    await feed.apply(area.model_copy(update={"centre_codes": [CENTRE, "062022"]}), version=1)
    async with finance.db.session() as session:
        for recipient in (CENTRE, "062022", PARTNER):
            narrowed = await load_snapshot(session, [recipient])
            assert [a.area_id for a in narrowed.areas] == ["area-1"], recipient
            assert {m.code for m in narrowed.areas[0].members} == {PARTNER}
            # The centres' census populations are there for the ordinary-tax estimate.
            assert narrowed.populations[CENTRE] and narrowed.populations["062022"]
        assert (await load_snapshot(session, ["062073"])).areas == []  # 上山市: in no area


@pytest.mark.parametrize(("cursor", "status"), [(2**31 - 1, 200), (2**31, 422), (0, 422)])
async def test_a_runs_cursor_is_a_run_number_within_the_columns_range(
    finance: ServiceClient, cursor: int, status: int
) -> None:
    response = await finance.http.get("/v1/runs", params={"cursor": cursor}, headers=finance.as_(*NATIONAL))
    assert response.status_code == status, response.text
    if status == 422:
        assert problem_fields(response) == ["query.cursor"]


async def test_a_centre_not_listed_among_its_members_counts_with_its_own_population(
    finance: ServiceClient, feed: Feed
) -> None:
    # The area lists only the partner; the centre is named in centre_codes alone. An incremental run for
    # the centre reads it apart, with its population override, exactly as the full recompute does.
    await feed.apply(area_declared(members=(PARTNER,)), version=1)
    await feed.apply(signed(), version=1)
    assert await run(finance) is not None
    population = 300_000
    await feed.apply(
        MunicipalityUpdated(
            code=CENTRE,
            name="山形市",
            kind="core_city",
            prefecture_code="06",
            population=population,
            population_year=2025,
        ),
        version=1,
    )
    assert await run(finance) is not None
    (line,) = await lines(finance, fiscal_year=2024, recipient=CENTRE, measure="metropolitan_core_ordinary")
    assert line["inputs"]["populations"][CENTRE] == population
    assert await consistency(finance.db, fiscal_years=finance.settings.fiscal_years) == []  # type: ignore[attr-defined]
