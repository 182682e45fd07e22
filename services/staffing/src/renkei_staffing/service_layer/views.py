"""Read-only views: dispatches by prefecture, municipality or profession, and the coverage of needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from renkei_common.access import visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.persistence import now
from sqlalchemy import func, select

from renkei_staffing.adapters.orm import DispatchRow, NeedRow
from renkei_staffing.domain.enums import NeedStatus
from renkei_staffing.service_layer.access import ensure_reader
from renkei_staffing.service_layer.common import registry

MAX_LISTED = 500  # ids of long-unfilled needs listed; the count covers all of them


class DispatchGrouping(StrEnum):
    PREFECTURE = "prefecture"
    MUNICIPALITY = "municipality"
    PROFESSION = "profession"


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    label: str
    dispatches: int


async def dispatches_by(*, db: Database, actor: Actor, by: DispatchGrouping, on: date) -> list[Group]:
    """Dispatches under way on `on` (not ended before it) that the actor may see, counted per group."""
    last_day = func.coalesce(DispatchRow.ended_on, DispatchRow.ends_on)
    column = {
        DispatchGrouping.PREFECTURE: func.substr(DispatchRow.receiving_code, 1, 2),
        DispatchGrouping.MUNICIPALITY: DispatchRow.receiving_code,
        DispatchGrouping.PROFESSION: DispatchRow.profession_code,
    }[by]
    query = (
        select(column, func.count())
        .where(
            visible(actor, [DispatchRow.employer_code, DispatchRow.receiving_code]),
            DispatchRow.starts_on <= on,
            last_day >= on,
        )
        .group_by(column)
        .order_by(column)
    )
    async with db.session() as session:
        rows = (await session.execute(query)).all()
        governments = await registry(session)
    prefecture_names = {g.prefecture_code: g.prefecture for g in governments if g.is_prefecture}
    groups = []
    for key, count in rows:
        label = key
        if by is DispatchGrouping.PREFECTURE:
            label = prefecture_names.get(key, key)
        elif by is DispatchGrouping.MUNICIPALITY:
            found = governments.find(key)
            label = found.name if found else key
        groups.append(Group(key=key, label=label, dispatches=int(count)))
    return groups


@dataclass(frozen=True, slots=True)
class Coverage:
    open: int
    filled: int
    cancelled: int
    unfilled_days: int
    unfilled_longer: int  # open needs stated more than `unfilled_days` days ago
    unfilled_longer_ids: list[str]  # the first MAX_LISTED, oldest first


async def needs_coverage(
    *, db: Database, actor: Actor, municipality_code: str | None, unfilled_days: int
) -> Coverage:
    ensure_reader(actor)
    query = select(NeedRow.status, func.count()).group_by(NeedRow.status)
    stale = select(NeedRow.id).where(
        NeedRow.status == NeedStatus.OPEN, NeedRow.created_at < now() - timedelta(days=unfilled_days)
    )
    if municipality_code:
        query = query.where(NeedRow.municipality_code == municipality_code)
        stale = stale.where(NeedRow.municipality_code == municipality_code)
    async with db.session() as session:
        counts = {NeedStatus(status): int(count) for status, count in (await session.execute(query)).all()}
        stale_count = int(
            (await session.execute(select(func.count()).select_from(stale.subquery()))).scalar_one()
        )
        stale_ids = list((await session.scalars(stale.order_by(NeedRow.id).limit(MAX_LISTED))).all())
    return Coverage(
        open=counts.get(NeedStatus.OPEN, 0),
        filled=counts.get(NeedStatus.FILLED, 0),
        cancelled=counts.get(NeedStatus.CANCELLED, 0),
        unfilled_days=unfilled_days,
        unfilled_longer=stale_count,
        unfilled_longer_ids=stale_ids,
    )
