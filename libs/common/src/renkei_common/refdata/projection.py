"""The governments as any consuming service knows them: the shipped registry plus `MunicipalityUpdated`.

The agreements service owns the registry of local governments (names, kinds, flags, populations) and
publishes each change as `MunicipalityUpdated`. Another service ships the same census CSV in this package
and keeps, in its own database, only the governments that changed since: one row per code, newest
aggregate version wins (ADR 0007). A service includes it in three lines:

    class Government(GovernmentColumns, Base):
        __tablename__ = GOVERNMENT_TABLE

    REGISTRY.include(government_handlers(Government))   # and create_government_table_v1() in a migration

and reads `await current_registry(session, Government)`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy import JSON, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from renkei_common.events.contracts.agreements import MunicipalityUpdated
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.projection import ProjectionColumns, apply_if_newer

from .municipalities import Flag, Kind, LocalGovernment, Registry, load_registry

__all__ = [
    "GOVERNMENT_TABLE",
    "GovernmentColumns",
    "create_government_table_v1",
    "current_registry",
    "drop_government_table_v1",
    "government_handlers",
]

GOVERNMENT_TABLE = "reference_government"


class GovernmentColumns(ProjectionColumns):
    """Columns of a projected government; the service's own Base supplies table and metadata."""

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    prefecture_code: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    population: Mapped[int | None] = mapped_column(Integer, nullable=True)
    population_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    population_source: Mapped[str | None] = mapped_column(String(200), nullable=True)


# What a service does beside the shared projection, in the same transaction (e.g. mark figures stale).
AfterUpdate = Callable[[MunicipalityUpdated, EventMeta, AsyncSession], Awaitable[None]]


def government_handlers(
    model: type[GovernmentColumns], *, after: AfterUpdate | None = None
) -> HandlerRegistry:
    """A registry with the `MunicipalityUpdated` handler writing into `model`; include it in yours.

    `after` runs once the update is applied (not for a stale one): a service's own consequences, since an
    event type has exactly one handler per consumer.
    """
    registry = HandlerRegistry()

    @registry.handles(MunicipalityUpdated)
    async def on_municipality_updated(
        event: MunicipalityUpdated, meta: EventMeta, session: AsyncSession
    ) -> None:
        result = await apply_if_newer(
            session,
            model,
            {"code": event.code},
            meta,
            {
                "prefecture_code": event.prefecture_code[:2],
                "name": event.name,
                "kind": event.kind,
                "population": event.population,
                "population_year": event.population_year,
                "flags": sorted(event.flags),
                "population_source": event.population_source,
            },
        )
        if result.applied and after is not None:
            await after(event, meta, session)

    return registry


def overlay(base: Registry, rows: list[GovernmentColumns]) -> Registry:
    """`base` with every projected row replacing (or, for a new code, adding) its government."""
    if not rows:
        return base
    by_code = {g.code: g for g in base}
    prefectures = {g.prefecture_code: g.name for g in base.prefectures()}
    for row in rows:
        flags = set(row.flags or [])
        kind = Kind(row.kind)
        designated = Flag.DESIGNATED_CITY.value in flags
        core = Flag.CORE_CITY.value in flags
        capital = Flag.PREFECTURAL_CAPITAL.value in flags
        known = by_code.get(row.code)
        if known is not None:
            by_code[row.code] = replace(
                known,
                name=row.name,
                kind=kind,
                population=row.population,
                population_year=row.population_year,
                designated_city=designated,
                core_city=core,
                prefectural_capital=capital,
            )
        else:
            # A government created after the census (e.g. by a merger): its prefecture's name comes from
            # the prefecture's own entry.
            by_code[row.code] = LocalGovernment(
                code=row.code,
                prefecture_code=row.prefecture_code,
                prefecture=prefectures.get(row.prefecture_code, ""),
                name=row.name,
                kind=kind,
                population=row.population,
                population_year=row.population_year,
                designated_city=designated,
                core_city=core,
                prefectural_capital=capital,
            )
    return Registry(by_code.values())


async def current_registry(session: AsyncSession, model: type[GovernmentColumns]) -> Registry:
    """The shipped registry overlaid with every government this service has seen change."""
    rows = list((await session.execute(select(model))).scalars())
    return overlay(load_registry(), rows)


def create_government_table_v1() -> None:
    """Frozen DDL of the table (ADR 0002): a later change ships as a _v2 helper and a new revision."""
    op.create_table(
        GOVERNMENT_TABLE,
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("prefecture_code", sa.String(2), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("population_year", sa.Integer(), nullable=True),
        sa.Column("flags", sa.JSON(), nullable=False),
        sa.Column("population_source", sa.String(200), nullable=True),
        sa.Column("aggregate_version", sa.Integer(), nullable=False),
        sa.Column("tombstone", sa.Boolean(), nullable=False),
        sa.Column("last_event_id", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("code", name=f"pk_{GOVERNMENT_TABLE}"),
    )


def drop_government_table_v1() -> None:
    op.drop_table(GOVERNMENT_TABLE)
