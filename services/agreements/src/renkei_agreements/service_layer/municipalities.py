"""Use cases of the municipality registry: list, look up, and refresh populations from a CSV import."""

from __future__ import annotations

from dataclasses import dataclass

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.errors import FieldError, Forbidden, NotFound
from renkei_common.events.contracts import MunicipalityUpdated
from renkei_common.events.outbox import add_event
from renkei_common.refdata import Flag, Kind
from renkei_common.writes import record_audit
from sqlalchemy import select

from renkei_agreements.adapters.cache import TtlCache
from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import Municipality, MunicipalityRow, PopulationImportRow
from renkei_agreements.domain.codes import checked_code
from renkei_agreements.domain.errors import RuleViolation, Violation
from renkei_agreements.domain.population_import import parse_population_csv
from renkei_agreements.service_layer.common import fetch_page, now, to_government

IMPORT_ROLES = ("operator", "national", "prefecture")


@dataclass(frozen=True)
class PopulationImport:
    row: PopulationImportRow
    changes: list[tuple[MunicipalityRow, int | None, int | None]]  # row, previous population, previous year


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
        query = query.where(MunicipalityRow.kind == kind.value)
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
        raise NotFound(f"no local government with code {normalised}")
    return row


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
        raise Forbidden(f"population imports need one of the roles: {', '.join(IMPORT_ROLES)}")
    async with db.transaction() as session:
        existing = {row.code: row for row in (await session.scalars(select(MunicipalityRow))).all()}
        parsed = parse_population_csv(csv_text, known_codes=existing)
        _ensure_may_import(actor, [(r.index, r.code) for r in parsed])
        stale = [
            Violation(
                f"rows[{r.index}].population",
                "newer_figure_exists",
                f"line {r.line}: {r.code} already has a figure for {existing[r.code].population_year}",
            )
            for r in parsed
            if (existing[r.code].population_year or 0) > year
        ]
        if stale:
            raise RuleViolation(violations=stale, location=None)
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
            before = {
                "population": row.population,
                "population_year": row.population_year,
                "population_source": row.population_source,
            }
            changes.append((row, row.population, row.population_year))
            row.population, row.population_year, row.population_source = parsed_row.population, year, source
            row.row_version += 1
            row.updated_at = at
            await add_event(
                session, _updated_event(row, before), subject=row.code, aggregate_version=row.row_version
            )
            await record_audit(
                session,
                actor=actor,
                action="municipality.population_imported",
                resource_type="municipality",
                resource_id=row.code,
                before=before,
                after={
                    **before,
                    "population": row.population,
                    "population_year": year,
                    "population_source": source,
                },
            )
        record = PopulationImportRow(
            id=new_id(),
            year=year,
            source=source,
            row_count=len(parsed),
            changed_codes=[c[0].code for c in changes],
            imported_by_org=actor.org,
            imported_by_sub=actor.sub,
            imported_at=at,
        )
        session.add(record)
        await record_audit(
            session,
            actor=actor,
            action="population_import.accepted",
            resource_type="population_import",
            resource_id=record.id,
            after={"year": year, "source": source, "rows": len(parsed), "changed": len(changes)},
        )
    if cache is not None:
        cache.clear()
    return PopulationImport(record, changes)


def _ensure_may_import(actor: Actor, rows: list[tuple[int, str]]) -> None:
    """Operators and MIC refresh anyone; a prefecture only the governments of its own prefecture."""
    if actor.has_role("operator", "national"):
        return
    outside = [(i, code) for i, code in rows if code[:2] != actor.org[:2]]
    if outside:
        errors = [
            FieldError(
                field=f"rows[{i}].code",
                rule="own_prefecture_only",
                message=f"{code} is outside prefecture {actor.org[:2]}",
            )
            for i, code in outside[:50]
        ]
        raise Forbidden(
            f"a prefecture refreshes only its own municipalities; {len(outside)} rows are outside",
            errors=errors,
        )


def _updated_event(row: MunicipalityRow, before: dict[str, object]) -> MunicipalityUpdated:
    government = to_government(row)
    return MunicipalityUpdated(
        code=row.code,
        name=row.name,
        kind=row.kind,
        prefecture_code=row.prefecture_code,
        population=row.population,
        population_year=row.population_year,
        flags=government.flags,
        population_source=row.population_source,
        previous_population=before["population"],
        previous_population_year=before["population_year"],
    )
