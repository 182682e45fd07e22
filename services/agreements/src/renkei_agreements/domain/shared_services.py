"""Who has agreed to be a member of a shared facility or joint task, and when its costs may be shared.

A government is billed only with its consent: the lead registers the service and so consents; any other
member is pending until it consents itself, unless it is a party, together with the lead, of the agreement
(連携協約 / 定住自立圏形成協定) the service is registered under, whose conclusion was its consent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum

from renkei_common.domain_errors import StateConflict
from renkei_common.i18n import msg


class Consent(StrEnum):
    """Whether a member has agreed to take part (and so to be billed)."""

    CONSENTED = "consented"
    PENDING = "pending"


class ConsentBasis(StrEnum):
    """Why a member counts as consented."""

    LEAD = "lead"  # it registered the service
    AGREEMENT = "agreement"  # a party, with the lead, of the linked agreement
    STATED = "stated"  # it recorded its own consent


def initial_consents(
    *, lead: str, members: Sequence[str], agreement_parties: Iterable[str] = ()
) -> dict[str, ConsentBasis | None]:
    """Each member's basis of consent at registration; None means pending until it consents."""
    parties = set(agreement_parties)
    under_agreement = lead in parties
    return {
        code: ConsentBasis.LEAD
        if code == lead
        else ConsentBasis.AGREEMENT
        if under_agreement and code in parties
        else None
        for code in members
    }


def check_may_consent(member: str, basis: ConsentBasis | None) -> None:
    """A member consents once; the lead and parties of the agreement already count as consented."""
    if basis is not None:
        raise StateConflict(
            msg("agreements.already_consented", member=member, basis_value=basis.value),
            rule="already_consented",
            member=member,
        )


def check_all_consented(consents: Mapping[str, ConsentBasis | None]) -> None:
    """Costs are shared only among members that all consented; 409 naming those that did not."""
    pending = [code for code, basis in consents.items() if basis is None]
    if pending:
        raise StateConflict(
            msg("agreements.members_consented", value=", ".join(pending)),
            rule="members_consented",
            missing=[{"step": "consent", "party": code} for code in pending],
        )
