"""Use cases of areas: declare one (with its requirement checks), manage members over time, read."""

from __future__ import annotations

from collections.abc import Iterable

from renkei_common.access import ensure_acts_for_one_of, ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, Violation
from renkei_common.events.contracts import AreaDeclared, AreaMember, AreaUpdated
from renkei_common.i18n import msg, stored
from renkei_common.persistence import fetch_page, load, new_id, snapshot
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from renkei_common.writes import jsonable
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from renkei_agreements.adapters.orm import AreaMemberRow, AreaRow
from renkei_agreements.domain.membership import Membership, Period, check_new_members
from renkei_agreements.domain.requirements import Centre, Partner, check_declaration
from renkei_agreements.domain.rules import RULES, RuleBook
from renkei_agreements.domain.vocabulary import AreaChange, AreaType, DeclarationKind, MemberRole
from renkei_agreements.service_layer.commands import AddMember, DeclareArea, EndMembership, UpdateArea
from renkei_agreements.service_layer.governments import government, governments
from renkei_agreements.service_layer.rule_overrides import overrides_for

DECLARATION_KINDS = {
    AreaType.METROPOLITAN: DeclarationKind.RENKEI_CHUSU_TOSHI_SENGEN,
    AreaType.SETTLEMENT: DeclarationKind.CHUSHIN_SHI_SENGEN,
}
CENTRE = "a centre of this area"
WARNING_FIELDS = ("rule", "field", "message", "confidence", "source", "override")


def participants(area: AreaRow) -> set[str]:
    """Everyone who is or was part of the area: they may read it."""
    return set(area.centre_codes) | {m.code for m in area.members}


async def declare_area(
    *, db: Database, actor: Actor, command: DeclareArea, rules: RuleBook = RULES
) -> AreaRow:
    """連携中枢都市宣言 / 中心市宣言 by the centre itself; requirement findings are stored as warnings."""
    centre_codes = [c.code for c in command.centres]
    ensure_acts_for_one_of(actor, centre_codes, field="body.centres", what="a centre of this area")
    fields = {f"centres[{i}].code": c.code for i, c in enumerate(command.centres)}
    fields |= {f"members[{i}].code": m.code for i, m in enumerate(command.members)}
    async with unit_of_work(db, actor) as uow:
        govs = await governments(uow.session, fields)
        _check_distinct(centre_codes, [m.code for m in command.members])
        findings = check_declaration(
            command.area_type,
            [Centre(govs[c.code], c.day_night_ratio) for c in command.centres],
            [
                Partner(govs[m.code], m.commuting_share, i)
                for i, m in enumerate(command.members)
                if m.role == MemberRole.PARTNER
            ],
            centres_adjacent=command.centres_adjacent,
            rules=rules,
            overrides=await overrides_for(uow.session, centre_codes),
        )
        area_id = new_id()
        wanted = [
            (f"centres[{i}]", Membership(code, MemberRole.CENTRE, Period(command.declared_on)))
            for i, code in enumerate(centre_codes)
        ]
        wanted += [
            (f"members[{i}]", Membership(m.code, m.role, Period(m.since or command.declared_on, m.until)))
            for i, m in enumerate(command.members)
        ]
        existing = await _memberships(uow.session, command.area_type, fields.values())
        check_new_members(wanted, existing, area_id=area_id, area_type=command.area_type)
        area = AreaRow(
            id=area_id,
            area_type=command.area_type,
            name=command.name,
            centre_codes=centre_codes,
            declaration_kind=DECLARATION_KINDS.get(command.area_type),
            declared_on=command.declared_on,
            declaration_inputs=jsonable(
                {
                    "centres": command.centres,
                    "centres_adjacent": command.centres_adjacent,
                    "commuting_shares": {
                        m.code: m.commuting_share for m in command.members if m.commuting_share is not None
                    },
                }
            ),
            # An override admitted is stored with its warning (dates as ISO strings: JSON-safe).
            # The message's key and parameters too, so that a reader gets it in the language it asks for.
            warnings=jsonable(
                [
                    {**{name: getattr(f, name) for name in WARNING_FIELDS}, **stored(f.message)}
                    for f in findings
                ]
            ),
            consensus_rules=command.consensus_rules,
        )
        area.members = [_member_row(area, m) for _, m in wanted]
        uow.add(area, action="area.declared", view=_audit_view)
        uow.emit(
            area,
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
        )
    return area


async def _changing(
    uow: UnitOfWork, area_id: str, if_match: str | None, change: AreaChange, *, member_id: str | None = None
) -> AreaRow:
    """The area locked with its members, its centre (or the member itself) checked, versioned, announced."""
    area = await uow.load(AreaRow, area_id, what="area", options=(joinedload(AreaRow.members),))
    if member_id is None:
        uow.authorise(area.centre_codes, field="path.area_id", what=CENTRE)
    else:
        row = _member_of(area, member_id)
        what = "a centre of this area or this member"
        uow.authorise([*area.centre_codes, row.code], field="path.member_id", what=what)
    uow.change(area, if_match=if_match, action=f"area.{change.value}", view=_audit_view)
    return area


def _announce(uow: UnitOfWork, area: AreaRow, change: AreaChange) -> None:
    payload = AreaUpdated(
        area_id=area.id,
        area_type=area.area_type,
        name=area.name,
        centre_codes=area.centre_codes,
        change=change,
        members=_members(area),
    )
    uow.emit(area, payload)


async def update_area(
    *, db: Database, actor: Actor, area_id: str, command: UpdateArea, if_match: str | None
) -> AreaRow:
    async with unit_of_work(db, actor) as uow:
        area = await _changing(uow, area_id, if_match, AreaChange.DETAILS_CHANGED)
        if command.name is not None:
            area.name = command.name
        if command.consensus_rules_given:
            area.consensus_rules = command.consensus_rules
        _announce(uow, area, AreaChange.DETAILS_CHANGED)
    return area


async def add_member(
    *, db: Database, actor: Actor, area_id: str, command: AddMember, if_match: str | None
) -> AreaRow:
    async with unit_of_work(db, actor) as uow:
        area = await _changing(uow, area_id, if_match, AreaChange.MEMBER_ADDED)
        await government(uow.session, command.code, "code")
        member = Membership(command.code, command.role, Period(command.since, command.until))
        existing = await _memberships(uow.session, area.area_type, [command.code])
        check_new_members([("", member)], existing, area_id=area.id, area_type=area.area_type)
        area.members.append(_member_row(area, member))
        _announce(uow, area, AreaChange.MEMBER_ADDED)
    return area


async def update_member(
    *, db: Database, actor: Actor, area_id: str, member_id: str, command: EndMembership, if_match: str | None
) -> AreaRow:
    """End (or reopen) a membership; the centre or the member itself may do it."""
    async with unit_of_work(db, actor) as uow:
        area = await _changing(uow, area_id, if_match, AreaChange.MEMBER_CHANGED, member_id=member_id)
        row = _member_of(area, member_id)
        changed = Membership(row.code, row.role, Period(row.since, command.until))
        others = await _memberships(uow.session, area.area_type, [row.code], exclude_id=row.id)
        check_new_members([("", changed)], others, area_id=area.id, area_type=area.area_type)
        row.until = command.until
        _announce(uow, area, AreaChange.MEMBER_CHANGED)
    return area


async def get_area(*, db: Database, actor: Actor, area_id: str) -> AreaRow:
    async with db.session() as session:
        area = await load(session, AreaRow, area_id, what="area")
    ensure_can_read(actor, participants(area), what="area")
    return area


async def list_areas(
    *,
    db: Database,
    actor: Actor,
    area_type: AreaType | None = None,
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


def _member_of(area: AreaRow, member_id: str) -> AreaMemberRow:
    row = next((m for m in area.members if m.id == member_id), None)
    if row is None:
        message = msg("agreements.member_of_area", area_id=area.id, member_id=member_id)
        raise RuleViolation("member_id", "member_of_area", message, location="path")
    return row


def _member_row(area: AreaRow, member: Membership) -> AreaMemberRow:
    period = member.period
    return AreaMemberRow(
        id=new_id(),
        area_id=area.id,
        area_type=area.area_type,
        code=member.code,
        role=member.role,
        since=period.since,
        until=period.until,
    )


def _check_distinct(centres: list[str], members: list[str]) -> None:
    violations = []
    if len(set(centres)) != len(centres):
        violations.append(
            Violation("centres[1].code", "distinct_centres", msg("agreements.distinct_centres"))
        )
    violations += [
        Violation(f"members[{i}].code", "centre_not_member", msg("agreements.centre_not_member", code=code))
        for i, code in enumerate(members)
        if code in centres
    ]
    if violations:
        raise RuleViolation(violations=violations)


async def _memberships(
    session: AsyncSession, area_type: AreaType, codes: Iterable[str], *, exclude_id: str | None = None
) -> list[Membership]:
    """Member rows of every area of this type that name one of `codes`, for the overlap checks."""
    query = select(AreaMemberRow).where(
        AreaMemberRow.area_type == area_type, AreaMemberRow.code.in_(set(codes))
    )
    if exclude_id is not None:
        query = query.where(AreaMemberRow.id != exclude_id)
    rows = await session.scalars(query)
    return [Membership(r.code, r.role, Period(r.since, r.until), r.area_id, r.area_type) for r in rows]


def _members(area: AreaRow) -> list[AreaMember]:
    return [AreaMember(code=m.code, role=m.role, since=m.since, until=m.until) for m in area.members]


def _audit_view(area: AreaRow) -> dict[str, object]:
    return {**snapshot(area), "members": [snapshot(m) for m in area.members]}
