"""The municipality a profile or an application names must be a real 市区町村 of the registry."""

from __future__ import annotations

from renkei_common.domain_errors import RuleViolation
from renkei_common.i18n import msg
from renkei_common.refdata import InvalidLocalGovernmentCode, LocalGovernment, load_registry


def municipality(code: str, *, field: str = "municipality_code") -> LocalGovernment:
    try:
        found = load_registry().find(code)
    except InvalidLocalGovernmentCode as exc:
        raise RuleViolation(field, "valid_local_government_code", exc.message) from None
    if found is None:
        raise RuleViolation(field, "known_local_government", msg("groups.known_local_government", code=code))
    if not found.is_municipality:
        raise RuleViolation(field, "municipality", msg("groups.municipality", found_name=found.name))
    return found


def name_of(code: str) -> str:
    found = load_registry().find(code)
    return found.name if found else code
