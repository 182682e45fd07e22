"""Who may read and write for which government: the org checks every service applies to its aggregates.

Reading: national and auditor read everything, a prefecture reads what involves its own prefecture's
governments, any other caller what involves its own org. Writing: a government writes only as itself,
with a government role, and auditors never write.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, false, or_, true
from sqlalchemy.orm import InstrumentedAttribute

from renkei_common.auth import Actor, ensure_can_write
from renkei_common.errors import FieldError, Forbidden
from renkei_common.i18n import msg

GOVERNMENT_ROLES = ("municipality", "prefecture")


def prefecture_scope(actor: Actor) -> str | None:
    """The 2-digit prefecture a prefecture-role caller coordinates, if any."""
    return actor.org[:2] if actor.has_role("prefecture") and len(actor.org) == 6 else None


def can_read(actor: Actor, participants: Iterable[str]) -> bool:
    if actor.reads_all:
        return True
    codes = set(participants)
    if actor.org in codes:
        return True
    scope = prefecture_scope(actor)
    return scope is not None and any(code.startswith(scope) for code in codes)


def ensure_can_read(actor: Actor, participants: Iterable[str], *, what: str) -> None:
    if not can_read(actor, participants):
        raise Forbidden(msg("access.not_a_participant", org=actor.org, what=what))


def visible(actor: Actor, columns: Sequence[InstrumentedAttribute[str]]) -> ColumnElement[bool]:
    """A SQL filter matching rows where one of `columns` (団体コード columns) names someone the actor sees."""
    if actor.reads_all:
        return true()
    conditions: list[ColumnElement[bool]] = [column == actor.org for column in columns]
    scope = prefecture_scope(actor)
    if scope is not None:
        conditions += [column.startswith(scope, autoescape=True) for column in columns]
    return or_(*conditions) if conditions else false()


def ensure_government_writer(actor: Actor) -> None:
    """Writes on behalf of a government need a government role; auditors, groups and services get 403."""
    ensure_can_write(actor)
    if not actor.has_role(*GOVERNMENT_ROLES):
        raise Forbidden(msg("access.write_needs_role", roles=list(GOVERNMENT_ROLES)))


def ensure_acts_for_one_of(actor: Actor, codes: Iterable[str], *, field: str, what: str) -> None:
    """403 naming `field` unless the caller is one of `codes` (described to the caller as `what`)."""
    ensure_government_writer(actor)
    codes = list(codes)
    if actor.org not in codes:
        message = msg("access.not_acting_for", org=actor.org, what=what, codes=codes)
        raise Forbidden(message, errors=[FieldError(field=field, rule="acts_for_own_org", message=message)])
