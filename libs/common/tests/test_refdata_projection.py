"""The governments as a consuming service knows them: shipped registry plus projected MunicipalityUpdated."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from renkei_common.db import Database, new_metadata
from renkei_common.events.contracts import MunicipalityUpdated
from renkei_common.events.envelope import EventEnvelope
from renkei_common.refdata import POPULATION_SOURCE, load_registry
from renkei_common.refdata.projection import (
    GOVERNMENT_TABLE,
    GovernmentColumns,
    current_registry,
    government_handlers,
)
from sqlalchemy.orm import DeclarativeBase


class _Base(DeclarativeBase):
    metadata = new_metadata()


class Government(GovernmentColumns, _Base):
    __tablename__ = GOVERNMENT_TABLE


HANDLERS = government_handlers(Government).handlers


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    async with database.engine.begin() as conn:
        await conn.run_sync(_Base.metadata.create_all)
    yield database
    await database.dispose()


def _update(code: str, name: str, population: int, *, version: int, **extra: object) -> EventEnvelope:
    payload = MunicipalityUpdated(
        code=code,
        name=name,
        kind=str(extra.pop("kind", "city")),
        prefecture_code=code[:2],
        population=population,
        population_year=2025,
        flags=list(extra.pop("flags", [])),  # type: ignore[call-overload]
        population_source="住民基本台帳 2025",
    )
    return EventEnvelope(
        type=payload.type_name(),
        source="agreements",
        subject=code,
        data=payload.model_dump(mode="json"),
        aggregate_version=version,
    )


async def _apply(db: Database, envelope: EventEnvelope) -> None:
    async with db.transaction() as session:
        await HANDLERS[envelope.type](envelope, session)


async def test_without_updates_the_shipped_registry_is_used(db: Database) -> None:
    async with db.session() as session:
        registry = await current_registry(session, Government)
    assert registry is load_registry()
    assert registry.get("062014").population_year == 2020 and POPULATION_SOURCE.startswith("出典")


async def test_a_newer_update_replaces_the_census_figure_and_an_older_one_does_not(db: Database) -> None:
    await _apply(
        db, _update("062014", "山形市", 239_000, version=3, flags=["core_city", "prefectural_capital"])
    )
    await _apply(db, _update("062014", "山形市", 1, version=2))  # a late, older update
    async with db.session() as session:
        registry = await current_registry(session, Government)
    yamagata = registry.get("062014")
    assert (yamagata.population, yamagata.population_year) == (239_000, 2025)
    assert yamagata.core_city and yamagata.prefectural_capital and not yamagata.designated_city
    assert yamagata.prefecture == "山形県"
    # Everyone else keeps the census figure.
    assert registry.get("062103") == load_registry().get("062103")
    assert len(registry) == len(load_registry())


async def test_a_government_unknown_to_the_census_is_added(db: Database) -> None:
    # 062995 is not in the 2020 census file (a well-formed code with its check digit).
    from renkei_common.refdata import check_digit

    code = "06299" + str(check_digit("06299"))
    assert code not in load_registry()
    await _apply(db, _update(code, "新町", 5_000, version=1, kind="town"))
    async with db.session() as session:
        registry = await current_registry(session, Government)
    added = registry.get(code)
    assert (added.name, added.prefecture, added.population) == ("新町", "山形県", 5_000)
    assert len(registry) == len(load_registry()) + 1
