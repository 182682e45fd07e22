"""Who may read what: national and auditor all, a prefecture its own prefecture, a government its own."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from renkei_common.auth import Actor
from renkei_common.errors import Forbidden
from sqlalchemy import ColumnElement, false, or_, true
from sqlalchemy.orm import InstrumentedAttribute


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
        raise Forbidden(f"organisation {actor.org} is not a participant of this {what} and may not read it")


def visible(actor: Actor, columns: Sequence[InstrumentedAttribute[str]]) -> ColumnElement[bool]:
    """A SQL filter matching rows where one of `columns` (団体コード columns) names someone the actor sees."""
    if actor.reads_all:
        return true()
    conditions: list[ColumnElement[bool]] = [column == actor.org for column in columns]
    scope = prefecture_scope(actor)
    if scope is not None:
        conditions += [column.startswith(scope, autoescape=True) for column in columns]
    return or_(*conditions) if conditions else false()
