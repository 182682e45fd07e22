"""The governments a write names, from the registry (cached per process): checked codes, one query at most."""

from __future__ import annotations

from collections.abc import Mapping

from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.i18n import msg
from renkei_common.refdata import LocalGovernment
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_agreements.adapters.cache import cache_of
from renkei_agreements.adapters.orm import Municipality, MunicipalityRow
from renkei_agreements.domain.codes import checked_code


def to_government(row: Municipality | MunicipalityRow) -> LocalGovernment:
    return LocalGovernment(
        code=row.code,
        prefecture_code=row.prefecture_code,
        prefecture=row.prefecture,
        name=row.name,
        kind=row.kind,
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
                Violation(
                    field, "unknown_local_government", msg("agreements.unknown_local_government", code=code)
                )
            )
    if violations:
        raise RuleViolation(violations=violations)
    return found


async def government(session: AsyncSession, code: str, field: str) -> LocalGovernment:
    return (await governments(session, {field: code}))[checked_code(code, field)]
