"""What every use case needs: government lookups, aggregates loaded for update, versions and snapshots."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, TypeVar

from renkei_common.auth import Actor, ensure_can_write
from renkei_common.db import Database
from renkei_common.errors import FieldError, Forbidden, NotFound
from renkei_common.refdata import Kind, LocalGovernment
from renkei_common.writes import check_if_match, record_audit
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm.interfaces import ORMOption

from renkei_agreements.adapters.cache import cache_of
from renkei_agreements.adapters.orm import Base, Municipality, MunicipalityRow
from renkei_agreements.domain.codes import checked_code
from renkei_agreements.domain.errors import RuleViolation, Violation
from renkei_agreements.service_layer.access import ensure_can_read

Row = TypeVar("Row", bound=Base)
GOVERNMENT_ROLES = ("municipality", "prefecture")


def now() -> datetime:
    return datetime.now(UTC)


def to_government(row: Municipality | MunicipalityRow) -> LocalGovernment:
    return LocalGovernment(
        code=row.code,
        prefecture_code=row.prefecture_code,
        prefecture=row.prefecture,
        name=row.name,
        kind=Kind(row.kind),
        population=row.population,
        population_year=row.population_year,
        designated_city=row.designated_city,
        core_city=row.core_city,
        prefectural_capital=row.prefectural_capital,
    )


async def governments(session: AsyncSession, codes_by_field: Mapping[str, str]) -> dict[str, LocalGovernment]:
    """The governments named by request fields, by code; one violation per invalid or unknown code."""
    violations: list[Violation] = []
    normalised: dict[str, str] = {}
    for field, code in codes_by_field.items():
        try:
            normalised[field] = checked_code(code, field)
        except RuleViolation as exc:
            violations += exc.violations
    wanted = set(normalised.values())
    # Every write names governments, so the registry cache spares most of them this query.
    cache = cache_of(session.get_bind())
    cached = {code: row for code in wanted if cache and (row := cache.peek(code)) is not None}
    missing = wanted - set(cached)
    if missing:
        generation = cache.generation if cache else 0
        query = select(MunicipalityRow).where(MunicipalityRow.code.in_(missing))
        loaded = {row.code: Municipality.of(row) for row in (await session.scalars(query)).all()}
        if cache:
            cache.put_many(loaded, generation=generation)
        cached |= loaded
    found = {code: to_government(row) for code, row in cached.items()}
    for field, code in normalised.items():
        if code not in found:
            violations.append(
                Violation(field, "unknown_local_government", f"no local government with code {code}")
            )
    if violations:
        raise RuleViolation(violations=violations)
    return found


async def government(session: AsyncSession, code: str, field: str) -> LocalGovernment:
    return (await governments(session, {field: code}))[checked_code(code, field)]


def ensure_government_writer(actor: Actor) -> None:
    """Writes on behalf of a government need a government role; auditors, groups and services get 403."""
    ensure_can_write(actor)
    if not actor.has_role(*GOVERNMENT_ROLES):
        raise Forbidden(f"this write needs one of the roles: {', '.join(GOVERNMENT_ROLES)}")


def ensure_acts_for_one_of(actor: Actor, codes: Iterable[str], *, field: str, what: str) -> None:
    ensure_government_writer(actor)
    codes = list(codes)
    if actor.org not in codes:
        message = f"organisation {actor.org} is not {what} ({', '.join(codes)})"
        raise Forbidden(message, errors=[FieldError(field=field, rule="acts_for_own_org", message=message)])


async def load(
    session: AsyncSession,
    cls: type[Row],
    resource_id: str,
    *,
    what: str,
    for_update: bool = False,
    options: Sequence[ORMOption] = (),
) -> Row:
    """The row, locked on PostgreSQL when it is about to change (SQLite serialises writers anyway)."""
    # session.get takes the primary-key fast path: no statement to build and cache-key per call.
    row = await session.get(cls, resource_id, options=options, with_for_update=for_update or None)
    if row is None:
        raise NotFound(f"{what} {resource_id!a} not found")
    return row


async def load_readable(
    db: Database,
    actor: Actor,
    cls: type[Row],
    resource_id: str,
    *,
    what: str,
    readers: Callable[[Row], Iterable[str]],
    options: Sequence[ORMOption] = (),
) -> Row:
    """The row, if the actor may read it: `readers` names the governments taking part in it."""
    async with db.session() as session:
        row = await load(session, cls, resource_id, what=what, options=options)
    ensure_can_read(actor, readers(row), what=what)
    return row


async def fetch_page(
    db: Database,
    query: Select[Row],
    key: InstrumentedAttribute[str],
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Row], str | None]:
    """Up to `limit` rows after `cursor` in `key` order, and the cursor of the next page if there is one."""
    if cursor:
        query = query.where(key > cursor)
    async with db.session() as session:
        rows = list((await session.scalars(query.order_by(key).limit(limit + 1))).unique().all())
    return rows[:limit], (getattr(rows[limit - 1], key.key) if len(rows) > limit else None)


def touch(row: Any, if_match: str | None) -> None:
    """Check If-Match against the aggregate's version, then move the version on for this write."""
    check_if_match(if_match, resource_id=row.id, version=row.row_version)
    row.row_version += 1


@asynccontextmanager
async def audited_change(
    session: AsyncSession,
    actor: Actor,
    row: Any,
    if_match: str | None,
    *,
    action: str,
    resource_type: str,
    view: Callable[[Any], dict[str, Any]],
) -> AsyncIterator[None]:
    """Touch the aggregate for this write; if the block ends without error, audit its view before/after."""
    before = view(row)
    touch(row, if_match)
    yield
    await record_audit(
        session,
        actor=actor,
        action=action,
        resource_type=resource_type,
        resource_id=row.id,
        before=before,
        after=view(row),
    )


def snapshot(row: Any, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """The row's own columns, for the audit log."""
    skip = set(exclude)
    return {c.name: getattr(row, c.key) for c in row.__table__.columns if c.name not in skip}
