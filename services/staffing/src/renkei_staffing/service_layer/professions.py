"""Use cases of the profession catalogue: operators and `national` add professions; everyone reads them."""

from __future__ import annotations

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import StateConflict
from renkei_common.events.contracts.staffing import ProfessionDefined
from renkei_common.i18n import msg
from renkei_common.persistence import load
from renkei_common.unit_of_work import unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_staffing.adapters.orm import ProfessionRow
from renkei_staffing.domain.professions import Profession, check_profession
from renkei_staffing.service_layer.access import ensure_definer
from renkei_staffing.service_layer.commands import DefineProfession


def to_profession(row: ProfessionRow) -> Profession:
    return Profession(
        code=row.code,
        name=row.name,
        required_licences=tuple(row.required_licences),
        covered_by_measure=row.covered_by_measure,
        description=row.description,
    )


# A profession is never changed once defined (a new one gets a new code), so this process may keep what
# it has read; an unknown code is not cached, so a profession added meanwhile is found.
# Keyed by database too: tests (and tools) open several databases in one process.
_known: dict[tuple[str, str], Profession] = {}


async def profession(session: AsyncSession, code: str) -> Profession | None:
    key = (str(session.get_bind().engine.url), code)
    found = _known.get(key)
    if found is None:
        row = await session.get(ProfessionRow, code)
        if row is None:
            return None
        found = _known[key] = to_profession(row)
    return found


async def define_profession(*, db: Database, actor: Actor, command: DefineProfession) -> ProfessionRow:
    ensure_definer(actor)
    checked = check_profession(
        Profession(
            code=command.code,
            name=command.name,
            required_licences=command.required_licences,
            covered_by_measure=command.covered_by_measure,
            description=command.description,
        )
    )
    async with unit_of_work(db, actor) as uow:
        if await uow.session.get(ProfessionRow, checked.code) is not None:
            raise StateConflict(
                msg("staffing.profession_exists", checked_code=checked.code), rule="profession_exists"
            )
        row = uow.add(
            ProfessionRow(
                code=checked.code,
                name=checked.name,
                required_licences=list(checked.required_licences),
                covered_by_measure=checked.covered_by_measure,
                description=checked.description,
            ),
            action="profession.defined",
        )
        uow.emit(
            row,
            ProfessionDefined(
                profession_code=row.code,
                name=row.name,
                required_licences=list(checked.required_licences),
                covered_by_measure=row.covered_by_measure,
            ),
        )
    return row


async def list_professions(*, db: Database) -> list[ProfessionRow]:
    async with db.session() as session:
        return list((await session.scalars(select(ProfessionRow).order_by(ProfessionRow.code))).all())


async def get_profession(*, db: Database, code: str) -> ProfessionRow:
    async with db.session() as session:
        return await load(session, ProfessionRow, code, what="profession")
