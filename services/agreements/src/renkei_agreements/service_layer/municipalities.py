"""Use cases of the municipality registry: list, look up, and refresh populations from a CSV import."""

from __future__ import annotations

from dataclasses import dataclass

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.errors import FieldError, Forbidden, NotFound
from renkei_common.events.contracts import MunicipalityUpdated
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, new_id, now
from renkei_common.refdata import Flag, Kind
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select

from renkei_agreements.adapters.cache import TtlCache
from renkei_agreements.adapters.orm import Municipality, MunicipalityRow, PopulationImportRow
from renkei_agreements.domain.codes import checked_code
from renkei_agreements.domain.population_import import LOCATION, PopulationRow, parse_population_csv
from renkei_agreements.service_layer.cost_sharings import recompute_after_population_import
from renkei_agreements.service_layer.governments import to_government

IMPORT_ROLES = ("operator", "national", "prefecture")
POPULATION = ("population", "population_year", "population_source")


@dataclass(frozen=True)
class PopulationChange:
    row: MunicipalityRow
    previous_population: int | None
    previous_population_year: int | None


@dataclass(frozen=True)
class PopulationImport:
    row: PopulationImportRow
    changes: list[PopulationChange]


async def list_municipalities(
    *,
    db: Database,
    prefecture: str | None = None,
    kind: Kind | None = None,
    flag: Flag | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> tuple[list[MunicipalityRow], str | None]:
    query = select(MunicipalityRow)
    if prefecture is not None:
        query = query.where(MunicipalityRow.prefecture_code == prefecture)
    if kind is not None:
        query = query.where(MunicipalityRow.kind == kind)
    if flag is not None:
        query = query.where(getattr(MunicipalityRow, flag.value).is_(True))
    return await fetch_page(db, query, MunicipalityRow.code, cursor=cursor, limit=limit)


async def get_municipality(
    *, db: Database, code: str, cache: TtlCache[Municipality] | None = None
) -> Municipality:
    """One government; the most frequent read of all, hence served from `cache` when one is given."""
    normalised = checked_code(code, "code")

    async def fetch() -> Municipality | None:
        async with db.session() as session:
            row = await session.get(MunicipalityRow, normalised)
        return Municipality.of(row) if row is not None else None

    row = await cache.get(normalised, fetch) if cache is not None else await fetch()
    if row is None:
        raise NotFound(msg("agreements.unknown_local_government", code=normalised))
    return row


def _population(row: MunicipalityRow) -> dict[str, object]:
    return {name: getattr(row, name) for name in POPULATION}


async def import_populations(
    *,
    db: Database,
    actor: Actor,
    csv_text: str,
    year: int,
    source: str,
    cache: TtlCache[Municipality] | None = None,
) -> PopulationImport:
    """Refresh populations from an e-Stat style file; all rows or none, one MunicipalityUpdated per change."""
    if not actor.has_role(*IMPORT_ROLES) or actor.is_auditor:
        raise Forbidden(msg("agreements.import.needs_role", roles=list(IMPORT_ROLES)))
    async with unit_of_work(db, actor) as uow:
        existing = {row.code: row for row in (await uow.session.scalars(select(MunicipalityRow))).all()}
        parsed = parse_population_csv(csv_text, known_codes=existing)
        _ensure_may_import(actor, parsed)
        stale = [
            Violation(
                r.field("population"),
                "newer_figure_exists",
                msg(
                    "agreements.import.newer_figure_exists",
                    line=r.line,
                    code=r.code,
                    year=existing[r.code].population_year,
                ),
                line=r.line,
            )
            for r in parsed
            if (existing[r.code].population_year or 0) > year
        ]
        if stale:
            raise RuleViolation(violations=stale, location=LOCATION)
        changes = []
        at = now()
        for parsed_row in parsed:
            row = existing[parsed_row.code]
            if (row.population, row.population_year, row.population_source) == (
                parsed_row.population,
                year,
                source,
            ):
                continue
            changes.append(PopulationChange(row, row.population, row.population_year))
            uow.change(row, if_match=None, action="municipality.population_imported", view=_population)
            row.population, row.population_year, row.population_source = parsed_row.population, year, source
            row.updated_at = at
            uow.emit(row, _updated_event(row, changes[-1]))
        # Agreed cost sharings weighted by population follow in the same transaction, so finance never
        # reports shares computed on figures the registry no longer holds.
        await recompute_after_population_import(uow, codes=[c.row.code for c in changes], year=year)
        record = PopulationImportRow(
            id=new_id(),
            year=year,
            source=source,
            row_count=len(parsed),
            changed_codes=[c.row.code for c in changes],
            imported_by_org=actor.org,
            imported_by_sub=actor.sub,
            imported_at=at,
        )
        summary = {"year": year, "source": source, "rows": len(parsed), "changed": len(changes)}
        uow.add(record, action="population_import.accepted", view=lambda _: summary)
    if cache is not None:
        cache.clear()
    return PopulationImport(record, changes)


def _ensure_may_import(actor: Actor, rows: list[PopulationRow]) -> None:
    """Operators and MIC refresh anyone; a prefecture only the governments of its own prefecture."""
    if actor.has_role("operator", "national"):
        return
    outside = [r for r in rows if r.code[:2] != actor.org[:2]]
    if outside:
        errors = [
            FieldError(
                # The same field shape as the parser's 422s: `body.line[N].code`, N the file's line.
                field=f"{LOCATION}.{r.field('code')}",
                rule="own_prefecture_only",
                message=msg(
                    "agreements.import.own_prefecture_only",
                    line=r.line,
                    code=r.code,
                    prefecture=actor.org[:2],
                ),
                line=r.line,
            )
            for r in outside[:50]
        ]
        raise Forbidden(
            msg("agreements.import.outside_prefecture", count=len(outside)),
            errors=errors,
        )


def _updated_event(row: MunicipalityRow, change: PopulationChange) -> MunicipalityUpdated:
    return MunicipalityUpdated(
        code=row.code,
        name=row.name,
        kind=row.kind,
        prefecture_code=row.prefecture_code,
        population=row.population,
        population_year=row.population_year,
        flags=to_government(row).flags,
        population_source=row.population_source,
        previous_population=change.previous_population,
        previous_population_year=change.previous_population_year,
    )
