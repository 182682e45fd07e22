"""Use cases of areas: declare one (with its requirement checks), manage members over time, read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.events.contracts import AreaDeclared, AreaMember, AreaUpdated
from renkei_common.events.outbox import add_event
from renkei_common.writes import jsonable, record_audit
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from renkei_agreements.adapters.ids import new_id
from renkei_agreements.adapters.orm import AreaMemberRow, AreaRow
from renkei_agreements.api.schemas.areas import AreaCreate, AreaUpdate, MemberCreate, MemberUpdate
from renkei_agreements.domain.errors import RuleViolation, Violation
from renkei_agreements.domain.membership import Membership, Period, check_new_members
from renkei_agreements.domain.requirements import Centre, Partner, check_declaration
from renkei_agreements.service_layer.access import visible
from renkei_agreements.service_layer.common import (
    ensure_acts_for_one_of,
    fetch_page,
    government,
    governments,
    load,
    load_readable,
    now,
    snapshot,
    touch,
)

DECLARATION_KINDS = {"metropolitan": "renkei_chusu_toshi_sengen", "settlement": "chushin_shi_sengen"}


def participants(area: AreaRow) -> set[str]:
    """Everyone who is or was part of the area: they may read it."""
    return set(area.centre_codes) | {m.code for m in area.members}


async def declare_area(*, db: Database, actor: Actor, body: AreaCreate) -> AreaRow:
    """連携中枢都市宣言 / 中心市宣言 by the centre itself; requirement findings are stored as warnings."""
    centre_codes = [c.code for c in body.centres]
    ensure_acts_for_one_of(actor, centre_codes, field="body.centres", what="a centre of this area")
    fields = {f"centres[{i}].code": c.code for i, c in enumerate(body.centres)}
    fields |= {f"members[{i}].code": m.code for i, m in enumerate(body.members)}
    async with db.transaction() as session:
        govs = await governments(session, fields)
        _check_distinct(centre_codes, [m.code for m in body.members])
        findings = check_declaration(
            body.area_type,
            [Centre(govs[c.code], c.day_night_ratio) for c in body.centres],
            [
                Partner(govs[m.code], m.commuting_share, i)
                for i, m in enumerate(body.members)
                if m.role == "partner"
            ],
            centres_adjacent=body.centres_adjacent,
        )
        area_id = new_id()
        wanted = [
            (f"centres[{i}]", Membership(code, "centre", Period(body.declared_on)))
            for i, code in enumerate(centre_codes)
        ]
        wanted += [
            (f"members[{i}]", Membership(m.code, m.role, Period(m.since or body.declared_on, m.until)))
            for i, m in enumerate(body.members)
        ]
        check_new_members(
            wanted,
            await _memberships(session, body.area_type, fields.values()),
            area_id=area_id,
            area_type=body.area_type,
        )
        area = AreaRow(
            id=area_id,
            area_type=body.area_type,
            name=body.name,
            centre_codes=centre_codes,
            declaration_kind=DECLARATION_KINDS.get(body.area_type),
            declared_on=body.declared_on,
            declaration_inputs=jsonable(
                {
                    "centres": [c.model_dump() for c in body.centres],
                    "centres_adjacent": body.centres_adjacent,
                    "commuting_shares": {
                        m.code: m.commuting_share for m in body.members if m.commuting_share is not None
                    },
                }
            ),
            warnings=[{k: v for k, v in asdict(f).items() if k != "blocking"} for f in findings],
            consensus_rules=jsonable(body.consensus_rules) if body.consensus_rules else None,
            row_version=1,
            created_by_org=actor.org,
            created_at=now(),
        )
        area.members = [
            AreaMemberRow(
                id=new_id(),
                area_id=area_id,
                area_type=body.area_type,
                code=m.code,
                role=m.role,
                since=m.period.since,
                until=m.period.until,
            )
            for _, m in wanted
        ]
        session.add(area)
        await add_event(
            session,
            AreaDeclared(
                area_id=area.id,
                area_type=area.area_type,
                name=area.name,
                centre_codes=centre_codes,
                declared_on=area.declared_on,
                declaration_kind=area.declaration_kind,
                members=_members(area),
                warnings=area.warnings,
            ),
            subject=area.id,
            aggregate_version=area.row_version,
        )
        await record_audit(
            session,
            actor=actor,
            action="area.declared",
            resource_type="area",
            resource_id=area.id,
            after=_audit_view(area),
        )
    return area


async def update_area(
    *, db: Database, actor: Actor, area_id: str, body: AreaUpdate, if_match: str | None
) -> AreaRow:
    async with db.transaction() as session:
        area = await load(session, AreaRow, area_id, what="area", for_update=True)
        ensure_acts_for_one_of(actor, area.centre_codes, field="path.area_id", what="a centre of this area")
        before = _audit_view(area)
        touch(area, if_match)
        if body.name is not None:
            area.name = body.name
        if "consensus_rules" in body.model_fields_set:
            area.consensus_rules = jsonable(body.consensus_rules) if body.consensus_rules else None
        await _announce(session, actor, area, "details_changed", before)
    return area


async def add_member(
    *, db: Database, actor: Actor, area_id: str, body: MemberCreate, if_match: str | None
) -> AreaRow:
    async with db.transaction() as session:
        area = await load(session, AreaRow, area_id, what="area", for_update=True)
        ensure_acts_for_one_of(actor, area.centre_codes, field="path.area_id", what="a centre of this area")
        before = _audit_view(area)
        touch(area, if_match)
        await government(session, body.code, "code")
        member = Membership(body.code, body.role, Period(body.since, body.until))
        check_new_members(
            [("", member)],
            await _memberships(session, area.area_type, [body.code]),
            area_id=area.id,
            area_type=area.area_type,
        )
        area.members.append(
            AreaMemberRow(
                id=new_id(),
                area_id=area.id,
                area_type=area.area_type,
                code=body.code,
                role=body.role,
                since=body.since,
                until=body.until,
            )
        )
        await _announce(session, actor, area, "member_added", before)
    return area


async def update_member(
    *, db: Database, actor: Actor, area_id: str, member_id: str, body: MemberUpdate, if_match: str | None
) -> AreaRow:
    """End (or reopen) a membership; the centre or the member itself may do it."""
    async with db.transaction() as session:
        area = await load(session, AreaRow, area_id, what="area", for_update=True)
        row = next((m for m in area.members if m.id == member_id), None)
        if row is None:
            raise RuleViolation(
                "member_id",
                "member_of_area",
                f"area {area_id!a} has no member row {member_id!a}",
                location="path",
            )
        ensure_acts_for_one_of(
            actor,
            [*area.centre_codes, row.code],
            field="path.member_id",
            what="a centre of this area or this member",
        )
        before = _audit_view(area)
        touch(area, if_match)
        changed = Membership(row.code, row.role, Period(row.since, body.until))
        others = await _memberships(session, area.area_type, [row.code], exclude_id=row.id)
        check_new_members([("", changed)], others, area_id=area.id, area_type=area.area_type)
        row.until = body.until
        await _announce(session, actor, area, "member_changed", before)
    return area


async def get_area(*, db: Database, actor: Actor, area_id: str) -> AreaRow:
    return await load_readable(db, actor, AreaRow, area_id, what="area", readers=participants)


async def list_areas(
    *,
    db: Database,
    actor: Actor,
    area_type: str | None = None,
    member: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
) -> tuple[list[AreaRow], str | None]:
    query = select(AreaRow)
    if not actor.reads_all:
        query = query.where(
            AreaRow.id.in_(select(AreaMemberRow.area_id).where(visible(actor, [AreaMemberRow.code])))
        )
    if member is not None:
        query = query.where(AreaRow.id.in_(select(AreaMemberRow.area_id).where(AreaMemberRow.code == member)))
    if area_type is not None:
        query = query.where(AreaRow.area_type == area_type)
    return await fetch_page(db, query, AreaRow.id, cursor=cursor, limit=limit)


def _check_distinct(centres: list[str], members: list[str]) -> None:
    violations = []
    if len(set(centres)) != len(centres):
        violations.append(
            Violation("centres[1].code", "distinct_centres", "the two centres must be different")
        )
    violations += [
        Violation(f"members[{i}].code", "centre_not_member", f"{code} is a centre; list it once")
        for i, code in enumerate(members)
        if code in centres
    ]
    if violations:
        raise RuleViolation(violations=violations)


async def _memberships(
    session: AsyncSession, area_type: str, codes: Iterable[str], *, exclude_id: str | None = None
) -> list[Membership]:
    """Member rows of every area of this type that name one of `codes`, for the overlap checks."""
    query = select(AreaMemberRow).where(
        AreaMemberRow.area_type == area_type, AreaMemberRow.code.in_(set(codes))
    )
    if exclude_id is not None:
        query = query.where(AreaMemberRow.id != exclude_id)
    return [
        Membership(r.code, r.role, _period(r), r.area_id, r.area_type) for r in (await session.scalars(query))
    ]


def _period(row: AreaMemberRow) -> Period:
    return Period(row.since, row.until)


def _members(area: AreaRow) -> list[AreaMember]:
    return [AreaMember(code=m.code, role=m.role, since=m.since, until=m.until) for m in area.members]


def _audit_view(area: AreaRow) -> dict[str, object]:
    return {**snapshot(area), "members": [snapshot(m) for m in area.members]}


async def _announce(
    session: AsyncSession, actor: Actor, area: AreaRow, change: str, before: dict[str, object]
) -> None:
    await session.flush()
    await add_event(
        session,
        AreaUpdated(
            area_id=area.id,
            area_type=area.area_type,
            name=area.name,
            centre_codes=area.centre_codes,
            change=change,
            members=_members(area),
        ),
        subject=area.id,
        aggregate_version=area.row_version,
    )
    await record_audit(
        session,
        actor=actor,
        action=f"area.{change}",
        resource_type="area",
        resource_id=area.id,
        before=before,
        after=_audit_view(area),
    )
