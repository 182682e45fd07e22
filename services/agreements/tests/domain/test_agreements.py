"""Who may conclude which agreement: two distinct governments; only municipalities a 定住自立圏形成協定."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.agreements import check_parties, party_roles
from renkei_common.domain_errors import RuleViolation
from renkei_common.refdata import LocalGovernment, load_registry

REGISTRY = load_registry()
YAMAGATA, TENDO, KAMINOYAMA, YAMAGATA_PREF = "062014", "062103", "062073", "060003"


def pair(a: str, b: str) -> tuple[LocalGovernment, LocalGovernment]:
    return (REGISTRY.get(a), REGISTRY.get(b))


def refusal(kind: str, a: str, b: str, **area: object) -> tuple[str, str, str]:
    with pytest.raises(RuleViolation) as refused:
        check_parties(kind, pair(a, b), **area)  # type: ignore[arg-type]
    [violation] = refused.value.violations
    return (violation.field, violation.rule, violation.message)


def test_two_distinct_governments_may_conclude_a_renkei_kyoyaku() -> None:
    check_parties("renkei_kyoyaku", pair(YAMAGATA, TENDO))
    check_parties("renkei_kyoyaku", pair(YAMAGATA_PREF, TENDO))  # a prefecture may be a party


def test_a_party_cannot_be_its_own_counterparty() -> None:
    assert refusal("renkei_kyoyaku", YAMAGATA, YAMAGATA) == (
        "parties[1]",
        "distinct_parties",
        "a party cannot be its own counterparty",
    )


@pytest.mark.parametrize(
    ("a", "b", "field"), [(YAMAGATA_PREF, TENDO, "parties[0]"), (TENDO, YAMAGATA_PREF, "parties[1]")]
)
def test_a_teiju_jiritsu_kyotei_binds_municipalities_only(a: str, b: str, field: str) -> None:
    assert refusal("teiju_jiritsu_kyotei", a, b)[:2] == (field, "municipalities_only")


def test_a_teiju_jiritsu_kyotei_belongs_to_a_settlement_area() -> None:
    check_parties(
        "teiju_jiritsu_kyotei", pair(TENDO, KAMINOYAMA), area_type="settlement", area_centres=[TENDO]
    )
    check_parties("teiju_jiritsu_kyotei", pair(TENDO, KAMINOYAMA))  # outside any area
    assert refusal(
        "teiju_jiritsu_kyotei", YAMAGATA, TENDO, area_type="metropolitan", area_centres=[YAMAGATA]
    )[:2] == ("kind", "kind_matches_area")


@pytest.mark.parametrize("area_type", ["metropolitan", "settlement", "wide_area"])
def test_inside_an_area_one_party_is_its_centre(area_type: str) -> None:
    check_parties("renkei_kyoyaku", pair(TENDO, YAMAGATA), area_type=area_type, area_centres=[YAMAGATA])
    assert refusal("renkei_kyoyaku", TENDO, KAMINOYAMA, area_type=area_type, area_centres=[YAMAGATA])[:2] == (
        "area_id",
        "centre_is_party",
    )


def test_outside_an_area_no_centre_is_needed() -> None:
    check_parties("renkei_kyoyaku", pair(TENDO, KAMINOYAMA), area_centres=[YAMAGATA])


def test_party_roles_name_the_centre_and_the_partner() -> None:
    assert party_roles((TENDO, YAMAGATA), [YAMAGATA]) == ("partner", "centre")
    assert party_roles((YAMAGATA, TENDO), [YAMAGATA, TENDO]) == ("centre", "centre")
    assert party_roles((YAMAGATA, TENDO), []) == ("party", "party")
