"""Rules about who may conclude which agreement, independent of its lifecycle."""

from __future__ import annotations

from collections.abc import Collection

from renkei_common.refdata import LocalGovernment

from renkei_agreements.domain.errors import RuleViolation

KINDS = (
    "renkei_kyoyaku",  # 連携協約, LAA art. 252-2
    "teiju_jiritsu_kyotei",  # 定住自立圏形成協定, under MIC's 定住自立圏構想推進要綱
)
SUBJECT_TYPES = ("policy_field", "joint_task", "shared_facility", "staffing_cooperation")


def check_parties(
    kind: str,
    parties: tuple[LocalGovernment, LocalGovernment],
    *,
    area_type: str | None = None,
    area_centres: Collection[str] = (),
) -> None:
    """Two distinct governments; a 定住自立圏 agreement binds two municipalities of a settlement area."""
    first, second = parties
    if first.code == second.code:
        raise RuleViolation("parties[1]", "distinct_parties", "a party cannot be its own counterparty")
    if kind == "teiju_jiritsu_kyotei":
        for i, party in enumerate(parties):
            if not party.is_municipality:
                raise RuleViolation(
                    f"parties[{i}]",
                    "municipalities_only",
                    "a 定住自立圏形成協定 is concluded between municipalities",
                )
        if area_type is not None and area_type != "settlement":
            raise RuleViolation(
                "kind", "kind_matches_area", "a 定住自立圏形成協定 belongs to a settlement area"
            )
    if area_type is not None and not ({first.code, second.code} & set(area_centres)):
        raise RuleViolation(
            "area_id", "centre_is_party", "an area's agreements are concluded by its centre with each partner"
        )


def party_roles(codes: tuple[str, str], area_centres: Collection[str]) -> tuple[str, str]:
    """ "centre"/"partner" within an area, otherwise "party"."""
    if not area_centres:
        return ("party", "party")
    return tuple("centre" if code in area_centres else "partner" for code in codes)  # type: ignore[return-value]
