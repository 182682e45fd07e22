"""Use cases of the effects of designation: changes, support, coordination, leases, no-bid contracts.

Each is valid only while the group is designated (409 designation_in_force otherwise). The group row is
locked for every effect, so the check and the write see the same status; a lease also locks its asset, so
two leases of one part of an asset can never both pass the overlap check.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation
from renkei_common.events.contracts import (
    ContractAwarded,
    CoordinationRequested,
    CoordinationRequestUpdated,
    EventPayload,
    GroupDesignationChanged,
    GroupSupportGranted,
    PropertyLeaseGranted,
)
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now, snapshot
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import select
from sqlalchemy.orm.interfaces import ORMOption

from renkei_groups.adapters.orm import (
    ContractRow,
    CoordinationRequestRow,
    GroupRow,
    LeasedAssetRow,
    LeaseRow,
    SupportRow,
)
from renkei_groups.domain import effects, lifecycle
from renkei_groups.domain.kinds import CoordinationStatus, NoticeKind
from renkei_groups.domain.profiles import profile_in_force
from renkei_groups.service_layer.access import ensure_can_read_group, ensure_group_writer, visible_groups
from renkei_groups.service_layer.applications import WITH_MEMBERS, for_municipality, notice
from renkei_groups.service_layer.commands import (
    AdvanceCoordination,
    AwardContract,
    GrantLease,
    GrantSupport,
    RecordChange,
    RequestCoordination,
)
from renkei_groups.service_layer.mapping import profile_of, today
from renkei_groups.service_layer.profiles import versions_of


async def designated_group_for_municipality(
    uow: UnitOfWork,
    group_id: str,
    *,
    if_match: str | None,
    action: str,
    effect: str,
    options: Sequence[ORMOption] = (),
) -> GroupRow:
    row = await for_municipality(uow, group_id, if_match=if_match, action=action, options=options)
    lifecycle.ensure_designated(row.status, effect=effect)
    return row


def record_effect(uow: UnitOfWork, group: GroupRow, row: object, payload: EventPayload) -> None:
    """An effect's row, audited as the change of its group and announced with the group's new version."""
    uow.session.add(row)
    uow.audit(group, after=snapshot(row))
    uow.emit(group, payload)


async def record_change(
    *, db: Database, actor: Actor, group_id: str, command: RecordChange, if_match: str | None
) -> GroupRow:
    """A notified change of name, office or representative, recorded and noticed by the municipality."""
    async with unit_of_work(db, actor) as uow:
        row = await designated_group_for_municipality(
            uow,
            group_id,
            if_match=if_match,
            action="group.designation_changed",
            effect="a change",
            options=WITH_MEMBERS,
        )
        changed = []
        if command.name is not None and command.name != row.name:
            row.name = command.name
            changed.append("name")
        if command.office is not None and command.office != row.office:
            row.office = command.office
            changed.append("office")
        if command.representative is not None:
            row.representative = {
                "name": command.representative.name,
                "address": command.representative.address,
                "contact": command.representative.contact,
            }
            changed.append("representative")
        if not changed:
            raise RuleViolation("body", "something_changed", msg("groups.something_changed"))
        # The notice names what changed, never who the new representative is.
        uow.session.add(
            notice(row, NoticeKind.change, command.notice_number, command.changed_on, ",".join(changed))
        )
        uow.emit(
            row,
            GroupDesignationChanged(
                group_id=row.id,
                municipality_code=row.municipality_code,
                changed_fields=changed,
                name=row.name,
                office=row.office,
                changed_on=command.changed_on,
                notice_number=command.notice_number,
            ),
        )
    return row


async def grant_support(
    *, db: Database, actor: Actor, group_id: str, command: GrantSupport, if_match: str | None
) -> SupportRow:
    effects.check_support(command.kind, command.amount_yen)
    async with unit_of_work(db, actor) as uow:
        group = await designated_group_for_municipality(
            uow, group_id, if_match=if_match, action="group.support_granted", effect="support"
        )
        row = SupportRow(
            id=new_id(),
            group_id=group.id,
            municipality_code=group.municipality_code,
            kind=command.kind,
            amount_yen=command.amount_yen,
            fiscal_year=command.fiscal_year,
            purpose=command.purpose,
            granted_on=command.granted_on,
            recorded_at=now(),
        )
        record_effect(
            uow,
            group,
            row,
            GroupSupportGranted(
                group_id=group.id,
                municipality_code=group.municipality_code,
                support_id=row.id,
                kind=row.kind,
                amount_yen=row.amount_yen,
                fiscal_year=row.fiscal_year,
                purpose=row.purpose,
                granted_on=row.granted_on,
            ),
        )
    return row


async def grant_lease(
    *, db: Database, actor: Actor, group_id: str, command: GrantLease, if_match: str | None
) -> LeaseRow:
    """行政財産の貸付け: never two leases of the same part of an asset over overlapping periods."""
    lease = effects.Lease(
        command.asset_id, command.part, effects.Period(command.start_on, command.end_on), command.rent_yen
    )
    effects.ensure_no_overlap(lease, [])  # the input rules first, before any lock is taken
    async with unit_of_work(db, actor) as uow:
        group = await designated_group_for_municipality(
            uow, group_id, if_match=if_match, action="group.lease_granted", effect="a lease"
        )
        asset = await _asset(uow, group.municipality_code, command.asset_id, command.asset_name)
        existing = (
            await uow.session.scalars(select(LeaseRow).where(LeaseRow.leased_asset_id == asset.id))
        ).all()
        effects.ensure_no_overlap(
            lease,
            [
                (r.id, effects.Lease(r.asset_id, r.part, effects.Period(r.start_on, r.end_on), r.rent_yen))
                for r in existing
            ],
        )
        row = LeaseRow(
            id=new_id(),
            group_id=group.id,
            municipality_code=group.municipality_code,
            leased_asset_id=asset.id,
            asset_id=command.asset_id,
            asset_name=command.asset_name,
            part=effects.normalise_part(command.part),
            start_on=command.start_on,
            end_on=command.end_on,
            rent_yen=command.rent_yen,
            rent_reduced=command.rent_reduced or command.rent_yen == 0,
            recorded_at=now(),
        )
        record_effect(
            uow,
            group,
            row,
            PropertyLeaseGranted(
                group_id=group.id,
                municipality_code=group.municipality_code,
                lease_id=row.id,
                asset_id=row.asset_id,
                asset_name=row.asset_name,
                part=row.part,
                start_on=row.start_on,
                end_on=row.end_on,
                rent_yen=row.rent_yen,
                rent_reduced=row.rent_reduced,
            ),
        )
    return row


async def _asset(uow: UnitOfWork, municipality_code: str, asset_id: str, name: str) -> LeasedAssetRow:
    """The asset's row, locked; created on its first lease (a concurrent first lease loses with a 409)."""
    query = select(LeasedAssetRow).where(
        LeasedAssetRow.municipality_code == municipality_code, LeasedAssetRow.asset_id == asset_id
    )
    found = (await uow.session.execute(query.with_for_update())).scalar_one_or_none()
    if found is not None:
        return found
    row = LeasedAssetRow(id=new_id(), municipality_code=municipality_code, asset_id=asset_id, name=name)
    uow.add(row, action="leased_asset.registered")
    await uow.session.flush()
    return row


async def award_contract(
    *, db: Database, actor: Actor, group_id: str, command: AwardContract, if_match: str | None
) -> ContractRow:
    """随意契約による委託 to a designated group."""
    effects.check_contract(command.amount_yen, effects.Period(command.start_on, command.end_on))
    async with unit_of_work(db, actor) as uow:
        group = await designated_group_for_municipality(
            uow, group_id, if_match=if_match, action="group.contract_awarded", effect="a no-bid contract"
        )
        row = ContractRow(
            id=new_id(),
            group_id=group.id,
            municipality_code=group.municipality_code,
            subject=command.subject,
            amount_yen=command.amount_yen,
            fiscal_year=command.fiscal_year,
            start_on=command.start_on,
            end_on=command.end_on,
            awarded_on=command.awarded_on,
            awarded_at=now(),
        )
        record_effect(
            uow,
            group,
            row,
            ContractAwarded(
                group_id=group.id,
                municipality_code=group.municipality_code,
                contract_id=row.id,
                subject=row.subject,
                amount_yen=row.amount_yen,
                fiscal_year=row.fiscal_year,
                start_on=row.start_on,
                end_on=row.end_on,
                awarded_on=row.awarded_on,
            ),
        )
    return row


async def request_coordination(
    *, db: Database, actor: Actor, group_id: str, command: RequestCoordination
) -> CoordinationRequestRow:
    """調整の求め from the group; due for an answer within the profile's period."""
    received_on = command.received_on or today()
    async with unit_of_work(db, actor) as uow:
        group = await uow.load(GroupRow, group_id, what="group")
        ensure_group_writer(actor, group.id)
        lifecycle.ensure_designated(group.status, effect="a coordination request")
        answer_days = await _answer_days(uow, group, received_on)
        row = CoordinationRequestRow(
            id=new_id(),
            group_id=group.id,
            municipality_code=group.municipality_code,
            subject=command.subject,
            counterparties=list(command.counterparties),
            status=CoordinationStatus.received,
            received_on=received_on,
            due_on=effects.coordination_due_on(received_on, answer_days),
        )
        uow.add(row, action="coordination_request.received")
        uow.emit(
            row,
            CoordinationRequested(
                group_id=group.id,
                municipality_code=group.municipality_code,
                request_id=row.id,
                subject=row.subject,
                counterparties=row.counterparties,
                received_on=row.received_on,
                due_on=row.due_on,
            ),
        )
    return row


async def _answer_days(uow: UnitOfWork, group: GroupRow, on: date) -> int:
    versions = [profile_of(v) for v in await versions_of(uow.session, group.municipality_code)]
    return profile_in_force(versions, on).coordination_answer_days


async def advance_coordination(
    *, db: Database, actor: Actor, request_id: str, command: AdvanceCoordination, if_match: str | None
) -> CoordinationRequestRow:
    async with unit_of_work(db, actor) as uow:
        row = await uow.load_for_change(
            CoordinationRequestRow,
            request_id,
            if_match=if_match,
            action=f"coordination_request.{command.status.value}",
            writers=lambda r: [r.municipality_code],
            field="path.request_id",
            what="the group's municipality",
        )
        effects.advance_coordination(
            row.status, command.status, answer=command.answer, answered_on=command.answered_on
        )
        row.status = command.status
        if command.status is CoordinationStatus.answered:
            row.answer, row.answered_on = command.answer, command.answered_on
        uow.emit(
            row,
            CoordinationRequestUpdated(
                group_id=row.group_id,
                municipality_code=row.municipality_code,
                request_id=row.id,
                status=row.status,
                answered_on=row.answered_on,
            ),
        )
    return row


async def list_coordination_requests(
    *,
    db: Database,
    actor: Actor,
    municipality_code: str | None,
    overdue_on: date | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[CoordinationRequestRow], str | None]:
    """The requests the caller may read; with `overdue_on`, only those unanswered past their due date."""
    mine = select(GroupRow.id).where(visible_groups(actor))
    query = select(CoordinationRequestRow).where(CoordinationRequestRow.group_id.in_(mine))
    if municipality_code is not None:
        query = query.where(CoordinationRequestRow.municipality_code == municipality_code)
    if overdue_on is not None:
        query = query.where(
            CoordinationRequestRow.status != CoordinationStatus.answered,
            CoordinationRequestRow.due_on < overdue_on,
        )
    return await fetch_page(db, query, CoordinationRequestRow.id, cursor=cursor, limit=limit)


async def effects_of(*, db: Database, actor: Actor, group_id: str) -> dict[str, list[object]]:
    """Everything recorded for the group: support, coordination requests, leases, contracts."""
    async with db.session() as session:
        group = await load(session, GroupRow, group_id, what="group")
        ensure_can_read_group(actor, group)
        found: dict[str, list[object]] = {}
        for name, model in (
            ("supports", SupportRow),
            ("coordination_requests", CoordinationRequestRow),
            ("leases", LeaseRow),
            ("contracts", ContractRow),
        ):
            query = select(model).where(model.group_id == group_id).order_by(model.id)
            found[name] = list((await session.scalars(query)).all())
    return found
