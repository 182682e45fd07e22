"""Read policy of /v1/projections/dispatches and /groups: scoped in SQL, 403 outside the scope, paged."""

from __future__ import annotations

from datetime import date

import pytest
from finance_testkit import Feed
from renkei_common.events.contracts.groups import (
    ContractAwarded,
    GroupDesignated,
    GroupDesignationRevoked,
    GroupSupportGranted,
    PropertyLeaseGranted,
    SupportKind,
)
from renkei_common.events.contracts.staffing import DispatchFlagged, FlagReason, SpecialistDispatched
from renkei_common.testing.client import ServiceClient, problem_fields

DISPATCHES, GROUPS = "/v1/projections/dispatches", "/v1/projections/groups"
YAMAGATA_PREF, YAMAGATA, TENDO, FUKUSHIMA, SAPPORO = "060003", "062014", "062103", "072010", "011002"


def dispatched(dispatch_id: str, employer: str, receiving: str) -> SpecialistDispatched:
    return SpecialistDispatched(
        dispatch_id=dispatch_id,
        specialist_id=f"s-{dispatch_id}",
        profession_code="hokenshi",
        employer_code=employer,
        receiving_code=receiving,
        agreement_id=f"ag-{dispatch_id}",
        starts_on=date(2024, 4, 1),
        ends_on=date(2026, 3, 31),
    )


@pytest.fixture
async def dispatches(feed: Feed) -> None:
    await feed.apply(dispatched("d-1", YAMAGATA_PREF, TENDO), version=1)  # 山形県 → 天童市
    await feed.apply(
        dispatched("d-2", YAMAGATA, FUKUSHIMA), version=1
    )  # 山形市 → 福島市 (another prefecture)
    await feed.apply(dispatched("d-3", SAPPORO, "012025"), version=1)  # 札幌市 → 函館市
    flag = DispatchFlagged(
        dispatch_id="d-1",
        employer_code=YAMAGATA_PREF,
        receiving_code=TENDO,
        agreement_id="ag-d-1",
        terminated_on=date(2025, 10, 1),
        ends_on=date(2026, 3, 31),
        reason=FlagReason.AGREEMENT_TERMINATED,
    )
    await feed.apply(flag, version=2)


async def dispatch_ids(client: ServiceClient, org: str, *roles: str, **params: str) -> list[str]:
    response = await client.http.get(DISPATCHES, params=params, headers=client.as_(org, *roles))
    assert response.status_code == 200, response.text
    return [d["dispatch_id"] for d in response.json()["data"]]


@pytest.mark.usefixtures("dispatches")
async def test_each_role_sees_the_dispatches_of_its_scope(finance: ServiceClient) -> None:
    assert await dispatch_ids(finance, TENDO) == ["d-1"]  # the receiving municipality
    assert await dispatch_ids(finance, YAMAGATA) == ["d-2"]  # the employer
    assert await dispatch_ids(finance, YAMAGATA_PREF, "prefecture") == ["d-1", "d-2"]
    assert await dispatch_ids(finance, "070009", "prefecture") == ["d-2"]  # 福島県: its receiver
    assert await dispatch_ids(finance, "130001", "prefecture") == []
    assert await dispatch_ids(finance, "000000", "national") == ["d-1", "d-2", "d-3"]
    assert await dispatch_ids(finance, "000000", "auditor") == ["d-1", "d-2", "d-3"]


@pytest.mark.usefixtures("dispatches")
async def test_a_dispatch_shows_its_flag_and_the_filters_narrow(finance: ServiceClient) -> None:
    national = finance.as_("000000", "national")
    response = await finance.http.get(DISPATCHES, params={"status": "flagged"}, headers=national)
    (flagged,) = response.json()["data"]
    assert (flagged["dispatch_id"], flagged["flag_terminated_on"], flagged["flag_reason"]) == (
        "d-1",
        "2025-10-01",
        "agreement_terminated",
    )
    assert flagged["profession_code"] == "hokenshi" and flagged["aggregate_version"] == 2
    assert await dispatch_ids(finance, "000000", "national", employer=YAMAGATA) == ["d-2"]
    assert await dispatch_ids(finance, YAMAGATA_PREF, "prefecture", receiving=TENDO) == ["d-1"]
    assert await dispatch_ids(finance, "000000", "national", status="active") == ["d-2", "d-3"]


@pytest.mark.usefixtures("dispatches")
async def test_pages_of_dispatches_follow_the_cursor(finance: ServiceClient) -> None:
    headers = finance.as_("000000", "national")
    first = (await finance.http.get(DISPATCHES, params={"limit": 2}, headers=headers)).json()
    assert [d["dispatch_id"] for d in first["data"]] == ["d-1", "d-2"] and first["next_cursor"] == "d-2"
    rest = await finance.http.get(DISPATCHES, params={"cursor": "d-2"}, headers=headers)
    assert [d["dispatch_id"] for d in rest.json()["data"]] == ["d-3"] and rest.json()["next_cursor"] is None


@pytest.mark.parametrize(
    ("org", "roles", "params", "field"),
    [
        (TENDO, (), {"employer": YAMAGATA}, "query.employer"),  # another municipality's dispatches
        (YAMAGATA_PREF, ("prefecture",), {"receiving": FUKUSHIMA}, "query.receiving"),  # across the border
    ],
)
async def test_a_dispatch_filter_outside_the_scope_is_refused(
    finance: ServiceClient, org: str, roles: tuple[str, ...], params: dict[str, str], field: str
) -> None:
    response = await finance.http.get(DISPATCHES, params=params, headers=finance.as_(org, *roles))
    assert response.status_code == 403
    assert problem_fields(response) == [field]
    assert response.json()["errors"][0]["rule"] == "read_scope"


@pytest.mark.parametrize("url", [DISPATCHES, GROUPS])
@pytest.mark.parametrize("role", ["group", "service", "operator"])
async def test_roles_that_are_not_governments_are_refused(
    finance: ServiceClient, url: str, role: str
) -> None:
    response = await finance.http.get(url, headers=finance.as_(YAMAGATA, role))
    assert response.status_code == 403
    assert response.json()["errors"][0]["field"] == "token.roles"
    assert response.json()["errors"][0]["rule"] == "finance_reader"


async def test_an_unknown_status_is_a_422_naming_the_field(finance: ServiceClient) -> None:
    response = await finance.http.get(
        DISPATCHES, params={"status": "paused"}, headers=finance.as_("000000", "national")
    )
    assert response.status_code == 422
    assert problem_fields(response) == ["query.status"]


def designated(group_id: str, municipality: str) -> GroupDesignated:
    return GroupDesignated(
        group_id=group_id,
        municipality_code=municipality,
        name=f"地域運営組織 {group_id}",
        office="公民館",
        area="A地区",
        activity_codes=["cleaning"],
        profile_version=1,
        designated_on=date(2025, 4, 1),
        notice_number="告示1",
        member_count=30,
    )


def contract(group_id: str, municipality: str, contract_id: str, amount_yen: int) -> ContractAwarded:
    return ContractAwarded(
        group_id=group_id,
        municipality_code=municipality,
        contract_id=contract_id,
        subject="公園清掃",
        amount_yen=amount_yen,
        fiscal_year=2025,
        start_on=date(2025, 6, 1),
        end_on=date(2026, 3, 31),
        awarded_on=date(2025, 5, 20),
    )


@pytest.fixture
async def groups(feed: Feed) -> None:
    await feed.apply(designated("g-1", YAMAGATA), version=1)
    await feed.apply(designated("g-2", TENDO), version=1)
    await feed.apply(designated("g-3", SAPPORO), version=1)
    base = {"group_id": "g-1", "municipality_code": YAMAGATA}
    for n, (fy, amount) in enumerate([(2025, 500_000), (2026, 450_000)]):
        grant = GroupSupportGranted(
            **base,
            support_id=f"sp-{n}",
            kind=SupportKind.grant,
            amount_yen=amount,
            fiscal_year=fy,
            purpose="活動費",
            granted_on=date(fy, 5, 1),
        )
        await feed.apply(grant, version=2 + n)
    await feed.apply(contract("g-1", YAMAGATA, "ct-1", 1_200_000), version=4)
    revoked = GroupDesignationRevoked(
        group_id="g-2",
        municipality_code=TENDO,
        revoked_on=date(2026, 1, 1),
        reasons="x",
        notice_number="告示2",
    )
    await feed.apply(revoked, version=2)


async def group_ids(client: ServiceClient, org: str, *roles: str, **params: str) -> list[str]:
    response = await client.http.get(GROUPS, params=params, headers=client.as_(org, *roles))
    assert response.status_code == 200, response.text
    return [g["group_id"] for g in response.json()["data"]]


@pytest.mark.usefixtures("groups")
async def test_each_role_sees_the_groups_of_its_scope(finance: ServiceClient) -> None:
    assert await group_ids(finance, YAMAGATA) == ["g-1"]
    assert await group_ids(finance, TENDO) == ["g-2"]
    assert await group_ids(finance, YAMAGATA_PREF, "prefecture") == ["g-1", "g-2"]
    assert await group_ids(finance, "010006", "prefecture") == ["g-3"]  # 北海道
    assert await group_ids(finance, "000000", "auditor") == ["g-1", "g-2", "g-3"]


@pytest.mark.usefixtures("groups")
async def test_a_group_lists_its_funding_and_a_fy_narrows_it(finance: ServiceClient) -> None:
    response = await finance.http.get(
        GROUPS, params={"municipality": YAMAGATA}, headers=finance.as_(YAMAGATA)
    )
    (group,) = response.json()["data"]
    assert [(f["funding_id"], f["kind"], f["fiscal_year"], f["amount_yen"]) for f in group["funding"]] == [
        ("ct-1", "contract", 2025, 1_200_000),
        ("sp-0", "grant", 2025, 500_000),
        ("sp-1", "grant", 2026, 450_000),
    ]
    assert group["funding_total_yen"] == 2_150_000
    response = await finance.http.get(GROUPS, params={"fiscal_year": 2026}, headers=finance.as_(YAMAGATA))
    (group,) = response.json()["data"]
    assert group["funding_total_yen"] == 450_000 and [f["funding_id"] for f in group["funding"]] == ["sp-1"]
    revoked = await finance.http.get(GROUPS, params={"municipality": TENDO}, headers=finance.as_(TENDO))
    (group,) = revoked.json()["data"]
    assert (group["status"], group["revoked_on"], group["funding"]) == ("revoked", "2026-01-01", [])


@pytest.mark.usefixtures("groups")
async def test_pages_of_groups_follow_the_cursor(finance: ServiceClient) -> None:
    headers = finance.as_("000000", "national")
    first = (await finance.http.get(GROUPS, params={"limit": 2}, headers=headers)).json()
    assert [g["group_id"] for g in first["data"]] == ["g-1", "g-2"] and first["next_cursor"] == "g-2"
    rest = (await finance.http.get(GROUPS, params={"cursor": "g-2", "limit": 2}, headers=headers)).json()
    assert [g["group_id"] for g in rest["data"]] == ["g-3"] and rest["next_cursor"] is None


async def test_a_group_filter_outside_the_scope_is_refused(finance: ServiceClient) -> None:
    response = await finance.http.get(GROUPS, params={"municipality": YAMAGATA}, headers=finance.as_(TENDO))
    assert response.status_code == 403
    assert problem_fields(response) == ["query.municipality"]
    assert response.json()["errors"][0]["rule"] == "read_scope"


def lease(group_id: str, municipality: str, lease_id: str) -> PropertyLeaseGranted:
    return PropertyLeaseGranted(
        group_id=group_id,
        municipality_code=municipality,
        lease_id=lease_id,
        asset_id="asset-1",
        asset_name="旧公民館",
        part="1階",
        start_on=date(2025, 4, 1),
        end_on=date(2028, 3, 31),
        rent_yen=120_000,
        rent_reduced=True,
    )


@pytest.mark.parametrize("revocation_first", [False, True], ids=["lease-first", "revocation-first"])
async def test_a_revocation_flags_the_leases_and_contracts_it_listed_as_active_for_review(
    finance: ServiceClient, feed: Feed, revocation_first: bool
) -> None:
    await feed.apply(designated("g-9", TENDO), version=1)
    revoked = GroupDesignationRevoked(
        group_id="g-9",
        municipality_code=TENDO,
        revoked_on=date(2026, 1, 1),
        reasons="活動実態なし",
        notice_number="告示9",
        active_lease_ids=["ls-1"],
        active_contract_ids=["ct-9", "ct-unseen"],
    )
    events = [lease("g-9", TENDO, "ls-1"), lease("g-9", TENDO, "ls-2")]
    if revocation_first:
        await feed.apply(revoked, version=2)
    for n, event in enumerate(events):
        await feed.apply(event, version=1 + n)
    await feed.apply(contract("g-9", TENDO, "ct-9", 800_000), version=1)
    if not revocation_first:
        await feed.apply(revoked, version=2)
    response = await finance.http.get(GROUPS, params={"municipality": TENDO}, headers=finance.as_(TENDO))
    (group,) = [g for g in response.json()["data"] if g["group_id"] == "g-9"]
    assert group["status"] == "revoked"
    assert group["review_funding_ids"] == ["ct-9", "ct-unseen", "ls-1"]  # also the one not seen yet
    assert {f["funding_id"]: f["under_review"] for f in group["funding"]} == {
        "ct-9": True,
        "ls-1": True,
        "ls-2": False,  # not listed as active: ended, or not affected
    }


@pytest.mark.usefixtures("groups")
async def test_a_designated_group_has_nothing_under_review(finance: ServiceClient) -> None:
    headers = finance.as_(YAMAGATA)
    response = await finance.http.get(GROUPS, params={"municipality": YAMAGATA}, headers=headers)
    (group,) = response.json()["data"]
    assert group["review_funding_ids"] == [] and not any(f["under_review"] for f in group["funding"])
