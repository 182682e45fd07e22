"""Projections of areas, cost sharing, groups and staffing: newest version wins, tombstones stay."""

from __future__ import annotations

from datetime import date

from finance_testkit import CENTRE, PARTNER, Feed, area_declared
from renkei_common.events.contracts import (
    AreaMember,
    AreaUpdated,
    ClassShare,
    CostClassFormula,
    CostShare,
    CostSharingAgreed,
    CostWeightPeriod,
)
from renkei_common.events.contracts.groups import (
    ContractAwarded,
    GroupDesignated,
    GroupDesignationRevoked,
    GroupSupportGranted,
    PropertyLeaseGranted,
    SupportKind,
)
from renkei_common.events.contracts.staffing import (
    CostKind,
    DispatchEnded,
    EndReason,
    SpecialistDispatched,
    StaffingCostRecorded,
)
from renkei_common.testing.client import ServiceClient
from renkei_finance.adapters.orm import (
    AreaMemberProjection,
    DirtyCell,
    DispatchProjection,
    GroupFundingProjection,
    GroupProjection,
    StaffingCostProjection,
)
from sqlalchemy import select


async def _all(client: ServiceClient, model: type) -> list:  # type: ignore[type-arg]
    async with client.db.session() as session:
        return list((await session.scalars(select(model))).all())


async def test_an_area_update_replaces_the_members_and_an_older_one_does_not(
    finance: ServiceClient, feed: Feed
) -> None:
    await feed.apply(area_declared(), version=1)
    updated = AreaUpdated(
        area_id="area-1",
        area_type="metropolitan",
        name="圏域",
        centre_codes=[CENTRE],
        change="member_changed",
        members=[
            AreaMember(code=CENTRE, role="centre", since=date(2023, 4, 1)),
            AreaMember(code=PARTNER, role="partner", since=date(2023, 4, 1), until=date(2025, 3, 31)),
        ],
    )
    await feed.apply(updated, version=3)
    await feed.apply(area_declared(), version=2)  # older: ignored
    members = {m.code: m.until for m in await _all(finance, AreaMemberProjection)}
    assert members == {CENTRE: None, PARTNER: date(2025, 3, 31)}
    marks = {(m.fiscal_year, m.recipient_code) for m in await _all(finance, DirtyCell)}
    assert marks == {(0, CENTRE), (0, PARTNER)}


async def test_contributions_are_reported_as_agreed_and_scoped(finance: ServiceClient, feed: Feed) -> None:
    def sharing(revision: int, shares: tuple[int, int]) -> CostSharingAgreed:
        return CostSharingAgreed(
            shared_service_id="s-1",
            name="ごみ処理施設",
            category="facility",
            fiscal_year=2025,
            cost_yen=sum(shares),
            equal_weight="0.1",
            population_weight="0.9",
            usage_weight="0",
            remainder_to=CENTRE,
            members=[
                CostShare(municipality_code=CENTRE, share_yen=shares[0]),
                CostShare(municipality_code=PARTNER, share_yen=shares[1]),
            ],
            agreed_on=date(2025, 3, 1),
            revision=revision,
        )

    await feed.apply(sharing(2, (700_001, 299_999)), version=5)
    await feed.apply(sharing(1, (600_000, 400_000)), version=4)  # an older revision delivered late
    national = (
        await finance.http.get(
            "/v1/contributions", params={"fiscal_year": 2025}, headers=finance.as_("000000", "national")
        )
    ).json()
    assert [(c["municipality_code"], c["share_yen"], c["revision"]) for c in national["data"]] == [
        (CENTRE, 700_001, 2),
        (PARTNER, 299_999, 2),
    ]
    assert national["total_yen"] == national["data"][0]["cost_yen"] == 1_000_000
    own = (
        await finance.http.get(
            "/v1/contributions", params={"fiscal_year": 2025}, headers=finance.as_(PARTNER)
        )
    ).json()
    assert [c["municipality_code"] for c in own["data"]] == [PARTNER]
    refused = await finance.http.get(
        "/v1/contributions",
        params={"fiscal_year": 2025, "municipality": CENTRE},
        headers=finance.as_(PARTNER),
    )
    assert refused.status_code == 403 and refused.json()["errors"][0]["field"] == "query.municipality"


async def test_contributions_report_each_cost_class_as_agreed(finance: ServiceClient, feed: Feed) -> None:
    def member(code: str, construction: int, operation: int) -> CostShare:
        classes = [
            ClassShare(cost_class="construction", share_yen=construction),
            ClassShare(cost_class="operation", share_yen=operation),
        ]
        return CostShare(municipality_code=code, share_yen=construction + operation, classes=classes)

    weights = {"equal": "0.1", "population": "0.9"}
    period = CostWeightPeriod(from_fy=None, to_fy=None, weights=weights)
    await feed.apply(
        CostSharingAgreed(
            shared_service_id="s-2",
            name="ごみ処理施設",
            category="facility",
            fiscal_year=2025,
            cost_yen=1_500_000,
            equal_weight="0.1",
            population_weight="0.9",
            usage_weight="0",
            remainder_to=CENTRE,
            members=[member(CENTRE, 700_500, 300_000), member(PARTNER, 299_500, 200_000)],
            agreed_on=date(2025, 3, 1),
            revision=1,
            rounding="truncate_under_1000",
            classes=[
                CostClassFormula(cost_class=c, cost_yen=y, weights=weights, schedule=[period])
                for c, y in (("construction", 1_000_000), ("operation", 500_000))
            ],
        ),
        version=1,
    )
    own = (
        await finance.http.get(
            "/v1/contributions", params={"fiscal_year": 2025}, headers=finance.as_(PARTNER)
        )
    ).json()
    (contribution,) = own["data"]
    assert (
        contribution["share_yen"] == 499_500 and contribution["formula"]["rounding"] == "truncate_under_1000"
    )
    assert [
        (c["cost_class"], c["cost_yen"], c["shares"][PARTNER]) for c in contribution["formula"]["classes"]
    ] == [
        ("construction", 1_000_000, 299_500),
        ("operation", 500_000, 200_000),
    ]


async def test_group_money_and_a_revocation_that_arrives_first(finance: ServiceClient, feed: Feed) -> None:
    base = {"group_id": "g-1", "municipality_code": CENTRE}
    await feed.apply(
        GroupDesignationRevoked(**base, revoked_on=date(2026, 1, 1), reasons="x", notice_number="告示1"),
        version=9,
    )
    await feed.apply(
        GroupDesignated(
            **base,
            name="地域運営組織",
            office="公民館",
            area="A地区",
            activity_codes=["cleaning"],
            profile_version=1,
            designated_on=date(2025, 4, 1),
            notice_number="告示0",
            member_count=30,
        ),
        version=2,
    )
    (group,) = await _all(finance, GroupProjection)
    assert (group.status, group.revoked_on, group.tombstone) == ("revoked", date(2026, 1, 1), True)

    await feed.apply(
        GroupSupportGranted(
            **base,
            support_id="sp-1",
            kind=SupportKind.grant,
            amount_yen=500_000,
            fiscal_year=2025,
            purpose="活動費",
            granted_on=date(2025, 5, 1),
        ),
        version=3,
    )
    await feed.apply(
        GroupSupportGranted(
            **base,
            support_id="sp-2",
            kind=SupportKind.information,
            amount_yen=None,
            fiscal_year=2025,
            purpose="情報提供",
            granted_on=date(2025, 5, 1),
        ),
        version=4,
    )
    await feed.apply(
        PropertyLeaseGranted(
            **base,
            lease_id="l-1",
            asset_id="as-1",
            asset_name="保健センター",
            part="会議室",
            start_on=date(2026, 2, 1),
            end_on=date(2027, 1, 31),
            rent_yen=0,
            rent_reduced=True,
        ),
        version=5,
    )
    await feed.apply(
        ContractAwarded(
            **base,
            contract_id="ct-1",
            subject="公園清掃",
            amount_yen=1_200_000,
            fiscal_year=2025,
            start_on=date(2025, 6, 1),
            end_on=date(2026, 3, 31),
            awarded_on=date(2025, 5, 20),
        ),
        version=6,
    )
    funding = {
        (f.funding_id, f.kind, f.fiscal_year, f.amount_yen)
        for f in await _all(finance, GroupFundingProjection)
    }
    # The information support carries no money; the lease starting in February 2026 is FY2025.
    assert funding == {
        ("sp-1", "grant", 2025, 500_000),
        ("l-1", "lease", 2025, 0),
        ("ct-1", "contract", 2025, 1_200_000),
    }


async def test_a_dispatch_end_is_final_and_a_cost_marks_its_employer(
    finance: ServiceClient, feed: Feed
) -> None:
    common = {
        "dispatch_id": "d-1",
        "specialist_id": "sp-1",
        "employer_code": "060003",
        "receiving_code": PARTNER,
        "agreement_id": "ag-1",
    }
    await feed.apply(
        DispatchEnded(**common, ended_on=date(2025, 3, 31), reason=EndReason.COMPLETED), version=4
    )
    await feed.apply(
        SpecialistDispatched(
            **common, profession_code="hokenshi", starts_on=date(2024, 4, 1), ends_on=date(2026, 3, 31)
        ),
        version=1,
    )
    (dispatch,) = await _all(finance, DispatchProjection)
    assert (dispatch.status, dispatch.ended_on) == ("ended", date(2025, 3, 31))

    def cost(fy: int, eligible: int) -> StaffingCostRecorded:
        return StaffingCostRecorded(
            cost_id="c-1",
            kind=CostKind.PERSONNEL,
            employer_code="060003",
            profession_code="hokenshi",
            fiscal_year=fy,
            month=5,
            amount_yen=400_000,
            eligible_yen=eligible,
            ineligible_yen=400_000 - eligible,
            dispatch_id="d-1",
            receiving_code=PARTNER,
            agreement_id="ag-1",
        )

    await feed.apply(cost(2024, 400_000), version=1)
    await feed.apply(cost(2025, 300_000), version=2)  # corrected to another FY: both FYs are marked
    (row,) = await _all(finance, StaffingCostProjection)
    assert (row.fiscal_year, row.eligible_yen) == (2025, 300_000)
    marks = {(m.fiscal_year, m.recipient_code) for m in await _all(finance, DirtyCell)}
    assert marks == {(2024, "060003"), (2025, "060003")}
