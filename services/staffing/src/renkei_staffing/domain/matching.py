"""Candidate matching for a need: hard requirements filter, soft factors rank, every factor explained.

Requirements (a candidate failing one is not ranked): the need's profession; employed over the period;
required licences valid over the whole period; available (no dispatch overlapping the period).
Ranking factors, highest total first, ties broken by the longer licence margin then by id:
- continuity (served the receiving municipality before): +50 — Nara's foresters stay with one municipality;
- same prefecture as the receiving municipality: +30;
- licence margin after the period: +0 to +10 (a year or more of margin scores 10; no expiry scores 10).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter

from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import Profession
from renkei_staffing.domain.specialists import Specialist, licence_margin_days, missing_licences

CONTINUITY_POINTS = 50
SAME_PREFECTURE_POINTS = 30
LICENCE_MARGIN_POINTS = 10
FULL_MARGIN_DAYS = 365


@dataclass(frozen=True, slots=True)
class Factor:
    factor: str
    points: int
    passed: bool
    detail: str


@dataclass(frozen=True, slots=True)
class Candidate:
    specialist_id: str
    employer_code: str
    score: int
    factors: tuple[Factor, ...]
    rank: int = 0


@dataclass(frozen=True, slots=True)
class NeedSpec:
    municipality_code: str
    profession: Profession
    period: Period


@dataclass(frozen=True, slots=True)
class _Scored:
    """What ranking needs of a qualifying specialist; the wording of its factors is built for the top only."""

    specialist: Specialist
    continuity: bool
    same_prefecture: bool
    margin_days: int | None
    margin_points: int

    @property
    def score(self) -> int:
        return (
            (CONTINUITY_POINTS if self.continuity else 0)
            + (SAME_PREFECTURE_POINTS if self.same_prefecture else 0)
            + self.margin_points
        )


def _score(
    need: NeedSpec, specialist: Specialist, booked: Sequence[Period], served: Iterable[str]
) -> _Scored | None:
    """None if the specialist fails a hard requirement."""
    if specialist.profession_code != need.profession.code:
        return None
    if not specialist.employment.covers(need.period):
        return None
    required = need.profession.required_licences
    if required and missing_licences(specialist.licences, required, need.period):
        return None
    if any(other.overlaps(need.period) for other in booked):
        return None
    margin = licence_margin_days(specialist.licences, required, need.period) if required else None
    margin_points = (
        LICENCE_MARGIN_POINTS
        if margin is None
        else LICENCE_MARGIN_POINTS * min(margin, FULL_MARGIN_DAYS) // FULL_MARGIN_DAYS
    )
    return _Scored(
        specialist,
        continuity=need.municipality_code in served,
        same_prefecture=specialist.employer_code[:2] == need.municipality_code[:2],
        margin_days=margin,
        margin_points=margin_points,
    )


def margin_thresholds(period_end: date) -> list[tuple[int, date]]:
    """(points, first expiry day earning them), best first: the licence-margin points as date steps, so a
    database can score a licence's expiry without date arithmetic of its own."""
    # points >= p  <=>  10 * min(days, 365) // 365 >= p  <=>  days >= ceil(36.5 p)
    return [
        (points, period_end + timedelta(days=-(-FULL_MARGIN_DAYS * points // LICENCE_MARGIN_POINTS)))
        for points in range(LICENCE_MARGIN_POINTS, 0, -1)
    ]


def _explain(need: NeedSpec, scored: _Scored) -> tuple[Factor, ...]:
    specialist, required = scored.specialist, need.profession.required_licences
    continuity, same_prefecture, margin = scored.continuity, scored.same_prefecture, scored.margin_days
    return (
        Factor("profession", 0, True, f"profession {need.profession.code} ({need.profession.name})"),
        Factor("employment", 0, True, "employed over the whole period"),
        Factor(
            "licences",
            0,
            True,
            "required licences valid over the period" if required else "the profession requires no licence",
        ),
        Factor("availability", 0, True, "no other dispatch overlaps the period"),
        Factor(
            "continuity",
            CONTINUITY_POINTS if continuity else 0,
            continuity,
            "served this municipality before" if continuity else "has not served this municipality before",
        ),
        Factor(
            "same_prefecture",
            SAME_PREFECTURE_POINTS if same_prefecture else 0,
            same_prefecture,
            f"employer {specialist.employer_code} is {'in' if same_prefecture else 'outside'} prefecture "
            f"{need.municipality_code[:2]}",
        ),
        Factor(
            "licence_margin",
            scored.margin_points,
            True,
            "no required licence expires"
            if margin is None
            else f"{margin} days of licence validity after the period",
        ),
    )


def evaluate(
    need: NeedSpec, specialist: Specialist, booked: Sequence[Period], served: Iterable[str]
) -> tuple[Factor, ...] | None:
    """The factors of one specialist, or None if it fails a hard requirement."""
    scored = _score(need, specialist, booked, set(served))
    return None if scored is None else _explain(need, scored)


def rank(
    need: NeedSpec,
    specialists: Iterable[Specialist],
    booked: Mapping[str, Sequence[Period]],
    served: Mapping[str, Iterable[str]],
    *,
    limit: int | None = None,
) -> list[Candidate]:
    """The available specialists for `need`, best first, each with its factors.

    Every specialist is scored; only the `limit` best are explained (the wording is most of the cost).
    """
    keyed: list[tuple[int, int, str, _Scored]] = []
    for specialist in specialists:
        scored = _score(need, specialist, booked.get(specialist.id, ()), set(served.get(specialist.id, ())))
        if scored is not None:
            keyed.append((-scored.score, -scored.margin_points, specialist.id, scored))
    key = itemgetter(0, 1, 2)
    chosen = sorted(keyed, key=key) if limit is None else heapq.nsmallest(limit, keyed, key=key)
    return [
        Candidate(s.specialist.id, s.specialist.employer_code, s.score, _explain(need, s), rank=index)
        for index, (_, _, _, s) in enumerate(chosen, start=1)
    ]
