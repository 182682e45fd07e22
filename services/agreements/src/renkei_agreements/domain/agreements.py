"""Rules about who may conclude which agreement, independent of its lifecycle."""

from __future__ import annotations

from collections.abc import Collection

from renkei_common.domain_errors import RuleViolation
from renkei_common.i18n import msg
from renkei_common.refdata import LocalGovernment

from renkei_agreements.domain.vocabulary import AgreementKind, AreaType, PartyRole

# The kinds (連携協約, LAA art. 252-2; 定住自立圏形成協定, under MIC's 定住自立圏構想推進要綱) and the
# subjects of an agreement are the StrEnums AgreementKind and SubjectType of domain.vocabulary.


def check_parties(
    kind: AgreementKind,
    parties: tuple[LocalGovernment, LocalGovernment],
    *,
    area_type: AreaType | None = None,
    area_centres: Collection[str] = (),
) -> None:
    """Two distinct governments; a 定住自立圏 agreement binds two municipalities of a settlement area."""
    first, second = parties
    if first.code == second.code:
        raise RuleViolation("parties[1]", "distinct_parties", msg("agreements.distinct_parties"))
    if kind == AgreementKind.TEIJU_JIRITSU_KYOTEI:
        for i, party in enumerate(parties):
            if not party.is_municipality:
                raise RuleViolation(
                    f"parties[{i}]",
                    "municipalities_only",
                    msg("agreements.municipalities_only"),
                )
        if area_type is not None and area_type != AreaType.SETTLEMENT:
            raise RuleViolation("kind", "kind_matches_area", msg("agreements.kind_matches_area"))
    if area_type is not None and not ({first.code, second.code} & set(area_centres)):
        raise RuleViolation("area_id", "centre_is_party", msg("agreements.centre_is_party"))


def party_roles(codes: tuple[str, str], area_centres: Collection[str]) -> tuple[PartyRole, PartyRole]:
    """Centre or partner within an area, otherwise party."""
    if not area_centres:
        return (PartyRole.PARTY, PartyRole.PARTY)
    a, b = (PartyRole.CENTRE if code in area_centres else PartyRole.PARTNER for code in codes)
    return (a, b)
