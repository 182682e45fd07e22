"""Projects designated groups and the municipal money going to them: grants, lease rents, contracts."""

from __future__ import annotations

from datetime import date

from renkei_common.events.contracts.groups import (
    ContractAwarded,
    GroupDesignated,
    GroupDesignationChanged,
    GroupDesignationRevoked,
    GroupSupportGranted,
    PropertyLeaseGranted,
)
from renkei_common.events.handlers import EventMeta, HandlerRegistry
from renkei_common.events.projection import apply_if_newer
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_finance.adapters.orm import GroupFundingProjection, GroupProjection
from renkei_finance.domain.fiscal import fiscal_year_of

registry = HandlerRegistry()


@registry.handles(GroupDesignated, GroupDesignationChanged)
async def on_group(
    event: GroupDesignated | GroupDesignationChanged, meta: EventMeta, session: AsyncSession
) -> None:
    def designated(row: GroupProjection) -> None:
        row.municipality_code = event.municipality_code
        row.name = event.name
        if isinstance(event, GroupDesignated):
            row.designated_on = event.designated_on
        row.status = "designated"

    await apply_if_newer(session, GroupProjection, {"group_id": event.group_id}, meta, designated)


@registry.handles(GroupDesignationRevoked)
async def on_group_revoked(event: GroupDesignationRevoked, meta: EventMeta, session: AsyncSession) -> None:
    values = {
        "municipality_code": event.municipality_code,
        "revoked_on": event.revoked_on,
        "status": "revoked",
        # Ids, not rows: a lease or contract whose own event comes later (another aggregate, another
        # order) is matched when it is read, so the review flag never depends on arrival order.
        "review_funding_ids": sorted(set(event.active_lease_ids) | set(event.active_contract_ids)),
    }
    await apply_if_newer(session, GroupProjection, {"group_id": event.group_id}, meta, values, tombstone=True)


async def _funding(
    session: AsyncSession,
    meta: EventMeta,
    funding_id: str,
    event: GroupSupportGranted | PropertyLeaseGranted | ContractAwarded,
    *,
    kind: str,
    fiscal_year: int,
    amount_yen: int,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> None:
    values = {
        "kind": kind,
        "group_id": event.group_id,
        "municipality_code": event.municipality_code,
        "fiscal_year": fiscal_year,
        "amount_yen": amount_yen,
        "starts_on": starts_on,
        "ends_on": ends_on,
    }
    await apply_if_newer(session, GroupFundingProjection, {"funding_id": funding_id}, meta, values)


@registry.handles(GroupSupportGranted)
async def on_support(event: GroupSupportGranted, meta: EventMeta, session: AsyncSession) -> None:
    if event.amount_yen is None:
        return  # information, not money
    await _funding(
        session,
        meta,
        event.support_id,
        event,
        kind="grant",
        fiscal_year=event.fiscal_year,
        amount_yen=event.amount_yen,
    )


@registry.handles(PropertyLeaseGranted)
async def on_lease(event: PropertyLeaseGranted, meta: EventMeta, session: AsyncSession) -> None:
    await _funding(
        session,
        meta,
        event.lease_id,
        event,
        kind="lease",
        fiscal_year=fiscal_year_of(event.start_on),
        amount_yen=event.rent_yen,
        starts_on=event.start_on,
        ends_on=event.end_on,
    )


@registry.handles(ContractAwarded)
async def on_contract(event: ContractAwarded, meta: EventMeta, session: AsyncSession) -> None:
    await _funding(
        session,
        meta,
        event.contract_id,
        event,
        kind="contract",
        fiscal_year=event.fiscal_year,
        amount_yen=event.amount_yen,
        starts_on=event.start_on,
        ends_on=event.end_on,
    )
