"""Use cases of visions: draft, revise the draft, adopt (VisionAdopted), report KPI actuals (KpiReported)."""

from __future__ import annotations

from dataclasses import dataclass

from renkei_common.access import ensure_acts_for_one_of, ensure_can_read, visible
from renkei_common.auth import Actor
from renkei_common.db import Database
from renkei_common.domain_errors import RuleViolation, StateConflict
from renkei_common.errors import NotFound
from renkei_common.events.contracts import KpiReported, ProjectBudget, VisionAdopted, VisionProject
from renkei_common.i18n import msg
from renkei_common.persistence import fetch_page, load, new_id, now, snapshot
from renkei_common.unit_of_work import UnitOfWork, unit_of_work
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, raiseload, selectinload

from renkei_agreements.adapters.orm import AreaMemberRow, AreaRow, KpiActualRow, KpiRow, VisionRow
from renkei_agreements.domain import visions as rules
from renkei_agreements.domain.vocabulary import VisionStatus
from renkei_agreements.service_layer.areas import participants
from renkei_agreements.service_layer.commands import AdoptVision, DraftVision, ReportKpi, ReviseVision
from renkei_agreements.service_layer.vision_content import (
    audit_view,
    check_content,
    fill_rows,
    kpi_in,
    project_in,
)

CENTRE = "a centre of the area"
# What a vision's public view shows besides its own rows: every KPI's reports.
WITH_REPORTS = (selectinload(VisionRow.kpis).selectinload(KpiRow.actuals),)


@dataclass(frozen=True)
class KpiReport:
    vision: VisionRow
    kpi: KpiRow
    report: KpiActualRow
    target: float | None


async def _area(session: AsyncSession, area_id: str, *, with_members: bool = True) -> AreaRow:
    """The vision's area; writes that only check its centre skip loading its members."""
    options = () if with_members else (raiseload(AreaRow.members),)
    area = await session.get(AreaRow, area_id, options=options)
    if area is None:
        raise RuleViolation("area_id", "unknown_area", msg("agreements.unknown_area", area_id=area_id))
    return area


async def draft_vision(*, db: Database, actor: Actor, command: DraftVision) -> VisionRow:
    async with unit_of_work(db, actor) as uow:
        area = await _area(uow.session, command.area_id)
        ensure_acts_for_one_of(actor, area.centre_codes, field="body.area_id", what=CENTRE)
        first, last = command.first_fiscal_year, command.last_fiscal_year
        check_content(area, first, last, command.projects, command.kpis)
        title = command.title or f"{area.name}{rules.VISION_TITLES[area.area_type]}"
        vision = VisionRow(
            id=new_id(),
            area_id=area.id,
            area_type=area.area_type,
            title=title,
            first_fiscal_year=first,
            last_fiscal_year=last,
            status=VisionStatus.DRAFT,
            adopted_on=None,
        )
        fill_rows(vision, command.projects, command.kpis)
        uow.add(vision, action="vision.drafted", view=audit_view)
    return vision


async def _changing_vision(
    uow: UnitOfWork, vision_id: str, if_match: str | None, action: str, *, with_members: bool = True
) -> tuple[VisionRow, AreaRow]:
    """A centre's write: the vision locked, its area's centre checked, If-Match, versioned, audited."""
    vision = await uow.load(VisionRow, vision_id, what="vision", options=WITH_REPORTS)
    area = await _area(uow.session, vision.area_id, with_members=with_members)
    uow.authorise(area.centre_codes, field="path.vision_id", what=CENTRE)
    uow.change(vision, if_match=if_match, action=action, view=audit_view)
    return vision, area


async def update_vision(
    *, db: Database, actor: Actor, vision_id: str, command: ReviseVision, if_match: str | None
) -> VisionRow:
    async with unit_of_work(db, actor) as uow:
        vision, area = await _changing_vision(
            uow, vision_id, if_match, action="vision.revised", with_members=True
        )
        if vision.status != VisionStatus.DRAFT:
            raise StateConflict(msg("agreements.already_adopted_2"), rule="already_adopted")
        first = command.first_fiscal_year or vision.first_fiscal_year
        last = command.last_fiscal_year or vision.last_fiscal_year
        projects = (
            command.projects if command.projects is not None else [project_in(p) for p in vision.projects]
        )
        kpis = command.kpis if command.kpis is not None else [kpi_in(vision, k) for k in vision.kpis]
        check_content(area, first, last, projects, kpis)
        vision.title = command.title or vision.title
        vision.first_fiscal_year, vision.last_fiscal_year = first, last
        if command.projects is not None or command.kpis is not None:
            fill_rows(vision, projects, kpis)  # KPIs name projects by position, so both are rebuilt together
    return vision


async def adopt_vision(
    *, db: Database, actor: Actor, vision_id: str, command: AdoptVision, if_match: str | None
) -> VisionRow:
    """Adoption (策定) forms the area in MIC's count; it emits VisionAdopted with every budget."""
    async with unit_of_work(db, actor) as uow:
        vision, area = await _changing_vision(
            uow, vision_id, if_match, action="vision.adopted", with_members=False
        )
        vision.status = rules.check_adoption(status=vision.status, project_count=len(vision.projects))
        vision.adopted_on = command.adopted_on
        projects = [
            VisionProject(
                project_id=p.id,
                name=p.name,
                field=p.field,
                role=p.role,
                bond_eligibility=p.bond_eligibility,
                budgets=[ProjectBudget(**b) for b in p.budgets],
            )
            for p in vision.projects
        ]
        uow.emit(
            vision,
            VisionAdopted(
                vision_id=vision.id,
                area_id=area.id,
                area_type=area.area_type,
                title=vision.title,
                first_fiscal_year=vision.first_fiscal_year,
                last_fiscal_year=vision.last_fiscal_year,
                adopted_on=command.adopted_on,
                projects=projects,
            ),
        )
    return vision


async def report_kpi(
    *, db: Database, actor: Actor, vision_id: str, kpi_id: str, command: ReportKpi, if_match: str | None
) -> KpiReport:
    """Append an actual value for a fiscal year; a later report for the same year corrects it."""
    async with unit_of_work(db, actor) as uow:
        # The most frequent write of a vision: the vision, its KPIs and its area's centres in one query,
        # locking the vision row only (a KPI report needs neither the projects nor the members).
        query = (
            select(VisionRow, AreaRow.centre_codes)
            .join(AreaRow, AreaRow.id == VisionRow.area_id)
            .where(VisionRow.id == vision_id)
            .options(raiseload(VisionRow.projects), joinedload(VisionRow.kpis))
            .with_for_update(of=VisionRow)
        )
        found = (await uow.session.execute(query)).unique().first()
        if found is None:
            raise NotFound(msg("agreements.visions.vision_not_found", vision_id=vision_id))
        vision, centre_codes = found
        uow.authorise(centre_codes, field="path.vision_id", what=CENTRE)
        uow.change(vision, if_match=if_match, action="vision.kpi_reported")
        kpi = next((k for k in vision.kpis if k.id == kpi_id), None)
        if kpi is None:
            raise NotFound(msg("agreements.visions.vision_has_no_kpi", vision_id=vision_id, kpi_id=kpi_id))
        rules.check_kpi_report(
            status=vision.status,
            first_fiscal_year=vision.first_fiscal_year,
            last_fiscal_year=vision.last_fiscal_year,
            fiscal_year=command.fiscal_year,
        )
        actual = KpiActualRow(
            id=new_id(),
            kpi_id=kpi.id,
            fiscal_year=command.fiscal_year,
            value=command.value,
            reported_on=command.reported_on,
            recorded_by_org=actor.org,
            recorded_at=now(),
        )
        uow.session.add(actual)
        uow.audit(vision, after=snapshot(actual))
        target = rules.target_for([(int(y), float(v)) for y, v in kpi.targets], command.fiscal_year)
        uow.emit(
            vision,
            KpiReported(
                vision_id=vision.id,
                kpi_id=kpi.id,
                name=kpi.name,
                unit=kpi.unit,
                fiscal_year=command.fiscal_year,
                actual=command.value,
                target=target,
                area_id=vision.area_id,
                centre_codes=sorted(centre_codes),
            ),
        )
    return KpiReport(vision, kpi, actual, target)


async def get_vision(*, db: Database, actor: Actor, vision_id: str) -> VisionRow:
    async with db.session() as session:
        vision = await load(session, VisionRow, vision_id, what="vision", options=WITH_REPORTS)
        area = await _area(session, vision.area_id)
    ensure_can_read(actor, participants(area), what="vision")
    return vision


async def list_visions(
    *, db: Database, actor: Actor, area_id: str | None = None, cursor: str | None = None, limit: int = 100
) -> tuple[list[VisionRow], str | None]:
    query = select(VisionRow).options(*WITH_REPORTS)
    if not actor.reads_all:
        readable = select(AreaMemberRow.area_id).where(visible(actor, [AreaMemberRow.code]))
        query = query.where(VisionRow.area_id.in_(readable))
    if area_id is not None:
        query = query.where(VisionRow.area_id == area_id)
    return await fetch_page(db, query, VisionRow.id, cursor=cursor, limit=limit)
