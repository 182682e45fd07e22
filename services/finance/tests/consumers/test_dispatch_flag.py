"""DispatchFlagged: the flag is visible in the dispatch projection and costs after it stop counting."""

from __future__ import annotations

from datetime import date

import pytest
from finance_testkit import PARTNER, Feed
from renkei_common.events.contracts.staffing import (
    CostKind,
    DispatchEnded,
    DispatchFlagged,
    EndReason,
    FlagReason,
    SpecialistDispatched,
    StaffingCostRecorded,
)
from renkei_common.testing.client import ServiceClient
from renkei_finance.adapters.orm import DirtyCell, DispatchProjection
from renkei_finance.service_layer.recompute import consistency
from sqlalchemy import select

EMPLOYER = "060003"  # 山形県
NATIONAL = ("000000", "national")
COMMON = {"dispatch_id": "d-1", "employer_code": EMPLOYER, "receiving_code": PARTNER, "agreement_id": "ag-1"}


def dispatched() -> SpecialistDispatched:
    return SpecialistDispatched(
        **COMMON,
        specialist_id="sp-1",
        profession_code="hokenshi",
        starts_on=date(2024, 4, 1),
        ends_on=date(2026, 3, 31),
    )


def flagged(terminated_on: date, reason: FlagReason = FlagReason.AGREEMENT_TERMINATED) -> DispatchFlagged:
    return DispatchFlagged(**COMMON, terminated_on=terminated_on, ends_on=date(2026, 3, 31), reason=reason)


def cost(cost_id: str, month: int | None, eligible_yen: int, fiscal_year: int = 2025) -> StaffingCostRecorded:
    return StaffingCostRecorded(
        cost_id=cost_id,
        kind=CostKind.PERSONNEL,
        employer_code=EMPLOYER,
        profession_code="hokenshi",
        fiscal_year=fiscal_year,
        month=month,
        amount_yen=eligible_yen,
        eligible_yen=eligible_yen,
        ineligible_yen=0,
        dispatch_id="d-1",
        receiving_code=PARTNER,
        agreement_id="ag-1",
    )


async def dispatch_row(finance: ServiceClient) -> DispatchProjection:
    async with finance.db.session() as session:
        (row,) = (await session.scalars(select(DispatchProjection))).all()
    return row


async def specialist_line(finance: ServiceClient, fiscal_year: int = 2025) -> dict:  # type: ignore[type-arg]
    worker = finance.app.state.recompute_worker
    worker.settings.recompute_debounce_s = 0
    await worker.run_once()
    response = await finance.http.get(
        "/v1/allocations",
        params={"fiscal_year": fiscal_year, "recipient": EMPLOYER, "measure": "specialists"},
        headers=finance.as_(*NATIONAL),
    )
    assert response.status_code == 200, response.text
    (line,) = response.json()["data"]
    return line  # type: ignore[no-any-return]


async def test_a_flag_shows_in_the_projection_and_marks_the_fys_of_its_costs(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(dispatched(), version=1)
    await feed.apply(cost("c-1", 5, 100_000), version=1)
    await feed.apply(cost("c-2", 5, 100_000, fiscal_year=2024), version=1)
    await specialist_line(finance)  # consumes the marks of the costs
    await feed.apply(flagged(date(2025, 6, 1), FlagReason.PARTY_LEFT_AGREEMENT), version=2)

    row = await dispatch_row(finance)
    assert (row.status, row.flag_terminated_on, row.flag_reason) == (
        "flagged",
        date(2025, 6, 1),
        "party_left_agreement",
    )
    assert (row.profession_code, row.starts_on) == ("hokenshi", date(2024, 4, 1))  # kept from the dispatch
    async with finance.db.session() as session:
        marks = {(m.fiscal_year, m.recipient_code) for m in (await session.scalars(select(DirtyCell))).all()}
    assert marks == {(2024, EMPLOYER), (2025, EMPLOYER)}


async def test_costs_of_periods_from_the_flag_day_on_are_not_eligible(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(dispatched(), version=1)
    for cost_id, month in (("may", 5), ("june", 6), ("july", 7), ("january", 1)):
        await feed.apply(cost(cost_id, month, 100_000), version=1)
    before = await specialist_line(finance)
    assert (before["amount_yen"], before["inputs"]["eligible_costs_yen"]) == (200_000, 400_000)
    assert "excluded_after_flag_yen" not in before["inputs"]

    # The agreement covers June 1–14: June still counts (covered on some day), July and January do not.
    await feed.apply(flagged(date(2025, 6, 15)), version=2)
    line = await specialist_line(finance)
    assert line["inputs"]["eligible_costs_yen"] == 200_000
    assert line["inputs"]["excluded_after_flag_yen"] == 200_000
    assert line["inputs"]["cost_records"] == 4
    assert line["amount_yen"] == 100_000
    assert await consistency(finance.db, fiscal_years=[2024, 2025, 2026, 2027]) == []


@pytest.mark.parametrize(
    ("terminated_on", "counted"),
    [
        (date(2025, 6, 1), 100_000),  # June begins on the flag day: only May counts
        (date(2025, 6, 2), 200_000),  # June 1 was still covered: June counts
    ],
)
async def test_the_month_that_begins_on_the_flag_day_is_the_first_excluded(
    finance: ServiceClient, feed: Feed, terminated_on: date, counted: int
) -> None:
    await feed.apply(dispatched(), version=1)
    await feed.apply(cost("may", 5, 100_000), version=1)
    await feed.apply(cost("june", 6, 100_000), version=1)
    await feed.apply(flagged(terminated_on), version=2)
    line = await specialist_line(finance)
    assert line["inputs"]["eligible_costs_yen"] == counted
    assert line["inputs"].get("excluded_after_flag_yen", 0) == 200_000 - counted


async def test_a_flag_delivered_after_the_end_still_records_the_day(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(dispatched(), version=1)
    await feed.apply(cost("july", 7, 100_000), version=1)
    await feed.apply(
        DispatchEnded(**COMMON, specialist_id="sp-1", ended_on=date(2025, 9, 30), reason=EndReason.COMPLETED),
        version=3,
    )
    await feed.apply(flagged(date(2025, 7, 1)), version=2)  # older than the end: a stale event

    row = await dispatch_row(finance)
    assert (row.status, row.tombstone, row.aggregate_version) == ("ended", True, 3)
    assert (row.flag_terminated_on, row.flag_reason) == (date(2025, 7, 1), "agreement_terminated")
    line = await specialist_line(finance)
    assert (line["amount_yen"], line["inputs"]["excluded_after_flag_yen"]) == (0, 100_000)


async def test_a_stale_flag_does_not_move_a_newer_flag_day(finance: ServiceClient, feed: Feed) -> None:
    await feed.apply(dispatched(), version=1)
    await feed.apply(flagged(date(2025, 8, 1)), version=3)
    await feed.apply(flagged(date(2025, 6, 1)), version=2)
    row = await dispatch_row(finance)
    assert (row.flag_terminated_on, row.aggregate_version) == (date(2025, 8, 1), 3)


async def test_a_flag_that_arrives_first_is_completed_by_the_dispatch(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(flagged(date(2025, 6, 1)), version=2)
    await feed.apply(dispatched(), version=1)
    row = await dispatch_row(finance)
    assert (row.status, row.flag_terminated_on) == ("flagged", date(2025, 6, 1))
    assert (row.profession_code, row.starts_on, row.ends_on) == (
        "hokenshi",
        date(2024, 4, 1),
        date(2026, 3, 31),
    )
