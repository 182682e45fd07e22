"""Who may do what in staffing, on top of the shared org checks (renkei_common.access).

Employers manage their specialists, recruitments, costs and dispatches (the unit of work's `authorise`);
a municipality, with the municipality role, manages its needs; governments, `national` and auditors read
needs and pseudonymised specialists; professions are added by operators and `national`.
"""

from __future__ import annotations

from renkei_common.access import ensure_acts_for_one_of
from renkei_common.auth import Actor, ensure_can_write
from renkei_common.errors import FieldError, Forbidden
from renkei_common.i18n import msg

READER_ROLES = ("national", "auditor", "prefecture", "municipality")
DEFINER_ROLES = ("operator", "national")


def ensure_reader(actor: Actor) -> None:
    """Catalogue-like data (needs, pseudonymised specialists) is for governments, national and auditors."""
    if not actor.has_role(*READER_ROLES):
        raise Forbidden(msg("staffing.access.this_read_needs_one_of", value=", ".join(READER_ROLES)))


def ensure_municipality(actor: Actor, code: str, *, field: str) -> None:
    """403 unless the caller is the municipality `code` itself, acting with the municipality role."""
    ensure_acts_for_one_of(actor, [code], field=field, what="the municipality")
    if not actor.has_role("municipality"):
        message = msg("staffing.municipality_role")
        raise Forbidden(message, errors=[FieldError(field=field, rule="municipality_role", message=message)])


def ensure_definer(actor: Actor) -> None:
    ensure_can_write(actor)
    if not actor.has_role(*DEFINER_ROLES):
        raise Forbidden(msg("staffing.access.adding_a_profession_needs_one", value=", ".join(DEFINER_ROLES)))
