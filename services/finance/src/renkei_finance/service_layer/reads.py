"""Read use cases behind the routes: the caller's policy and scope applied in SQL, rows out, page by page.

Routes map the rows to their response schemas by attribute name; they never see a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from renkei_common.access import visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.errors import NotFound, Unprocessable
from renkei_common.i18n import msg
from sqlalchemy import exists, select, tuple_

from renkei_finance.adapters.orm import (
    AgreementPartyProjection,
    AgreementProjection,
    AllocationLineRecord,
    AllocationRun,
    CostShareProjection,
    CostSharingProjection,
    DispatchProjection,
    GroupFundingProjection,
    GroupProjection,
)
from renkei_finance.service_layer.access import (
    ensure_can_read_code,
    ensure_can_read_recipient,
    ensure_oversight,
    ensure_reader,
    visible_recipients,
)


async def list_agreements(
    db: Database, actor: Actor, *, party: str | None, cursor: str | None, limit: int
) -> tuple[Sequence[AgreementProjection], str | None]:
    """Agreements with a party the caller may see, in id order; a `party` outside the scope is a 403."""
    ensure_reader(actor)
    parties = select(AgreementPartyProjection.agreement_id).where(
        AgreementPartyProjection.agreement_id == AgreementProjection.agreement_id
    )
    query = select(AgreementProjection).where(
        exists(parties.where(visible(actor, [AgreementPartyProjection.code])))
    )
    if party is not None:
        ensure_can_read_code(actor, party, field="party")
        query = query.where(exists(parties.where(AgreementPartyProjection.code == party)))
    if cursor:
        query = query.where(AgreementProjection.agreement_id > cursor)
    async with db.session() as session:
        rows = list(await session.scalars(query.order_by(AgreementProjection.agreement_id).limit(limit + 1)))
    return rows[:limit], rows[limit - 1].agreement_id if len(rows) > limit else None


@dataclass(frozen=True)
class Contribution:
    """One member's share (負担金) of one shared service in one FY, with the service's agreed figures."""

    fiscal_year: int
    shared_service_id: str
    name: str
    category: str
    municipality_code: str
    share_yen: int
    cost_yen: int
    formula: dict[str, Any]  # weights as decimal strings, remainder_to, rounding, classes (per cost class)
    population: int | None
    usage: str | None
    revision: int


async def list_contributions(
    db: Database, actor: Actor, *, fiscal_year: int, municipality: str | None
) -> list[Contribution]:
    """Contributions of the members the caller may see; finance never recomputes a share (issue 11 §4)."""
    ensure_reader(actor)
    query = (
        select(CostShareProjection, CostSharingProjection)
        .join(
            CostSharingProjection,
            (CostSharingProjection.shared_service_id == CostShareProjection.shared_service_id)
            & (CostSharingProjection.fiscal_year == CostShareProjection.fiscal_year),
        )
        .where(
            CostShareProjection.fiscal_year == fiscal_year,
            visible(actor, [CostShareProjection.municipality_code]),
        )
        .order_by(CostShareProjection.municipality_code, CostShareProjection.shared_service_id)
    )
    if municipality is not None:
        ensure_can_read_code(actor, municipality, field="query.municipality")
        query = query.where(CostShareProjection.municipality_code == municipality)
    async with db.session() as session:
        rows = (await session.execute(query)).all()
    return [
        Contribution(
            fiscal_year=share.fiscal_year,
            shared_service_id=share.shared_service_id,
            name=sharing.name,
            category=sharing.category,
            municipality_code=share.municipality_code,
            share_yen=share.share_yen,
            cost_yen=sharing.cost_yen,
            formula=sharing.formula,
            population=share.population,
            usage=share.usage,
            revision=sharing.revision,
        )
        for share, sharing in rows
    ]


def _line_cursor(record: AllocationLineRecord) -> str:
    return "|".join([str(record.fiscal_year), record.recipient_code, record.measure, record.key])


def _parse_line_cursor(cursor: str) -> tuple[int, str, str, str]:
    parts = cursor.split("|", 3)
    if len(parts) != 4 or not parts[0].isdigit():
        raise Unprocessable(field="query.cursor", rule="cursor", message=msg("finance.cursor_not_returned"))
    return int(parts[0]), parts[1], parts[2], parts[3]


async def list_lines(
    db: Database,
    actor: Actor,
    *,
    fiscal_year: int | None,
    recipient: str | None,
    measure: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[AllocationLineRecord], str | None]:
    """Lines the caller may see (its own, its areas' and, for a prefecture, its municipalities')."""
    ensure_reader(actor)
    query = select(AllocationLineRecord).where(visible_recipients(actor, AllocationLineRecord.recipient_code))
    if recipient is not None:
        async with db.session() as session:
            await ensure_can_read_recipient(session, actor, recipient, field="query.recipient")
        query = query.where(AllocationLineRecord.recipient_code == recipient)
    if fiscal_year is not None:
        query = query.where(AllocationLineRecord.fiscal_year == fiscal_year)
    if measure is not None:
        query = query.where(AllocationLineRecord.measure == measure)
    key = (
        AllocationLineRecord.fiscal_year,
        AllocationLineRecord.recipient_code,
        AllocationLineRecord.measure,
        AllocationLineRecord.key,
    )
    if cursor:
        query = query.where(tuple_(*key) > tuple_(*_parse_line_cursor(cursor)))
    async with db.session() as session:
        rows = list((await session.scalars(query.order_by(*key).limit(limit + 1))).all())
    return rows[:limit], _line_cursor(rows[limit - 1]) if len(rows) > limit else None


async def list_runs(
    db: Database, actor: Actor, *, cursor: int | None, limit: int
) -> tuple[Sequence[AllocationRun], str | None]:
    """Allocation runs, newest first (national, auditor)."""
    ensure_oversight(actor)
    query = select(AllocationRun).order_by(AllocationRun.sequence.desc()).limit(limit + 1)
    if cursor is not None:
        query = query.where(AllocationRun.sequence < cursor)
    async with db.session() as session:
        rows = list((await session.scalars(query)).all())
    return rows[:limit], str(rows[limit - 1].sequence) if len(rows) > limit else None


async def get_run(db: Database, actor: Actor, *, run_id: str) -> AllocationRun:
    ensure_oversight(actor)
    async with db.session() as session:
        row = await session.get(AllocationRun, run_id)
    if row is None:
        raise NotFound(msg("common.not_found", what="run", key=ascii(run_id)))
    return row


async def list_dispatches(
    db: Database,
    actor: Actor,
    *,
    employer: str | None,
    receiving: str | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[DispatchProjection], str | None]:
    """Dispatches whose employer or receiving municipality the caller may see, in id order."""
    ensure_reader(actor)
    query = select(DispatchProjection).where(
        visible(actor, [DispatchProjection.employer_code, DispatchProjection.receiving_code])
    )
    if employer is not None:
        ensure_can_read_code(actor, employer, field="query.employer")
        query = query.where(DispatchProjection.employer_code == employer)
    if receiving is not None:
        ensure_can_read_code(actor, receiving, field="query.receiving")
        query = query.where(DispatchProjection.receiving_code == receiving)
    if status is not None:
        query = query.where(DispatchProjection.status == status)
    if cursor:
        query = query.where(DispatchProjection.dispatch_id > cursor)
    async with db.session() as session:
        rows = list(await session.scalars(query.order_by(DispatchProjection.dispatch_id).limit(limit + 1)))
    return rows[:limit], rows[limit - 1].dispatch_id if len(rows) > limit else None


@dataclass(frozen=True)
class GroupWithFunding:
    """A designated group and the municipal money going to it (grants, lease rents, contracts)."""

    group: GroupProjection
    funding: list[GroupFundingProjection]


async def list_groups(
    db: Database,
    actor: Actor,
    *,
    municipality: str | None,
    fiscal_year: int | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[GroupWithFunding], str | None]:
    """Groups of the municipalities the caller may see, each with its funding (of `fiscal_year` if given)."""
    ensure_reader(actor)
    query = select(GroupProjection).where(visible(actor, [GroupProjection.municipality_code]))
    if municipality is not None:
        ensure_can_read_code(actor, municipality, field="query.municipality")
        query = query.where(GroupProjection.municipality_code == municipality)
    if cursor:
        query = query.where(GroupProjection.group_id > cursor)
    async with db.session() as session:
        groups = list(await session.scalars(query.order_by(GroupProjection.group_id).limit(limit + 1)))
        page = groups[:limit]
        funding_query = select(GroupFundingProjection).where(
            GroupFundingProjection.group_id.in_([g.group_id for g in page])
        )
        if fiscal_year is not None:
            funding_query = funding_query.where(GroupFundingProjection.fiscal_year == fiscal_year)
        funding = list(
            await session.scalars(
                funding_query.order_by(GroupFundingProjection.fiscal_year, GroupFundingProjection.funding_id)
            )
        )
    by_group: dict[str, list[GroupFundingProjection]] = {}
    for f in funding:
        by_group.setdefault(f.group_id, []).append(f)
    return (
        [GroupWithFunding(g, by_group.get(g.group_id, [])) for g in page],
        page[-1].group_id if len(groups) > limit else None,
    )
