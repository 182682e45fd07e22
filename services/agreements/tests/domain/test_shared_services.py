"""Consent of shared-service members: who has consented at registration, and when costs may be shared."""

from __future__ import annotations

import pytest
from renkei_agreements.domain.shared_services import (
    ConsentBasis,
    check_all_consented,
    check_may_consent,
    initial_consents,
)
from renkei_common.domain_errors import StateConflict

LEAD, A, B = "062014", "062103", "062073"


def test_only_the_lead_consents_by_registering() -> None:
    assert initial_consents(lead=LEAD, members=[LEAD, A, B]) == {LEAD: ConsentBasis.LEAD, A: None, B: None}


def test_a_party_of_the_linked_agreement_with_the_lead_counts_as_consented() -> None:
    consents = initial_consents(lead=LEAD, members=[LEAD, A, B], agreement_parties=(LEAD, A))
    assert consents == {LEAD: ConsentBasis.LEAD, A: ConsentBasis.AGREEMENT, B: None}


def test_an_agreement_without_the_lead_binds_nobody_to_the_lead() -> None:
    consents = initial_consents(lead=LEAD, members=[LEAD, A, B], agreement_parties=(A, B))
    assert consents == {LEAD: ConsentBasis.LEAD, A: None, B: None}


def test_costs_are_shared_only_when_every_member_consented() -> None:
    check_all_consented({LEAD: ConsentBasis.LEAD, A: ConsentBasis.STATED})
    with pytest.raises(StateConflict) as refused:
        check_all_consented({LEAD: ConsentBasis.LEAD, A: None, B: None})
    assert refused.value.rule == "members_consented"
    assert refused.value.details["missing"] == [
        {"step": "consent", "party": A},
        {"step": "consent", "party": B},
    ]


def test_a_member_consents_once() -> None:
    check_may_consent(A, None)
    for basis in ConsentBasis:
        with pytest.raises(StateConflict) as refused:
            check_may_consent(A, basis)
        assert refused.value.rule == "already_consented"
