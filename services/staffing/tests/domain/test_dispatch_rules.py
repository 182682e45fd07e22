"""Dispatch validity: 連携協約 in force over the whole period, excluded receivers, employment, licences."""

from __future__ import annotations

from datetime import date

import pytest
from renkei_common.domain_errors import RuleViolation
from renkei_common.refdata import load_registry
from renkei_staffing.domain.agreements_view import AgreementView
from renkei_staffing.domain.dispatch_rules import DispatchPlan, ensure_dispatch_valid, exclusions, overlapping
from renkei_staffing.domain.periods import Period
from renkei_staffing.domain.professions import Profession
from renkei_staffing.domain.specialists import Licence, Specialist

REGISTRY = load_registry()
NARA_PREF, TOTSUKAWA, NARA_CITY, TSU = "290009", "294497", "292010", "242012"
FORESTER = Profession("forester", "フォレスター", ("forester_certificate",))
PERIOD = Period(date(2025, 4, 1), date(2026, 3, 31))


def forester(*, employer: str = NARA_PREF, expires: date | None = date(2030, 3, 31)) -> Specialist:
    return Specialist(
        id="s-1",
        profession_code="forester",
        employer_code=employer,
        employment=Period(date(2021, 4, 1), date(2040, 3, 31)),
        licences=(Licence("forester_certificate", "F-123", expires_on=expires),),
    )


def agreement(
    *parties: str, in_force_on: date = date(2024, 4, 1), terminated_on: date | None = None
) -> AgreementView:
    return AgreementView("a-1", "renkei_kyoyaku", frozenset(parties), in_force_on, terminated_on)


def plan(
    receiving: str, agreement_: AgreementView | None, *, period: Period = PERIOD, **kw: object
) -> DispatchPlan:
    return DispatchPlan(
        specialist=kw.get("specialist", forester()),  # type: ignore[arg-type]
        profession=FORESTER,
        employer=REGISTRY.get(NARA_PREF),
        receiving=REGISTRY.get(receiving),
        period=period,
        agreement=agreement_,
        agreement_id="a-1",
    )


def rules(exc: pytest.ExceptionInfo[RuleViolation]) -> list[tuple[str, str]]:
    return [(v.field, v.rule) for v in exc.value.violations]


def test_nara_prefecture_to_totsukawa_with_an_agreement_in_force_is_valid() -> None:
    ensure_dispatch_valid(plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA)))


def test_nara_city_is_refused_as_core_city_and_capital() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(NARA_CITY, agreement(NARA_PREF, NARA_CITY)))
    assert rules(exc) == [("receiving_code", "receiving_not_excluded")]
    assert exclusions(REGISTRY.get(NARA_CITY)) == ["core_city", "prefectural_capital"]
    assert "中核市・県庁所在地" in exc.value.violations[0].message


def test_tsu_is_refused_as_a_capital_though_neither_designated_nor_core() -> None:
    tsu = REGISTRY.get(TSU)
    assert not tsu.designated_city and not tsu.core_city
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(TSU, agreement(NARA_PREF, TSU)))
    assert rules(exc) == [("receiving_code", "receiving_not_excluded")]
    assert exclusions(tsu) == ["prefectural_capital"]


def test_designated_city_is_excluded() -> None:
    assert "designated_city" in exclusions(REGISTRY.get("011002"))  # 札幌市


def test_without_an_agreement_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(TOTSUKAWA, None))
    assert rules(exc) == [("agreement_id", "agreement_in_force")]


def test_agreement_between_other_parties_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(TOTSUKAWA, agreement(NARA_PREF, "294501")))
    assert rules(exc) == [("agreement_id", "agreement_between_parties")]


def test_before_the_agreement_is_in_force_refused_and_on_its_first_day_valid() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA, in_force_on=date(2025, 4, 2))))
    assert rules(exc) == [("agreement_id", "agreement_in_force_at_start")]
    ensure_dispatch_valid(plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA, in_force_on=date(2025, 4, 1))))


def test_reaching_past_termination_refused_and_ending_the_day_before_valid() -> None:
    # terminated_on is the first day without the agreement: the period may end the day before.
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(
            plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA, terminated_on=date(2026, 3, 31)))
        )
    assert rules(exc) == [("agreement_id", "agreement_in_force_until_end")]
    ensure_dispatch_valid(plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA, terminated_on=date(2026, 4, 1))))


def test_teiju_jiritsu_kyotei_is_not_a_renkei_kyoyaku() -> None:
    view = AgreementView("a-1", "teiju_jiritsu_kyotei", frozenset({NARA_PREF, TOTSUKAWA}), date(2024, 4, 1))
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(TOTSUKAWA, view))
    assert rules(exc) == [("agreement_id", "agreement_is_renkei_kyoyaku")]


def test_specialist_of_another_employer_or_with_an_expiring_licence_refused() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(
            plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA), specialist=forester(employer="300004"))
        )
    assert rules(exc) == [("specialist_id", "employed_over_period")]
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(
            plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA), specialist=forester(expires=date(2026, 3, 30)))
        )
    assert rules(exc) == [("specialist_id", "licences_valid_over_period")]
    # a licence expiring on the last day of the period is valid over it
    ensure_dispatch_valid(
        plan(TOTSUKAWA, agreement(NARA_PREF, TOTSUKAWA), specialist=forester(expires=PERIOD.end))
    )


def test_every_broken_rule_is_reported() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan(NARA_CITY, None, specialist=forester(expires=date(2025, 1, 1))))
    assert {r for _, r in rules(exc)} == {
        "receiving_not_excluded",
        "agreement_in_force",
        "licences_valid_over_period",
    }


def test_prefecture_cannot_receive() -> None:
    with pytest.raises(RuleViolation) as exc:
        ensure_dispatch_valid(plan("300004", agreement(NARA_PREF, "300004")))
    assert ("receiving_code", "receiving_is_municipality") in rules(exc)


def test_overlapping_periods_are_double_bookings_touching_ones_too() -> None:
    booked = [Period(date(2024, 4, 1), date(2025, 3, 31))]
    assert overlapping(Period(date(2025, 4, 1), date(2026, 3, 31)), booked) == []
    assert overlapping(Period(date(2025, 3, 31), date(2026, 3, 31)), booked) == booked
