"""No event schema carries personal data: every field name of every published schema is checked.

Events leave the service (feed, Kafka, webhooks to prefectural systems), so they name organisations,
never persons (個人情報の保護に関する法律 art. 2: information that identifies a living individual). A field
whose name matches the deny-list fails this test unless it is in ALLOWED with the reason it was judged
not to be personal data; an ALLOWED entry that no longer exists fails too, so the list stays reviewed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from renkei_common.events.schemas import all_schemas

DENY = re.compile(
    r"(^|_)("
    r"name|kana|furigana|email|e_mail|mail|phone|tel|telephone|fax|mobile|address|addr|postal_code|zip|postcode|"
    r"birth|birthday|birth_date|dob|age|gender|sex|nationality|my_number|individual_number|"
    r"representative|contact|person|resident_id|office|signature|photo|face"
    r")($|_)"
)

# "<contract or $Definition>.<field>" -> why it is not personal data.
ALLOWED = {
    "$Party.name": "name of a local government (地方公共団体), an organisation",
    "AreaDeclared.name": "name of a cooperation area (連携中枢都市圏 / 定住自立圏), not a person",
    "AreaUpdated.name": "name of a cooperation area",
    "CostSharingAgreed.name": "name of a joint task or shared facility",
    "KpiReported.name": "name of a KPI (e.g. 観光入込客数)",
    "MunicipalityUpdated.name": "name of a local government",
    "$VisionProject.name": "name of a vision project",
    "GroupApplicationDrafted.name": "name of a community group, an organisation (not its members)",
    "GroupApplicationSubmitted.name": "name of a community group",
    "GroupDesignated.name": "name of a designated group, publicly noticed (告示) by the mayor",
    "GroupDesignationChanged.name": "name of a designated group, publicly noticed",
    "GroupDesignated.office": "the group's office as publicly noticed (告示): an organisation's seat",
    "GroupDesignationChanged.office": "the group's office as publicly noticed",
    "PropertyLeaseGranted.asset_name": "name of a public asset (行政財産), e.g. 旧○○小学校",
    "ProfessionDefined.name": "name of a profession (職種), e.g. 保健師",
}


def fields(schema: dict[str, Any], owner: str) -> Iterator[str]:
    """`owner.field` for every property of the schema and of each of its $defs."""
    for name in schema.get("properties", {}):
        yield f"{owner}.{name}"
    for def_name, definition in schema.get("$defs", {}).items():
        yield from fields(definition, f"${def_name}")


def all_fields() -> set[str]:
    found: set[str] = set()
    for type_name, schema in all_schemas().items():
        found.update(fields(schema, type_name.split(".")[3]))
    return found


def test_no_schema_field_looks_like_personal_data() -> None:
    flagged = {field for field in all_fields() if DENY.search(field.split(".", 1)[1])}
    unreviewed = sorted(flagged - set(ALLOWED))
    assert unreviewed == [], f"fields that may carry personal data; remove them or review them: {unreviewed}"


def test_every_reviewed_exception_still_exists_and_gives_a_reason() -> None:
    existing = all_fields()
    assert sorted(set(ALLOWED) - existing) == []
    assert all(len(reason) > 10 for reason in ALLOWED.values())


def test_the_deny_list_catches_what_it_must() -> None:
    for bad in ("representative_name", "email", "phone", "birth_date", "address", "contact_tel", "name_kana"):
        assert DENY.search(bad), bad
    for fine in ("agreement_id", "municipality_code", "amount_yen", "usage", "manager", "tonnage"):
        assert not DENY.search(fine), fine
