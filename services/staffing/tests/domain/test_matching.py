"""Candidate matching: hard requirements filter, continuity and prefecture rank, each factor explained."""

from __future__ import annotations

from datetime import date, timedelta

from renkei_staffing.domain.matching import NeedSpec, margin_thresholds, rank
from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import Profession
from renkei_staffing.domain.specialists import Licence, Specialist, licence_window

NURSE = Profession("public_health_nurse", "保健師", ("public_health_nurse_licence",))
PERIOD = Period(date(2025, 4, 1), date(2026, 3, 31))
NEED = NeedSpec("294497", NURSE, PERIOD)  # 十津川村


def nurse(
    id_: str, employer: str = "290009", expires: date | None = None, profession: str = "public_health_nurse"
) -> Specialist:
    return Specialist(
        id=id_,
        profession_code=profession,
        employer_code=employer,
        employment=Period(date(2020, 4, 1), date(2030, 3, 31)),
        licences=(Licence("public_health_nurse_licence", "N-1", expires_on=expires),),
    )


def test_continuity_beats_prefecture_which_beats_outsiders() -> None:
    people = [nurse("outside", employer="300004"), nurse("local"), nurse("returning", employer="300004")]
    ranked = rank(NEED, people, booked={}, served={"returning": ["294497"]})
    assert [c.specialist_id for c in ranked] == ["returning", "local", "outside"]
    assert [c.rank for c in ranked] == [1, 2, 3]
    top = {f.factor: f for f in ranked[0].factors}
    assert top["continuity"].passed and top["continuity"].points == 50
    assert not top["same_prefecture"].passed and top["same_prefecture"].points == 0
    assert ranked[0].score == sum(f.points for f in ranked[0].factors) == 60
    assert [f.factor for f in ranked[1].factors] == [
        "profession",
        "employment",
        "licences",
        "availability",
        "continuity",
        "same_prefecture",
        "licence_margin",
    ]


def test_double_booked_wrong_profession_and_lapsing_licence_are_not_candidates() -> None:
    people = [
        nurse("booked"),
        nurse("carer", profession="childcare_worker"),
        nurse("lapsing", expires=date(2026, 3, 30)),
        nurse("ok", expires=date(2026, 3, 31)),
    ]
    booked = {"booked": [Period(date(2026, 3, 31), date(2026, 6, 30))]}
    ranked = rank(NEED, people, booked=booked, served={})
    assert [c.specialist_id for c in ranked] == ["ok"]
    margin = {f.factor: f for f in ranked[0].factors}["licence_margin"]
    assert margin.points == 0 and "0 days" in margin.detail


def test_booking_ending_the_day_before_leaves_the_specialist_available() -> None:
    booked = {"a": [Period(date(2024, 4, 1), date(2025, 3, 31))]}
    assert [c.specialist_id for c in rank(NEED, [nurse("a")], booked=booked, served={})] == ["a"]


def test_licence_margin_breaks_ties_and_limit_cuts() -> None:
    people = [
        nurse("short", expires=date(2026, 9, 30)),
        nurse("long", expires=date(2027, 3, 31)),
        nurse("never"),
    ]
    ranked = rank(NEED, people, booked={}, served={})
    assert [c.specialist_id for c in ranked] == ["long", "never", "short"]
    assert [c.score for c in ranked] == [40, 40, 35]  # 183 days of margin: 10 * 183 // 365 = 5
    assert len(rank(NEED, people, booked={}, served={}, limit=2)) == 2


def test_margin_thresholds_give_the_same_points_as_the_formula() -> None:
    end = date(2026, 3, 31)
    steps = margin_thresholds(end)
    for days in range(0, 800):
        expiry = end + timedelta(days=days)
        by_steps = next((points for points, first in steps if expiry >= first), 0)
        assert by_steps == 10 * min(days, 365) // 365, days
    assert steps[0] == (10, end + timedelta(days=365)) and steps[-1] == (1, end + timedelta(days=37))


def test_licence_window_follows_the_current_licence_of_each_required_kind() -> None:
    required = ("public_health_nurse_licence", "nurse_licence")
    old = Licence("public_health_nurse_licence", "A-1", expires_on=date(2024, 3, 31))
    renewed = Licence(
        "public_health_nurse_licence", "A-2", valid_from=date(2024, 4, 1), expires_on=date(2029, 3, 31)
    )
    nurse_ = Licence("nurse_licence", "B-1")
    assert licence_window((old, renewed, nurse_), required) == (date(2024, 4, 1), date(2029, 3, 31))
    assert licence_window((nurse_,), ("nurse_licence",)) == (None, None)
    assert licence_window((renewed,), required) == (None, date.min)  # no nurse licence: never valid
    assert licence_window((), ()) == (None, None)
