"""The database's pick of the best candidates is exactly the domain's ranking, on both engines.

Same specialists, order and scores, over random specialists, licences, employments and bookings."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from renkei_common.persistence import new_id
from renkei_common.testing.client import ServiceClient
from renkei_staffing.adapters.orm import DispatchRow, SpecialistRow
from renkei_staffing.domain.enums import DispatchStatus
from renkei_staffing.domain.matching import NeedSpec, rank
from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import STANDARD_PROFESSIONS
from renkei_staffing.domain.specialists import licence_window
from renkei_staffing.service_layer.specialists import licences_of, to_specialist
from sqlalchemy import select
from staffing_testkit import TOTSUKAWA, Driver

FORESTER = next(p for p in STANDARD_PROFESSIONS if p.code == "forester")
EMPLOYERS = ["290009", "300004", "270008", "294497"]
PERIOD = Period(date(2026, 4, 1), date(2027, 3, 31))


def _specialists(rng: random.Random, count: int) -> list[SpecialistRow]:
    rows = []
    now = datetime.now(UTC)
    for i in range(count):
        expiry = rng.choice(
            [None, PERIOD.end, PERIOD.end - timedelta(days=1)]
            + [PERIOD.end + timedelta(days=rng.randrange(0, 800)) for _ in range(4)]
        )
        valid_from = rng.choice([None, None, PERIOD.start, PERIOD.start + timedelta(days=1)])
        licences = [
            {
                "kind": "forester_certificate",
                "number": f"F-{i}",
                "valid_from": valid_from.isoformat() if valid_from else None,
                "expires_on": expiry.isoformat() if expiry else None,
            }
        ]
        row = SpecialistRow(
            id=new_id(),
            profession_code="forester",
            employer_code=rng.choice(EMPLOYERS),
            employed_from=rng.choice([date(2020, 4, 1), PERIOD.start, PERIOD.start + timedelta(days=1)]),
            employed_until=rng.choice([date(2040, 3, 31), PERIOD.end, PERIOD.end - timedelta(days=1)]),
            name=f"n{i}",
            contact=None,
            licences=licences,
            row_version=1,
            created_by_org="290009",
            created_at=now,
        )
        row.licence_valid_from, row.licence_valid_until = licence_window(
            licences_of(licences), FORESTER.required_licences
        )
        rows.append(row)
    return rows


def _dispatches(rng: random.Random, people: list[SpecialistRow]) -> list[DispatchRow]:
    rows = []
    now = datetime.now(UTC)
    for person in rng.sample(people, len(people) // 2):
        start = PERIOD.start + timedelta(days=rng.randrange(-900, 400))
        ends_on = start + timedelta(days=rng.randrange(30, 400))
        ended_on = rng.choice([None, None, start + timedelta(days=10)])
        rows.append(
            DispatchRow(
                id=new_id(),
                specialist_id=person.id,
                profession_code=rng.choice(["forester", "forester", "local_tax"]),
                employer_code=person.employer_code,
                receiving_code=rng.choice([TOTSUKAWA, "294462"]),
                agreement_id="a",
                need_id=None,
                starts_on=start,
                ends_on=ends_on,
                status=DispatchStatus.ENDED if ended_on else DispatchStatus.ACTIVE,
                ended_on=ended_on,
                end_reason=None,
                end_note=None,
                flagged_at=None,
                agreement_terminated_on=None,
                row_version=1,
                created_by_org=person.employer_code,
                created_at=now,
            )
        )
    return rows


async def _expected(client: ServiceClient, limit: int) -> list[tuple[str, int]]:
    """The pure domain ranking over every specialist and every dispatch."""
    async with client.db.session() as session:
        people = list((await session.scalars(select(SpecialistRow))).all())
        dispatches = list((await session.scalars(select(DispatchRow))).all())
    booked: dict[str, list[Period]] = {}
    served: dict[str, list[str]] = {}
    for d in dispatches:
        span = Period(d.starts_on, d.ended_on or d.ends_on)
        if span.overlaps(PERIOD):
            booked.setdefault(d.specialist_id, []).append(span)
        if d.receiving_code == TOTSUKAWA and d.profession_code == "forester":
            served[d.specialist_id] = [TOTSUKAWA]
    ranked = rank(
        NeedSpec(TOTSUKAWA, FORESTER, PERIOD), map(to_specialist, people), booked, served, limit=limit
    )
    return [(c.specialist_id, c.score) for c in ranked]


@pytest.mark.parametrize("seed", [1, 2])
async def test_database_pick_equals_the_domain_ranking(api: Driver, seed: int) -> None:
    rng = random.Random(seed)
    people = _specialists(rng, 150)
    async with api.client.db.transaction() as session:
        session.add_all(people)
    async with api.client.db.transaction() as session:
        session.add_all(_dispatches(rng, people))
    need = await api.need(period=(PERIOD.start.isoformat(), PERIOD.end.isoformat()))
    for limit in (1, 20, 100):
        got = await api.call("GET", f"/v1/needs/{need['id']}/candidates?limit={limit}", TOTSUKAWA)
        expected = await _expected(api.client, limit)
        assert [(c["specialist_id"], c["score"]) for c in got.json()["data"]] == expected
        assert len(expected) == min(limit, len(await _expected(api.client, 1000)))
    everyone = await _expected(api.client, 1000)
    assert 20 < len(everyone) < 150  # the data excludes some and keeps many
    assert len({score for _, score in everyone}) >= 6  # continuity, prefecture and margins all vary
