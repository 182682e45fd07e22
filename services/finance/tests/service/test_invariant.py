"""Property: after any sequence of events (reordered, stale, duplicated) and recomputes at any points, the
incremental state equals a full recompute from the projections."""

from __future__ import annotations

import asyncio
import itertools
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from renkei_common.db import CommonBase, Database
from renkei_common.events.consumer import EventProcessor, Outcome, RetryPolicy
from renkei_common.events.contracts import (
    AgreementSigned,
    AgreementTerminated,
    AreaDeclared,
    AreaMember,
    MunicipalityUpdated,
    Party,
    ProjectBudget,
    VisionAdopted,
    VisionProject,
)
from renkei_common.events.contracts.staffing import CostKind, DispatchFlagged, StaffingCostRecorded
from renkei_common.events.envelope import EventEnvelope
from renkei_finance.adapters.orm import Base
from renkei_finance.consumers import REGISTRY
from renkei_finance.service_layer.recompute import consistency, recompute

YEARS = [2024, 2025, 2026]
CENTRE = "062014"
OTHERS = ["062103", "062057", "062073"]
CODES = [CENTRE, *OTHERS]

versions = st.integers(min_value=1, max_value=6)
days = st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 12, 31))


def _party(code: str) -> Party:
    return Party(code=code, name=code, role="centre" if code == CENTRE else "partner")


area_events = st.builds(
    lambda members, kind, version, centre_listed: (
        AreaDeclared(
            area_id="a",
            area_type=kind,
            name="圏域",
            centre_codes=[CENTRE],
            declared_on=date(2023, 4, 1),
            # Sometimes the centre is not among the members: a narrowed load then reads it apart.
            members=[
                AreaMember(code=c, role="partner", since=date(2023, 4, 1))
                for c in ([CENTRE] if centre_listed else []) + members
            ],
        ),
        version,
        "a",
    ),
    st.lists(st.sampled_from(OTHERS), unique=True),
    st.sampled_from(["metropolitan", "settlement"]),
    versions,
    st.booleans(),
)
signings = st.builds(
    lambda n, partner, day, version: (
        AgreementSigned(
            agreement_id=f"ag-{n}",
            agreement_version=1,
            kind="renkei_kyoyaku",
            title="協約",
            parties=[_party(CENTRE), _party(partner)],
            concluded_on=day,
            in_force_on=day,
        ),
        version,
        f"ag-{n}",
    ),
    st.integers(0, 2),
    st.sampled_from(OTHERS),
    days,
    versions,
)
terminations = st.builds(
    lambda n, partner, day, version: (
        AgreementTerminated(
            agreement_id=f"ag-{n}",
            agreement_version=1,
            parties=[_party(CENTRE), _party(partner)],
            terminated_on=day,
        ),
        version,
        f"ag-{n}",
    ),
    st.integers(0, 2),
    st.sampled_from(OTHERS),
    days,
    versions,
)
visions = st.builds(
    lambda budgets, field, bond, version: (
        VisionAdopted(
            vision_id="v",
            area_id="a",
            area_type="metropolitan",
            title="ビジョン",
            first_fiscal_year=2023,
            last_fiscal_year=2027,
            adopted_on=date(2023, 4, 1),
            projects=[
                VisionProject(
                    project_id="p",
                    name="事業",
                    field=field,
                    role="x",
                    bond_eligibility=bond,
                    budgets=[
                        ProjectBudget(fiscal_year=fy, municipality_code=c, amount_yen=a)
                        for c, fy, a in budgets
                    ],
                )
            ],
        ),
        version,
        "v",
    ),
    st.lists(
        st.tuples(st.sampled_from(CODES), st.sampled_from([2023, *YEARS]), st.integers(0, 30_000_000)),
        max_size=4,
    ),
    st.sampled_from(["welfare", "outside_experts"]),
    st.sampled_from([None, "medical_welfare"]),
    versions,
)
populations = st.builds(
    lambda code, population, version: (
        MunicipalityUpdated(
            code=code,
            name=code,
            kind="city",
            prefecture_code="06",
            population=population,
            population_year=2025,
        ),
        version,
        code,
    ),
    st.sampled_from(CODES),
    st.integers(0, 500_000),
    versions,
)
costs = st.builds(
    lambda n, fy, month, dispatch, eligible, version: (
        StaffingCostRecorded(
            cost_id=f"c-{n}",
            kind=CostKind.PERSONNEL,
            employer_code="060003",
            profession_code="hokenshi",
            fiscal_year=fy,
            month=month,
            amount_yen=eligible,
            eligible_yen=eligible,
            ineligible_yen=0,
            dispatch_id=dispatch,
        ),
        version,
        f"c-{n}",
    ),
    st.integers(0, 1),
    st.sampled_from(YEARS),
    st.sampled_from([None, 1, 6]),
    st.sampled_from([None, "d-0", "d-1"]),
    st.integers(0, 10_000_000),
    versions,
)
# A dispatch whose agreement stops covering it: its costs from that day on leave the specialist line.
flags = st.builds(
    lambda n, day, version: (
        DispatchFlagged(
            dispatch_id=f"d-{n}",
            employer_code="060003",
            receiving_code=OTHERS[0],
            agreement_id="ag-0",
            terminated_on=day,
            ends_on=date(2027, 3, 31),
        ),
        version,
        f"d-{n}",
    ),
    st.integers(0, 1),
    st.dates(date(2024, 1, 1), date(2026, 12, 31)),
    versions,
)
steps = st.lists(
    st.one_of(area_events, signings, terminations, visions, populations, costs, flags, st.just("recompute")),
    min_size=1,
    max_size=14,
)


async def _scenario(url: str, script: list[Any]) -> list[dict[str, Any]]:
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(CommonBase.metadata.create_all)
            await conn.run_sync(Base.metadata.create_all)
        processor = EventProcessor(
            db=db, consumer="finance", handlers=REGISTRY.handlers, retry=RetryPolicy(1, 0, 0)
        )
        ids = itertools.count(1)
        for step in script:
            if step == "recompute":
                await recompute(db, fiscal_years=YEARS)
                continue
            payload, version, subject = step
            envelope = EventEnvelope(
                id=f"00000000-0000-0000-0000-{next(ids):012d}",
                type=payload.type_name(),
                source=payload.service,
                subject=subject,
                data=payload.model_dump(mode="json"),
                aggregate_version=version,
            )
            assert await processor.process(envelope, origin="property") is Outcome.APPLIED
        await recompute(db, fiscal_years=YEARS)
        return await consistency(db, fiscal_years=YEARS)
    finally:
        await db.dispose()


def _base_world() -> list[Any]:
    """A connected start, so that most random steps change somebody's lines: one area, two agreements."""
    area = AreaDeclared(
        area_id="a",
        area_type="metropolitan",
        name="圏域",
        centre_codes=[CENTRE],
        declared_on=date(2023, 4, 1),
        members=[AreaMember(code=c, role="partner", since=date(2023, 4, 1)) for c in CODES],
    )
    signed = [
        AgreementSigned(
            agreement_id=f"ag-{n}",
            agreement_version=1,
            kind="renkei_kyoyaku",
            title="協約",
            parties=[_party(CENTRE), _party(partner)],
            concluded_on=date(2023, 4, 1),
            in_force_on=date(2023, 4, 1),
        )
        for n, partner in enumerate(OTHERS[:2])
    ]
    return [(area, 1, "a"), *[(s, 1, s.agreement_id) for s in signed], "recompute"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=steps)
def test_incremental_recompute_equals_a_full_recompute(script: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'finance.db'}"
        assert asyncio.run(_scenario(url, [*_base_world(), *script])) == []
