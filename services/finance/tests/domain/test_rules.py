"""The default rule table covers every measure with its FY changes; bad rows are refused by field and rule."""

from __future__ import annotations

import pytest
from renkei_finance.domain.rules import (
    Confidence,
    Measure,
    RuleBook,
    RuleError,
    RuleRow,
    default_rules,
)


def test_every_measure_has_a_row_with_a_public_source_and_a_confidence() -> None:
    book = default_rules()
    assert {row.measure for row in book.rows} == set(Measure)
    for row in book.rows:
        assert row.source.startswith("総務省") and "soumu.go.jp" in row.source, row.rule_id
        assert row.confidence in set(Confidence)


@pytest.mark.parametrize(
    ("measure", "fy", "cap"),
    [
        (Measure.METROPOLITAN_PARTNER_SPECIAL, 2020, 15_000_000),
        (Measure.METROPOLITAN_PARTNER_SPECIAL, 2021, 18_000_000),
        (Measure.SETTLEMENT_CENTRE_SPECIAL, 2013, 40_000_000),
        (Measure.SETTLEMENT_CENTRE_SPECIAL, 2014, 85_000_000),
        (Measure.SETTLEMENT_NEIGHBOUR_SPECIAL, 2013, 10_000_000),
        (Measure.SETTLEMENT_NEIGHBOUR_SPECIAL, 2014, 15_000_000),
        (Measure.SETTLEMENT_NEIGHBOUR_SPECIAL, 2021, 18_000_000),
        (Measure.OUTSIDE_EXPERTS, 2024, 7_000_000),
    ],
)
def test_caps_by_fy(measure: Measure, fy: int, cap: int) -> None:
    row = default_rules().find(measure, fy)
    assert row is not None and row.params["cap_yen"] == cap


def test_measures_do_not_exist_before_they_start() -> None:
    book = default_rules()
    assert book.find(Measure.SPECIALISTS, 2023) is None and book.find(Measure.SPECIALISTS, 2024) is not None
    assert book.find(Measure.METROPOLITAN_CORE_ORDINARY, 2014) is None


def _row(rule_id: str, fy_from: int, fy_to: int | None, **params: object) -> RuleRow:
    return RuleRow(
        rule_id=rule_id,
        measure=Measure.SPECIALISTS,
        fy_from=fy_from,
        fy_to=fy_to,
        params=params or {"rate": "0.5"},
        source="総務省",
        confidence=Confidence.SEED,
    )


def test_overlapping_rows_are_refused() -> None:
    with pytest.raises(RuleError) as caught:
        RuleBook([_row("a", 2024, 2025), _row("b", 2025, None)])
    assert (caught.value.field, caught.value.rule) == ("fy_from", "overlapping_rows")
    # Adjacent rows are fine.
    assert (
        RuleBook([_row("a", 2024, 2024), _row("b", 2025, None)]).find(Measure.SPECIALISTS, 2025).rule_id
        == "b"
    )  # type: ignore[union-attr]


def test_a_row_needs_its_parameters_a_source_and_a_sane_range() -> None:
    with pytest.raises(RuleError) as caught:
        _row("a", 2024, None, cap_yen=1)
    assert (caught.value.field, caught.value.rule) == ("params", "required_params")
    with pytest.raises(RuleError) as caught:
        _row("a", 2024, 2023)
    assert (caught.value.field, caught.value.rule) == ("fy_to", "fy_range")


def test_an_override_replaces_a_row_of_the_same_id() -> None:
    book = default_rules()
    override = RuleRow(
        rule_id="specialists.fy2024",
        measure=Measure.SPECIALISTS,
        fy_from=2024,
        fy_to=None,
        params={"rate": "0.8"},
        source="総務省 通知",
        confidence=Confidence.PUBLIC,
    )
    found = book.overlaid([override]).find(Measure.SPECIALISTS, 2030)
    assert found is not None and found.params["rate"] == "0.8" and not found.unconfirmed


@pytest.mark.parametrize("rate", ["abc", "-0.1", "NaN", 0.5])
def test_a_rate_must_be_a_non_negative_decimal_string(rate: object) -> None:
    with pytest.raises(RuleError) as caught:
        _row("a", 2024, None, rate=rate)
    assert (caught.value.field, caught.value.rule) == ("params", "param_type")


def test_a_cap_must_be_a_non_negative_integer() -> None:
    with pytest.raises(RuleError) as caught:
        RuleRow(
            rule_id="x",
            measure=Measure.OUTSIDE_EXPERTS,
            fy_from=2024,
            fy_to=None,
            params={"cap_yen": "7000000", "max_years": 3},
            source="総務省",
            confidence=Confidence.SEED,
        )
    assert caught.value.rule == "param_type" and "cap_yen" in str(caught.value)
