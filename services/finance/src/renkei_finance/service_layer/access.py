"""Who reads finance rows: national and auditor all, a prefecture its municipalities', a government its own.

The rules are every service's (`renkei_common.access`); this module adds what only finance needs: which
roles read finance data, who writes rules and decided amounts, and a municipality's view of its areas.
"""

from __future__ import annotations

from renkei_common.access import can_read, prefecture_scope
from renkei_common.auth import Actor, Role
from renkei_common.errors import FieldError, Forbidden
from renkei_common.i18n import msg
from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

READER_ROLES = (Role.national, Role.auditor, Role.prefecture, Role.municipality)


def can_read_code(actor: Actor, code: str) -> bool:
    return can_read(actor, [code])


def ensure_reader(actor: Actor) -> None:
    """Finance figures are for governments and their auditors; groups and services get 403."""
    if not actor.has_role(*READER_ROLES):
        message = msg("finance.finance_reader", roles=[str(r) for r in READER_ROLES])
        raise Forbidden(
            message, errors=[FieldError(field="token.roles", rule="finance_reader", message=message)]
        )


def ensure_can_read_code(actor: Actor, code: str, *, field: str) -> None:
    """A filter naming a government outside the caller's scope is refused, not silently emptied."""
    ensure_reader(actor)
    if not can_read_code(actor, code):
        message = msg("finance.read_scope", org=actor.org, code=code)
        raise Forbidden(message, errors=[FieldError(field=field, rule="read_scope", message=message)])


def ensure_national_writer(actor: Actor) -> None:
    """Only `national` (総務省) changes rules and records decided amounts; auditors never write."""
    if actor.is_auditor or not actor.has_role(Role.national):
        message = msg("finance.national_only")
        raise Forbidden(
            message, errors=[FieldError(field="token.roles", rule="national_only", message=message)]
        )


def ensure_oversight(actor: Actor, *, operator: bool = False) -> None:
    """Runs span every recipient: national and auditors read them; operators also run the admin checks."""
    allowed = (Role.national, Role.auditor) + ((Role.operator,) if operator else ())
    if not actor.has_role(*allowed):
        message = msg("finance.oversight_only", roles=[str(r) for r in allowed])
        raise Forbidden(
            message, errors=[FieldError(field="token.roles", rule="oversight_only", message=message)]
        )


def visible_recipients(actor: Actor, column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """Lines a caller sees: its own and its areas' members' (municipality), its prefecture's, or all."""
    from renkei_finance.adapters.orm import AreaMemberProjection

    if actor.reads_all:
        return true()
    conditions: list[ColumnElement[bool]] = [column == actor.org]
    scope = prefecture_scope(actor)
    if scope is not None:
        conditions.append(column.startswith(scope, autoescape=True))
    if actor.has_role(Role.municipality):
        own_areas = select(AreaMemberProjection.area_id).where(AreaMemberProjection.code == actor.org)
        partners = select(AreaMemberProjection.code).where(AreaMemberProjection.area_id.in_(own_areas))
        conditions.append(column.in_(partners))
    return or_(*conditions)


async def ensure_can_read_recipient(session: AsyncSession, actor: Actor, code: str, *, field: str) -> None:
    """Like `ensure_can_read_code`, but a municipality also sees the members of its areas."""
    from renkei_finance.adapters.orm import AreaMemberProjection

    ensure_reader(actor)
    if can_read_code(actor, code):
        return
    if actor.has_role(Role.municipality):
        own_areas = select(AreaMemberProjection.area_id).where(AreaMemberProjection.code == actor.org)
        shared = await session.scalar(
            select(AreaMemberProjection.code)
            .where(AreaMemberProjection.area_id.in_(own_areas), AreaMemberProjection.code == code)
            .limit(1)
        )
        if shared is not None:
            return
    message = msg("finance.read_scope", org=actor.org, code=code)
    raise Forbidden(message, errors=[FieldError(field=field, rule="read_scope", message=message)])


async def readable_codes(session: AsyncSession, actor: Actor) -> set[str] | None:
    """The recipients a caller sees, for filtering in Python (None: all); mirrors `visible_recipients`."""
    from renkei_finance.adapters.orm import AreaMemberProjection

    if actor.reads_all:
        return None
    codes = {actor.org}
    if actor.has_role(Role.municipality):
        own_areas = select(AreaMemberProjection.area_id).where(AreaMemberProjection.code == actor.org)
        partners = select(AreaMemberProjection.code).where(AreaMemberProjection.area_id.in_(own_areas))
        codes.update((await session.scalars(partners)).all())
    return codes
